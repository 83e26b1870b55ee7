"""Opening a study file: header checks, the connection profile, migrations, write transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.db.errors import cannot_open_for_shared_memory, read_only_media

APPLICATION_ID = 0x4A444D44  # "JDMD"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class Problem(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    TOO_NEW = "too_new"
    DAMAGED = "damaged"
    UNREADABLE = "unreadable"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"


class StudyFileError(Exception):
    """A study file that cannot be opened; the message names the problem for the user."""

    def __init__(self, path: Path, problem: Problem, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.problem = problem
        self.message = message


@dataclass
class Study:
    """An open study file. ``db`` is the sqlite-utils handle; ``read_only`` forbids writes."""

    path: Path
    db: Database
    read_only: bool

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError as err:
        raise StudyFileError(path, Problem.UNREADABLE, f"cannot read the file ({err.strerror})")\
            from None


def check_header(path: Path) -> None:
    """Refuse what is not a SQLite file, before SQLite itself touches it."""
    if not path.exists():
        raise StudyFileError(path, Problem.MISSING, "no such study file")
    if path.is_dir():
        raise StudyFileError(path, Problem.NOT_SQLITE, "is a folder, not a study file")
    head = _header(path)
    if not head:
        raise StudyFileError(path, Problem.EMPTY, "the file is empty (0 bytes): not a study file")
    if not head.startswith(SQLITE_MAGIC):
        raise StudyFileError(path, Problem.NOT_SQLITE,
                             "not a JDM Desk study file (not an SQLite database)")
    if len(head) < 100:
        raise StudyFileError(path, Problem.DAMAGED, "the file is truncated (damaged header)")


def header_identity(path: Path) -> tuple[int, int]:
    """``(application_id, user_version)`` as the file's first page holds them, read without
    SQLite (so nothing, not even a ``-shm``, is made beside a file that will be refused).

    A change not yet checkpointed from the ``-wal`` is not seen here; versions only grow, so a
    header that already names a newer schema is certain.
    """
    head = _header(path)
    if len(head) < 100:
        return 0, 0
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the study profile. Autocommit mode: transactions are explicit."""
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as err:  # other problems are reported by the checks
            if "readonly" in str(err) or (cannot_open_for_shared_memory(err)
                                          and not folder_writable(path)):
                # A WAL file in a folder we cannot write (read-only media, permissions): no
                # -shm can be made, so nobody can be writing it either; read it as immutable
                # (a leftover -wal is ignored).
                conn.close()
                conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")  # a write: fails on a full disk
            conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def wrap(conn: sqlite3.Connection) -> Database:
    return Database(conn, recursive_triggers=False, execute_plugins=False)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE … COMMIT``; rolls back on any exception, then re-raises it."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def folder_writable(path: Path) -> bool:
    """Whether files can be made beside ``path`` (a read-only mount says no even to root)."""
    return not read_only_media(path) and os.access(Path(path).parent, os.W_OK)


def writable(path: Path) -> bool:
    """Whether this process may write the file and create its journal beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@contextmanager
def account_transaction(study: Study) -> Iterator[Database | None]:
    """A write transaction for login bookkeeping (attempt counters, lockout, their audit rows).

    A study opened read-only (a second instance, or ``--read-only``) still records its logins
    through a short-lived connection of its own, so lockout cannot be sidestepped by opening
    read-only. Only a file that cannot be written at all (read-only media) yields None: there
    the attempts cannot be recorded.
    """
    if not study.read_only:
        with write_transaction(study.db) as db:
            yield db
        return
    if not writable(study.path):
        yield None
        return
    side = wrap(connect(study.path))
    try:
        with write_transaction(side) as db:
            yield db
    finally:
        side.close()


def checkpoint(path: Path) -> None:
    """Copy what the -wal holds into the study file itself, through a connection of its own
    (closed at once). The command line calls it before it exits: its login was written beside
    a read-only connection, whose closing never checkpoints, so a copy of the file alone would
    miss it. Best effort and never waiting: a file this process may not write, or one busy
    in another program (which checkpoints it in turn), is left as it is."""
    if not writable(path):
        return
    try:
        conn = connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
