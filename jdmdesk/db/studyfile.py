"""Open or create a study file, with the checks every open runs."""

from __future__ import annotations

import sqlite3  # type names only: connections come from jdmdesk.db.driver
import threading
from pathlib import Path

from jdmdesk.db.backup import BackupError, pre_migration_backup
from jdmdesk.db.connection import (
    APPLICATION_ID,
    Problem,
    Study,
    StudyFileError,
    check_header,
    connect,
    header_identity,
    is_plain,
    key_of,
    wrap,
    writable,
    write_transaction,
)
from jdmdesk.db.driver import DatabaseError, Error
from jdmdesk.db.errors import disk_full
from jdmdesk.db.migrations import LATEST_VERSION, application_id, migrate, user_version
from jdmdesk.domain.texts import Message, text_of


def backup_before_migration(conn: sqlite3.Connection, path: Path, from_version: int) -> Path:
    """A verified copy of the file as it is, in ``backups/`` beside it (the backup mechanism of
    :mod:`jdmdesk.db.backup`: temporary name, verified, fsynced, never replacing a file).

    Raises :class:`StudyFileError` when no copy can be made: the file is then not migrated.
    """
    try:
        return pre_migration_backup(conn, path, from_version)
    except (BackupError, OSError) as err:
        raise StudyFileError(path, Problem.UNREADABLE,
                             Message("an older study file that must be upgraded, but no "
                                     "verified backup of it could be made first ({error})",
                                     error=text_of(err))) from None


def create_study(path: Path, *, encrypt: bool = True) -> Study:
    """Create a new, empty study file at the latest schema version. Refuses to overwrite.

    Encrypted (the default) with a new random study key: the key file beside it holds the
    recovery copy (the recovery key is on the returned Study, to be shown once); accounts add
    their own copies as they are created. ``encrypt=False`` is for tests of older files."""
    from jdmdesk.db import keyring, keystore

    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StudyFileError(path, Problem.FOREIGN,
                             Message("a file already exists there"))
    new = keystore.new_study_keys() if encrypt else None
    key = None if new is None else new.study_key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, key=key)
        migrate(conn, None)
        study = Study(path, wrap(conn), read_only=False, key=key)
        if new is not None:
            with write_transaction(study.db) as db:
                keystore.write_keys(db, path, new.keys)
            keyring.remember(path, new.study_key, new.keys.study_id)
            study.recovery_key = new.recovery_key
    except (OSError, Error) as err:
        raise _refusal(path, err, Problem.UNREADABLE, Message(
            "cannot create the study file ({error})", error=str(err))) from None
    return study


def open_study(path: Path, *, read_only: bool = False, create: bool = False,
               integrity: IntegrityCheck | None = None) -> Study:
    """Open an existing study file after checking what it is; migrate it if it is older.

    With ``create`` a missing file is created. A file that cannot be written is opened
    read-only. Raises :class:`StudyFileError` naming the problem. With ``integrity`` (started
    by :func:`start_integrity_check`) the ``quick_check`` runs in that thread while the caller
    goes on; the caller must call ``integrity.wait()`` before writing. Migration waits for it.
    """
    path = Path(path)
    if create and not path.exists():
        return create_study(path)
    check_header(path)
    refuse_newer_by_header(path)
    if not read_only and not writable(path):
        read_only = True
    # identity and damage checks on a read-only connection: nothing written
    _probe(path, quick_check=integrity is None)
    key = key_of(path)
    try:
        conn = connect(path, read_only=read_only, key=key)
    except Error as err:
        raise _open_error(path, err) from None
    try:
        if user_version(conn) < LATEST_VERSION:
            if integrity is not None:
                integrity.wait()
            if read_only:
                raise StudyFileError(
                    path, Problem.READ_ONLY,
                    _needs_upgrade(user_version(conn)))
            migrate(conn, lambda version: backup_before_migration(conn, path, version))
    except BaseException:
        conn.close()
        raise
    return Study(path, wrap(conn), read_only=read_only, key=key)


class IntegrityCheck:
    """``PRAGMA quick_check`` of a study file in a thread with its own read-only connection.

    Started before the window is built, it overlaps the check (half a second for a
    10 000-patient study) with imports and layout; ``wait()`` raises StudyFileError if damaged.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.error: StudyFileError | None = None
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = connect(self.path, read_only=True)
        except Error as err:
            self.error = _refusal(self.path, err, Problem.UNREADABLE,
                                  _cannot_open(err))
            return
        with self._lock:
            self._conn = conn
        try:
            if not self._cancelled:
                _quick_check(self.path, conn)
        except StudyFileError as err:
            self.error = err
        except Error:
            if not self._cancelled:
                raise
        finally:
            with self._lock:
                self._conn = None
            conn.close()
        if self._cancelled:
            self.error = StudyFileError(self.path, Problem.DAMAGED,
                                        _stopped())

    def cancel(self) -> None:
        """Stop a check still running (the window closed first) and wait for its thread."""
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
        self._thread.join()

    @property
    def done(self) -> bool:
        """Whether the check has ended (``error`` then says how)."""
        return not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()
        if self.error is not None:
            raise self.error


def start_integrity_check(path: Path) -> IntegrityCheck | None:
    """A background quick_check for an existing SQLite file, else None (checked on open)."""
    try:
        check_header(Path(path))
        refuse_newer_by_header(Path(path))
    except StudyFileError:
        return None
    return IntegrityCheck(Path(path))


def refuse_newer_by_header(path: Path) -> None:
    """Refuse a study of a newer schema from its header bytes, before SQLite opens it: a
    refused file keeps no ``-wal``/``-shm`` beside it (the window's background check and the
    probe would otherwise make them)."""
    app_id, version = header_identity(path)
    if app_id == APPLICATION_ID and version > LATEST_VERSION:
        raise _too_new(path, version)


def _too_new(path: Path, version: int) -> StudyFileError:
    return StudyFileError(
        path, Problem.TOO_NEW,
        Message("made by a newer JDM Desk (schema {version}; this version reads up to "
                "{latest}): update JDM Desk to open it", version=version, latest=LATEST_VERSION))


def _needs_upgrade(version: int) -> Message:
    return Message("an older study file (version {version}; this JDM Desk writes version "
                   "{latest}) that must be upgraded, but it is open read-only: open it once in "
                   "the JDM Desk window as a user who may edit (it is backed up, then "
                   "upgraded), then try again", version=version, latest=LATEST_VERSION)


def _cannot_open(err: BaseException) -> Message:
    return Message("cannot open the file ({error})", error=str(err))


def _stopped() -> Message:
    return Message("the integrity check was stopped before it ended")


def _disk_full() -> Message:
    return Message("the disk holding the file is full: free some space, then open it again "
                   "(the file was not changed)")



def _refusal(path: Path, err: BaseException, problem: Problem, text: Message) -> StudyFileError:
    """The refusal for an SQLite error while opening: a full disk is named as such."""
    if disk_full(err, path.parent):
        return StudyFileError(path, Problem.DISK_FULL, _disk_full())
    return StudyFileError(path, problem, text)


def _probe(path: Path, *, quick_check: bool = True) -> None:
    from jdmdesk.db import keyring

    if not is_plain(path) and keyring.key_for(path) is None:
        raise StudyFileError(path, Problem.ENCRYPTED,
                             "an encrypted study: log in (or give its recovery key) to open it")
    siblings = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [p.exists() for p in siblings]
    try:
        try:
            conn = connect(path, read_only=True)
        except Error as err:
            raise _open_error(path, err) from None
        try:
            _check_identity(path, conn)
            if quick_check:
                _quick_check(path, conn)
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
    except DatabaseError as err:
        raise _refusal(path, err, Problem.DAMAGED, _damaged(path, err)) from None
    if app_id != APPLICATION_ID:
        raise StudyFileError(path, Problem.FOREIGN, Message(
            "an SQLite database of another application, not a JDM Desk study"))
    if version > LATEST_VERSION:
        raise _too_new(path, version)


def _quick_check(path: Path, conn: sqlite3.Connection) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
    except DatabaseError as err:
        raise _refusal(path, err, Problem.DAMAGED, _damaged(path, err)) from None
    if result != [("ok",)]:
        first = result[0][0] if result else "unknown"
        # quick_check reports "*** in database main ***\nPage 5: …": keep the message one line
        first = " ".join(first.replace("*** in database main ***", "").split()) or "unknown"
        raise StudyFileError(path, Problem.DAMAGED, _damaged_because(first))


def _open_error(path: Path, err: Exception) -> StudyFileError:
    """An encrypted file whose size or first page is wrong fails as soon as it is keyed."""
    if disk_full(err, path.parent):
        return StudyFileError(path, Problem.DISK_FULL, _disk_full())
    text = str(err)
    if "malformed" in text or "not a database" in text:
        return StudyFileError(path, Problem.DAMAGED, _damaged(path, err))
    return StudyFileError(path, Problem.UNREADABLE, _cannot_open(err))


def _damaged(path: Path, err: Exception) -> Message:
    """One line: an encrypted page that does not decrypt was changed, cut or keyed otherwise."""
    if not is_plain(path) and "not a database" in str(err):
        return Message("the file is damaged, or was changed outside JDM Desk, or does not "
                       "belong to this key file (it does not decrypt)")
    return _damaged_because(str(err))


def _damaged_because(reason: str) -> Message:
    return Message("the file is damaged ({reason})", reason=reason)
