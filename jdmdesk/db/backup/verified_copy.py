"""The mechanism: copy a study with SQLite's online backup API, verify the copy, restore one.

A copy is written under a temporary name beside its target (:mod:`jdmdesk.atomic_file`),
verified (opened read-only: ``application_id``, ``user_version``, ``integrity_check``) and only
then given its final name, so every file with that name was verified when it was made. A copy
of an encrypted study is encrypted with the same study key and gets its own copy of the key
file (``<copy>.keys``), so a backup opens like the study: with a password or the recovery
key. Copies are self-contained single files (rollback-journal mode, no ``-wal``). Neither a
backup nor a restore ever overwrites an existing file, least of all the live study.

A copy reads the study through its own read-only connection when given a path, so it may run
in a worker thread while the window keeps its connection.
"""

from __future__ import annotations

import contextlib
import sqlite3  # type names only: connections come from jdmdesk.db.driver
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from jdmdesk.atomic_file import (
    SQLITE_COMPANIONS,
    TargetExists,
    atomic_write,
    sweep_temporaries,
)
from jdmdesk.db import keyring
from jdmdesk.db.connection import (
    APPLICATION_ID,
    Study,
    StudyFileError,
    check_header,
    is_plain,
    key_of,
    open_keyed,
)
from jdmdesk.db.driver import Connection, Error
from jdmdesk.db.migrations import LATEST_VERSION, application_id, user_version
from jdmdesk.db.processes import pid_alive
from jdmdesk.domain.texts import Message


class BackupError(Exception):
    """A backup that could not be made, verified or restored; ``str()`` is for the user (its
    one argument a :class:`Message`, translated by the window)."""


def exists_text(path: Path) -> Message:
    return Message("{path} already exists: choose a new file name", path=path)


def _copy_name(dest: Path) -> Message:
    return Message("the copy {name}", name=dest.name)


def _restored_name(dest: Path) -> Message:
    return Message("the restored copy {name}", name=dest.name)


Source = Study | sqlite3.Connection | Path | str


@contextlib.contextmanager
def _source_conn(source: Source) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Study):
        source = source.path
    if isinstance(source, Connection):
        yield source
        return
    path = Path(source)
    check_header(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = open_keyed(uri, key_of(path), uri=True)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        yield conn
    finally:
        conn.close()


def _label(source: Source) -> str:
    if isinstance(source, Study):
        return source.path.name
    return "the study" if isinstance(source, Connection) else Path(source).name


def _study_path(source: Source, of: Path | None) -> Path | None:
    if isinstance(source, Study):
        return source.path
    if isinstance(source, Connection):
        if of is not None:
            return of
        row = source.execute("PRAGMA database_list").fetchone()  # (seq, "main", file)
        return Path(row[2]) if row and row[2] else None
    return Path(source)


def _copy(src: sqlite3.Connection, target: Path, *, journal_mode: str,
          key: bytes | None) -> None:
    """Page by page with the online backup API; ``dest`` keyed like ``src`` (no plaintext)."""
    dest = open_keyed(str(target), key)
    try:
        dest.execute("PRAGMA synchronous = FULL")
        src.backup(dest)
        dest.execute(f"PRAGMA journal_mode = {journal_mode}")
    finally:
        dest.close()


def _check_identity(conn: sqlite3.Connection, name: str) -> None:
    if application_id(conn) != APPLICATION_ID:
        raise BackupError(Message("{name}: not a JDM Desk study", name=name))
    version = user_version(conn)
    if not 1 <= version <= LATEST_VERSION:
        raise BackupError(Message("{name}: schema version {version} cannot be read by this "
                                  "version", name=name, version=version))


def verify_backup(path: Path, *, name: str | None = None, key: bytes | None = None) -> None:
    """Raise :class:`BackupError` unless ``path`` is a whole, readable JDM Desk study copy.

    An encrypted copy is verified with ``key`` or the key this process has unlocked for it."""
    path = Path(path)
    name = name or path.name
    key = key if key is not None else key_of(path)
    try:
        if key is None or is_plain(path):
            check_header(path)
    except StudyFileError as err:
        raise BackupError(Message("{name}: {problem}", name=name, problem=err.message)) from None
    if key is None and not is_plain(path):
        raise BackupError(Message("{name}: encrypted, and its study is not unlocked: log in "
                                  "first", name=name))
    try:
        conn = open_keyed(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)
    except Error as err:
        raise BackupError(Message("{name}: cannot be opened ({error})", name=name,
                                  error=str(err))) from None
    try:
        _check_identity(conn, name)
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise BackupError(_damaged(name, result[0]))
    except Error as err:
        raise BackupError(_damaged(name, str(err))) from None
    finally:
        conn.close()


def _damaged(name: str, reason: str) -> Message:
    return Message("{name}: damaged ({reason})", name=name, reason=reason)


def is_verified(path: Path) -> bool:
    try:
        verify_backup(path)
    except BackupError:
        return False
    return True


def _place_key_file(study_path: Path | None, key: bytes | None, copy: Path,
                    written: Path | None = None) -> None:
    """Give an encrypted copy the key file of its study (before the copy gets its name), with
    the chain head of the copy as ``written`` (not the study's, which may be newer by now)."""
    if key is None or study_path is None:
        return
    keys = keyring.read_key_file(study_path)
    if keys is not None:
        keyring.write_key_file(copy, replace(keys, head=None))
        keyring.remember(copy, key, keys.study_id)
        if written is not None:
            _write_copy_head(written, key, copy)


def _write_copy_head(written: Path, key: bytes, copy: Path) -> None:
    from jdmdesk.db import chain_head
    from jdmdesk.db.connection import wrap

    conn = open_keyed(f"{Path(written).resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        chain_head.write_head(wrap(conn), copy)
    finally:
        conn.close()


def _audit_accepted(written: Path, key: bytes | None, actor: str, backup: Path,
                    problems: list[str]) -> None:
    """In the new study: that it was restored from a backup that did not verify, and why."""
    if not problems:
        return
    from jdmdesk.db import audit
    from jdmdesk.db.audit import Change
    from jdmdesk.db.connection import wrap, write_transaction

    conn = open_keyed(str(written), key)
    try:
        with write_transaction(wrap(conn)) as db:
            audit.append(db, actor, [Change("restore_unverified", "study", None, "file", None,
                                            backup.name, "restored although it does not "
                                            "verify: " + "; ".join(problems))])
    finally:
        conn.close()


def backup_study(source: Source, dest: Path, *, of: Path | None = None) -> Path:
    """Copy a study into the new file ``dest`` with SQLite's online backup API, and verify it.

    ``source`` is a :class:`Study` or a path (read through a connection of our own: safe in a
    worker thread) or an open connection (used as is, in the caller's thread; ``of`` names its
    study file, for the key). ``dest`` must not exist. Raises :class:`BackupError` (or
    :class:`StudyFileError` for an unusable source).
    """
    dest = Path(dest)
    if dest.exists():
        raise BackupError(exists_text(dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(dest.parent, alive=pid_alive)  # what a killed backup left
    study_path = _study_path(source, of)
    if isinstance(source, Study):
        key = source.key
    else:
        key = None if study_path is None else key_of(study_path)
    try:
        with atomic_write(dest, replace=False, companions=SQLITE_COMPANIONS) as tmp:
            with _source_conn(source) as src:
                _check_identity(src, _label(source))
                _copy(src, tmp, journal_mode="DELETE", key=key)
            verify_backup(tmp, name=_copy_name(dest), key=key)
            _place_key_file(study_path, key, dest, tmp)
    except TargetExists:
        raise BackupError(exists_text(dest)) from None
    except Error as err:
        raise BackupError(_backup_failed(str(err))) from None
    except OSError as err:
        raise BackupError(_backup_failed(err.strerror or str(err))) from None
    return dest


def _backup_failed(reason: str) -> Message:
    return Message("the backup failed ({reason})", reason=reason)


def _restore_failed(reason: str) -> Message:
    return Message("the restore failed ({reason})", reason=reason)


class UnverifiedBackup(BackupError):
    """A whole backup whose content does not verify as ``jdmdesk check`` would (a broken audit
    chain, a changed schema, dangling references): not restored unless accepted."""

    def __init__(self, backup: Path, problems: list[str]) -> None:
        self.backup, self.problems = backup, problems
        super().__init__(unverified_text(backup, problems))


def unverified_text(backup: Path, problems: list[str]) -> Message:
    return Message("{name} does not verify ({problems}): it was not restored; restore it only "
                   "if you accept a copy that may have been altered", name=Path(backup).name,
                   problems="; ".join(problems))


def content_problems(backup: Path, key: bytes | None = None) -> list[str]:
    """What in a whole backup does not verify as ``jdmdesk check`` would: foreign keys, the
    schema's shape (for a backup of this version), the audit chain, every content-bound
    signature and, for a copy of an encrypted study (read with ``key`` or the key this process
    has unlocked for it), the account rows' MACs and the chain head its key file remembers or,
    for a plain copy, its seal. ``[]`` when all do. The file's integrity is
    :func:`verify_backup`'s."""
    from jdmdesk.db import chain_head, copy_seal, seals
    from jdmdesk.db.check import check_study
    from jdmdesk.db.connection import wrap

    plain = is_plain(Path(backup))
    if key is None:
        key = keyring.copy_key(backup) if plain else key_of(backup)
    try:
        conn = open_keyed(f"{Path(backup).resolve().as_uri()}?mode=ro",
                          None if plain else key, uri=True)
        if plain and key is not None:
            seals.attach(conn, key)
    except Error as err:
        return [f"cannot be read ({err})"]
    try:
        current = user_version(conn) == LATEST_VERSION
        db = wrap(conn)
        problems = check_study(db, integrity=False, schema=current).problems
        if key is not None and plain:
            problems += copy_seal.problems(db)
        elif key is not None:
            head = chain_head.head_problem(db, Path(backup))
            problems += [] if head is None else [f"chain head: {head}"]
        return problems
    except Error as err:
        return [f"cannot be read ({err})"]
    finally:
        conn.close()


@dataclass(frozen=True)
class Restored:
    """A restored study file, and what in its backup did not verify (only when accepted)."""

    path: Path
    unverified: list[str]


def restore_backup(backup: Path, new_path: Path, *, accept_unverified: bool = False) -> Path:
    """Copy a verified backup into the new study file ``new_path``; never overwrites.

    See :func:`restore_checked`; this returns only the new file's path.
    """
    return restore_checked(backup, new_path, accept_unverified=accept_unverified).path


def restore_checked(backup: Path, new_path: Path, *, accept_unverified: bool = False,
                    actor: str = "restore") -> Restored:
    """Copy a verified backup into the new study file ``new_path``; never overwrites.

    The backup is checked first as ``jdmdesk check`` would (integrity, foreign keys, schema,
    audit chain): one that does not verify raises :class:`UnverifiedBackup` naming what,
    unless ``accept_unverified`` (then :attr:`Restored.unverified` lists it). The copy is
    written under a temporary name beside ``new_path``, verified, and renamed. Raises
    :class:`BackupError` when the backup is damaged or ``new_path`` exists.
    """
    backup, new_path = Path(backup), Path(new_path)
    for p in (new_path, Path(f"{new_path}-wal"), Path(f"{new_path}-journal")):
        if p.exists():
            raise BackupError(Message("{path} already exists: restore into a new file name",
                                      path=p))
    if new_path.resolve() == backup.resolve():
        raise BackupError(Message("restore into a new file, not onto the backup itself"))
    verify_backup(backup)
    from jdmdesk.db.backup.restore_copy import is_plain_copy, restore_plain_copy

    if is_plain_copy(backup):  # a plain copy of an encrypted study: a new encrypted study
        new_path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temporaries(new_path.parent, alive=pid_alive)
        return Restored(new_path, restore_plain_copy(
            backup, new_path, accept_unverified=accept_unverified, actor=actor))
    key = key_of(backup)
    problems = content_problems(backup, key)
    if problems and not accept_unverified:
        raise UnverifiedBackup(backup, problems)
    new_path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(new_path.parent, alive=pid_alive)
    try:
        with atomic_write(new_path, replace=False, companions=SQLITE_COMPANIONS) as tmp:
            src = open_keyed(f"{backup.resolve().as_uri()}?mode=ro", key, uri=True)
            try:
                _copy(src, tmp, journal_mode="WAL", key=key)
            finally:
                src.close()
            _audit_accepted(tmp, key, actor, backup, problems)
            verify_backup(tmp, name=_restored_name(new_path), key=key)
            _place_key_file(backup, key, new_path, tmp)
    except TargetExists:
        raise BackupError(exists_text(new_path)) from None
    except Error as err:
        raise BackupError(_restore_failed(str(err))) from None
    except OSError as err:
        raise BackupError(_restore_failed(err.strerror or str(err))) from None
    return Restored(new_path, problems)
