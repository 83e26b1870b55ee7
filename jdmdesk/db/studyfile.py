"""Open or create a study file, with the checks every open runs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from jdmdesk.db.connection import (
    APPLICATION_ID,
    Problem,
    Study,
    StudyFileError,
    check_header,
    connect,
    wrap,
)
from jdmdesk.db.migrations import LATEST_VERSION, application_id, migrate, user_version


def create_study(path: Path) -> Study:
    """Create a new, empty study file at the latest schema version. Refuses to overwrite."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StudyFileError(path, Problem.FOREIGN, "a file already exists there")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
    except (OSError, sqlite3.Error) as err:
        raise StudyFileError(path, Problem.UNREADABLE, f"cannot create the study file ({err})")\
            from None
    migrate(conn, None)
    return Study(path, wrap(conn), read_only=False)


def open_study(path: Path, *, read_only: bool = False, create: bool = False) -> Study:
    """Open an existing study file after checking what it is; migrate it if it is older.

    With ``create`` a missing file is created. A file that cannot be written is opened
    read-only. Raises :class:`StudyFileError` naming the problem.
    """
    path = Path(path)
    if create and not path.exists():
        return create_study(path)
    check_header(path)
    if not read_only and not _writable(path):
        read_only = True
    _probe(path)  # identity and damage checks on a read-only connection: nothing written
    try:
        conn = connect(path, read_only=read_only)
    except sqlite3.Error as err:
        raise StudyFileError(path, Problem.UNREADABLE, f"cannot open the file ({err})") from None
    try:
        if user_version(conn) < LATEST_VERSION:
            if read_only:
                raise StudyFileError(
                    path, Problem.READ_ONLY,
                    "an older study file that must be upgraded, but it is open read-only")
            migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return Study(path, wrap(conn), read_only=read_only)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _probe(path: Path) -> None:
    siblings = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [p.exists() for p in siblings]
    try:
        try:
            conn = connect(path, read_only=True)
        except sqlite3.Error as err:
            raise StudyFileError(path, Problem.UNREADABLE,
                                 f"cannot open the file ({err})") from None
        try:
            _check_identity(path, conn)
        finally:
            conn.close()
    except StudyFileError:
        _remove_probe_siblings(siblings, existed)
        raise


def _remove_probe_siblings(siblings: list[Path], existed: list[bool]) -> None:
    """A refused file keeps no trace: drop the empty -wal/-shm the read-only probe made."""
    wal, _ = siblings
    try:
        if not existed[0] and wal.exists() and wal.stat().st_size > 0:
            return
        for p, was in zip(siblings, existed, strict=True):
            if not was:
                p.unlink(missing_ok=True)
    except OSError:
        pass


def _check_identity(path: Path, conn: sqlite3.Connection) -> None:
    try:
        app_id, version = application_id(conn), user_version(conn)
    except sqlite3.DatabaseError as err:
        raise StudyFileError(path, Problem.DAMAGED, f"the file is damaged ({err})") from None
    if app_id != APPLICATION_ID:
        raise StudyFileError(path, Problem.FOREIGN,
                             "an SQLite database of another application, not a JDM Desk study")
    if version > LATEST_VERSION:
        raise StudyFileError(
            path, Problem.TOO_NEW,
            f"made by a newer JDM Desk (schema {version}; this version reads up to "
            f"{LATEST_VERSION}): update JDM Desk to open it")
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as err:
        raise StudyFileError(path, Problem.DAMAGED, f"the file is damaged ({err})") from None
    if result != [("ok",)]:
        first = result[0][0] if result else "unknown"
        # quick_check reports "*** in database main ***\nPage 5: …": keep the message one line
        first = " ".join(first.replace("*** in database main ***", "").split()) or "unknown"
        raise StudyFileError(path, Problem.DAMAGED, f"the file is damaged ({first})")
