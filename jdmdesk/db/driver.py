"""The one SQLite driver of JDM Desk: SQLCipher (``sqlcipher3``), a DB-API module like sqlite3.

Every module in jdmdesk/db connects and catches errors through these names, never through
``sqlite3`` (whose exception classes a SQLCipher connection does not raise). Without a key a
SQLCipher connection reads and writes plain SQLite files, so older studies still open.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from sqlcipher3 import dbapi2 as _driver  # type: ignore[import-untyped]

driver: Any = _driver
if TYPE_CHECKING:  # the same DB-API classes; typed as the standard library's
    from sqlite3 import (
        Connection,
        DatabaseError,
        Error,
        IntegrityError,
        OperationalError,
    )
else:
    Connection = _driver.Connection
    Error = _driver.Error
    DatabaseError = _driver.DatabaseError
    OperationalError = _driver.OperationalError
    IntegrityError = _driver.IntegrityError

__all__ = ["Connection", "DatabaseError", "Error", "IntegrityError", "OperationalError",
           "complete_statement", "connect", "driver"]


class _StudyConnection(_driver.Connection):  # type: ignore[misc]
    """A driver connection that can carry the keys of its study's MACs (``seal_keys``)."""

    seal_keys: Any = None
    # called (then dropped) before the first write transaction: the pending integrity check
    write_gate: Any = None
    study_path: Any = None  # the study file it was opened on (jdmdesk.db.connection.connect)


def connect(database: str, *, uri: bool = False,
            isolation_level: str | None = None) -> sqlite3.Connection:
    """A driver connection (typed as sqlite3's, whose API it shares)."""
    conn: sqlite3.Connection = _driver.connect(database, uri=uri, isolation_level=isolation_level,
                                               factory=_StudyConnection)
    return conn


def seal_keys(conn: object) -> Any:
    """The MAC keys attached to ``conn`` by jdmdesk.db.seals (None: a plain study)."""
    return getattr(conn, "seal_keys", None)


def attach_seal_keys(conn: object, keys: Any) -> None:
    if isinstance(conn, _StudyConnection):
        conn.seal_keys = keys


def attach_study_path(conn: object, path: object) -> None:
    if isinstance(conn, _StudyConnection):
        conn.study_path = path


def study_path(conn: object) -> Any:
    return getattr(conn, "study_path", None)


def complete_statement(sql: str) -> bool:
    return bool(_driver.complete_statement(sql))
