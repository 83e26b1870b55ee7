"""Opening a study file: header checks, the connection profile, migrations, write transactions."""

from __future__ import annotations

import os
import sqlite3  # type names only: connections come from jdmdesk.db.driver
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from jdmdesk.db import driver, keyring, seals
from jdmdesk.db.errors import cannot_open_for_shared_memory, read_only_media
from jdmdesk.domain.texts import Message

APPLICATION_ID = 0x4A444D44  # "JDMD"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# SQLCipher decrypts each page it reads: a page cache of its own keeps the pages a patient's
# views read again (list, forms, chart) decrypted. 16 MiB holds them (benchmarks/bench_perf.py:
# patient switch and save as fast as with 64 MiB) and keeps the window's peak memory at 10 000
# patients under 250 MB (64 MiB: 262-296 MB).
ENCRYPTED_CACHE_KIB = 16384


class Problem(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    TOO_NEW = "too_new"
    DAMAGED = "damaged"
    UNREADABLE = "unreadable"
    READ_ONLY = "read_only"
    ENCRYPTED = "encrypted"  # its key is not known yet: log in or give the recovery key
    DISK_FULL = "disk_full"


class StudyFileError(Exception):
    """A study file that cannot be opened; the message names the problem for the user (a
    :class:`Message`: the window translates it, the command line prints the English)."""

    def __init__(self, path: Path, problem: Problem, message: str) -> None:
        super().__init__(path_message(path, message))
        self.path = path
        self.problem = problem
        self.message = message


@dataclass
class Study:
    """An open study file. ``db`` is the sqlite-utils handle; ``read_only`` forbids writes."""

    path: Path
    db: Database
    read_only: bool
    # the study key (None: a plain, pre-encryption file); never in a repr or a log
    key: bytes | None = field(default=None, repr=False)
    # set only by create_study: shown once, never stored
    recovery_key: str | None = field(default=None, repr=False)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()


def path_message(path: Path, problem: str) -> Message:
    """``<path>: <problem>``, the problem translated by the window."""
    return Message("{path}: {problem}", path=path, problem=problem)


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError as err:
        raise StudyFileError(path, Problem.UNREADABLE, Message("cannot read the file ({error})",
                                                                error=err.strerror))\
            from None


def is_plain(path: Path) -> bool:
    """Whether the file starts with the plain SQLite header (a study made before encryption)."""
    return _header(path).startswith(SQLITE_MAGIC)


def key_of(path: Path) -> bytes | None:
    """The key to open ``path`` with: None for a plain SQLite file (made before encryption, or
    not a study), else the key this process has unlocked for it (or for a copy of its study)."""
    try:
        if path.is_file() and is_plain(path):
            return None
    except (OSError, StudyFileError):
        return None
    return keyring.key_for(path)


def looks_encrypted(path: Path) -> bool:
    """A file with content but no plain SQLite header: an encrypted study (or not a study;
    the key decides). Missing, empty or unreadable files are left to :func:`check_header`."""
    try:
        return path.is_file() and path.stat().st_size > 0 and not is_plain(path)
    except (OSError, StudyFileError):
        return False


def check_header(path: Path) -> None:
    """Refuse what is not a SQLite file, before SQLite itself touches it.

    An encrypted study has no readable header: it is accepted when its key is known to this
    process or its key file lies beside it (the key then decides, on opening)."""
    if not path.exists():
        raise StudyFileError(path, Problem.MISSING, Message("no such study file"))
    if path.is_dir():
        raise StudyFileError(path, Problem.NOT_SQLITE, Message("is a folder, not a study file"))
    head = _header(path)
    if not head:
        raise StudyFileError(path, Problem.EMPTY, Message(
            "the file is empty (0 bytes): not a study file"))
    if (not head.startswith(SQLITE_MAGIC) and keyring.key_for(path) is None
            and not keyring.key_file_path(path).exists()):
        raise StudyFileError(
            path, Problem.NOT_SQLITE,
            Message("not a JDM Desk study file (not an SQLite database), or an encrypted study "
                    "whose key file {name} is missing", name=keyring.key_file_path(path).name))
    if len(head) < 100:
        raise StudyFileError(path, Problem.DAMAGED, Message(
            "the file is truncated (damaged header)"))


def header_identity(path: Path) -> tuple[int, int]:
    """``(application_id, user_version)`` as the file's first page holds them, read without
    SQLite (so nothing, not even a ``-shm``, is made beside a file that will be refused).

    A change not yet checkpointed from the ``-wal`` is not seen here; versions only grow, so a
    header that already names a newer schema is certain.
    """
    head = _header(path)
    if len(head) < 100:
        return 0, 0
    if not head.startswith(SQLITE_MAGIC):
        return _encrypted_identity(path)
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def _encrypted_identity(path: Path) -> tuple[int, int]:
    """An encrypted file's header is ciphertext: read it keyed, as an immutable file (which
    makes no ``-shm``). Only when nothing waits in a ``-wal`` (else the siblings exist
    already) and its key is known; ``(0, 0)`` otherwise (the checks that follow tell)."""
    key = key_of(path)
    if key is None or Path(f"{path}-wal").exists():
        return 0, 0
    try:
        conn = open_keyed(f"{path.resolve().as_uri()}?mode=ro&immutable=1", key, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except driver.Error:
        return 0, 0
    return int(app_id), int(version)


def open_keyed(database: str, key: bytes | None, *, uri: bool = False) -> sqlite3.Connection:
    """A driver connection keyed with ``key`` (None: a plain file) before anything is read.

    Keyed with the raw 256-bit study key (``x'…'``), so SQLCipher runs no key derivation of
    its own; a wrong key shows as "file is not a database" on the first read."""
    conn = driver.connect(database, uri=uri, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # our one-line messages, not its log
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # reads nothing yet
            seals.attach(conn, key)
            conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file, even encrypted
    except BaseException:
        conn.close()
        raise
    return conn


def connect(path: Path, *, read_only: bool = False,
            key: bytes | None = None) -> sqlite3.Connection:
    """A connection with the study profile. Autocommit mode: transactions are explicit.

    ``key`` defaults to the key this process has unlocked for ``path`` (see keyring)."""
    key = key if key is not None else key_of(path)
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = open_keyed(uri, key, uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        except driver.DatabaseError as err:  # other problems are reported by the checks
            if "readonly" in str(err) or (cannot_open_for_shared_memory(err)
                                          and not folder_writable(path)):
                # A WAL file in a folder we cannot write (read-only media, permissions): no
                # -shm can be made, so nobody can be writing it either; read it as immutable
                # (a leftover -wal is ignored).
                conn.close()
                conn = open_keyed(f"{uri}&immutable=1", key, uri=True)
    else:
        conn = open_keyed(str(path), key)
    try:
        if key is None and (copy_key := keyring.copy_key(path)) is not None:
            seals.attach(conn, copy_key)  # a plain copy: its seals are checked with its key
        else:  # (a copy's chain head is in its seal, never in a key file beside it)
            driver.attach_study_path(conn, Path(path))
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if key is not None:
            conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
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


def hold_writes(db: Database, check: WriteGate) -> None:
    """Make every write on ``db`` wait for ``check`` (a quick_check still running when the
    window was shown); a failed check refuses them all."""
    conn = db.conn
    if hasattr(type(conn), "write_gate"):
        conn.write_gate = check  # type: ignore[attr-defined]


class WriteGate(Protocol):
    error: StudyFileError | None

    def wait(self) -> None: ...

    def cancel(self) -> None: ...


def release_writes(db: Database) -> None:
    """The held check passed: writes go ahead without waiting."""
    if getattr(db.conn, "write_gate", None) is not None:
        db.conn.write_gate = None  # type: ignore[attr-defined]


def cancel_held_check(db: Database) -> bool:
    """Closing while writes are still held: stop the check (it reads nothing more) and say
    so, so that nothing is written on the way out (no backup of an unchecked file)."""
    gate: WriteGate | None = getattr(db.conn, "write_gate", None)
    if gate is None:
        return False
    gate.cancel()
    return True


def _pass_write_gate(conn: sqlite3.Connection) -> None:
    gate: WriteGate | None = getattr(conn, "write_gate", None)
    if gate is None:
        return
    try:
        gate.wait()
    except StudyFileError as err:
        raise driver.OperationalError(Message(
            "the study file failed its integrity check ({problem}); nothing was saved",
            problem=err.args[0])) from None
    conn.write_gate = None  # type: ignore[attr-defined]


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``BEGIN IMMEDIATE … COMMIT``; rolls back on any exception, then re-raises it.

    A write first waits for the study's pending integrity check (``hold_writes``)."""
    _pass_write_gate(db.conn)
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
    remember_head(db)


def remember_head(db: Database) -> None:
    """After a commit to an encrypted study: the chain head (its newest audit row) into the head
    file beside its key file (no fsync: it only ever lags), so an open can tell a study whose
    newest saves were lost (an older copy put
    in its place, a cut WAL). Best effort: a head left behind by a failed write only lags,
    which never raises an alarm, and the next commit writes it again. A study that does not
    reach the head its key file remembers keeps that evidence: the head moves on only when a
    data manager has opened it (the window writes it when it closes)."""
    path = driver.study_path(db.conn)
    if path is None or seals.of(db.conn) is None:
        return
    from jdmdesk.crypto.keyfile import KeyFileError
    from jdmdesk.db import chain_head

    try:
        if chain_head.head_problem(db, Path(path)) is None:
            chain_head.remember_head_fast(db, Path(path))
    except (OSError, KeyFileError, driver.Error):
        pass


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
    side = wrap(connect(study.path, key=study.key))
    try:
        with write_transaction(side) as db:
            yield db
    finally:
        side.close()


def checkpoint(path: Path, key: bytes | None = None) -> None:
    """Copy what the -wal holds into the study file itself, through a connection of its own
    (closed at once). The command line calls it before it exits: its login was written beside
    a read-only connection, whose closing never checkpoints, so a copy of the file alone would
    miss it. Best effort and never waiting: a file this process may not write, or one busy
    in another program (which checkpoints it in turn), is left as it is. An encrypted study
    is opened with ``key`` (default: the key this process has unlocked for it)."""
    if not writable(path):
        return
    try:
        conn = connect(path, key=key)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
    except driver.Error:
        pass
