"""Verified backups with SQLite's online backup API, their rotation, and restoring one.

Automatic backups go to a ``backups`` folder beside the study, named
``<stem>.backup-<UTC stamp>-<open|close>.<suffix>``. A backup is written under a temporary name,
verified (opened read-only: ``application_id``, ``user_version``, ``integrity_check``) and only
then given its final name, so every file with that name was verified when it was made;
:func:`newest_verified_backup` checks again before offering one.

Backups are self-contained single files (rollback-journal mode, no ``-wal``). A restore copies a
backup into a *new* file and never overwrites anything, least of all the live study.

Backups read the study through their own read-only connection, so they may run in a worker
thread while the window keeps its connection.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jdmdesk.db.connection import (
    APPLICATION_ID,
    Study,
    StudyFileError,
    check_header,
)
from jdmdesk.db.migrations import LATEST_VERSION, application_id, user_version

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 7  # the newest backups always kept …
KEEP_DAYS = 7  # … and the newest backup of each of the last days that have one
DUE_AFTER = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}T\d{6})(\d{6})?Z")


class BackupError(Exception):
    """A backup that could not be made, verified or restored; ``str()`` is for the user."""


Source = Study | sqlite3.Connection | Path | str


def backup_folder(study_path: Path) -> Path:
    return Path(study_path).parent / BACKUP_FOLDER


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime(_STAMP) + f"{now.microsecond:06d}Z"


def _pattern(study_path: Path) -> re.Pattern[str]:
    p = Path(study_path)
    return re.compile(re.escape(p.stem) + r"\.backup-(\d{8}T\d{12}Z)-(open|close|manual)"
                      + re.escape(p.suffix) + "$")


def automatic_backups(study_path: Path) -> list[Path]:
    """This study's automatic backups in its ``backups`` folder, oldest first."""
    folder = backup_folder(study_path)
    pattern = _pattern(study_path)
    try:
        names = [e.name for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return []
    found = [(m.group(1), name) for name in names if (m := pattern.match(name))]
    return [folder / name for _, name in sorted(found)]


def _pre_migration_backups(study_path: Path) -> list[Path]:
    p = Path(study_path)
    folder = backup_folder(p)
    try:
        return [Path(e.path) for e in os.scandir(folder) if e.is_file()
                and e.name.startswith(f"{p.stem}.v") and ".pre-migration-" in e.name
                and e.name.endswith(p.suffix)]
    except OSError:
        return []


def backup_time(backup: Path) -> datetime | None:
    """When a backup was made, from the UTC stamp in its name."""
    m = _STAMP_RE.search(Path(backup).name)
    if not m:
        return None
    at = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)
    return at + timedelta(microseconds=int(m.group(2) or 0))


# --- making and verifying a backup --------------------------------------------------------------

@contextlib.contextmanager
def _source_conn(source: Source) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Study):
        source = source.path
    if isinstance(source, sqlite3.Connection):
        yield source
        return
    path = Path(source)
    check_header(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        yield conn
    finally:
        conn.close()


def _label(source: Source) -> str:
    if isinstance(source, Study):
        return source.path.name
    return "the study" if isinstance(source, sqlite3.Connection) else Path(source).name


def _temp_beside(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:12]}.partial")


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            p.unlink()


def _copy(src: sqlite3.Connection, target: Path, *, journal_mode: str) -> None:
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        dest.execute("PRAGMA synchronous = FULL")
        src.backup(dest)
        dest.execute(f"PRAGMA journal_mode = {journal_mode}")
    finally:
        dest.close()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _place(tmp: Path, dest: Path) -> None:
    """Give ``tmp`` the name ``dest`` without ever replacing an existing ``dest``."""
    try:
        os.link(tmp, dest)  # atomic, and fails when dest exists
    except FileExistsError:
        raise BackupError(f"{dest} already exists: choose a new file name") from None
    except OSError:
        # No hard links here (FAT, some shares): rename, which does not replace on Windows.
        if dest.exists():
            raise BackupError(f"{dest} already exists: choose a new file name") from None
        os.rename(tmp, dest)
    else:
        tmp.unlink()
    _fsync_dir(dest.parent)


def _check_identity(conn: sqlite3.Connection, name: str) -> None:
    if application_id(conn) != APPLICATION_ID:
        raise BackupError(f"{name}: not a JDM Desk study")
    version = user_version(conn)
    if not 1 <= version <= LATEST_VERSION:
        raise BackupError(f"{name}: schema version {version} cannot be read by this version")


def verify_backup(path: Path, *, name: str | None = None) -> None:
    """Raise :class:`BackupError` unless ``path`` is a whole, readable JDM Desk study copy."""
    path = Path(path)
    name = name or path.name
    try:
        check_header(path)
    except StudyFileError as err:
        raise BackupError(f"{name}: {err.message}") from None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None)
    except sqlite3.Error as err:
        raise BackupError(f"{name}: cannot be opened ({err})") from None
    try:
        _check_identity(conn, name)
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise BackupError(f"{name}: damaged ({result[0]})")
    except sqlite3.Error as err:
        raise BackupError(f"{name}: damaged ({err})") from None
    finally:
        conn.close()


def is_verified(path: Path) -> bool:
    try:
        verify_backup(path)
    except BackupError:
        return False
    return True


def backup_study(source: Source, dest: Path) -> Path:
    """Copy a study into the new file ``dest`` with SQLite's online backup API, and verify it.

    ``source`` is a :class:`Study` or a path (read through a connection of our own: safe in a
    worker thread) or an open connection (used as is, in the caller's thread). ``dest`` must not
    exist. Raises :class:`BackupError` (or :class:`StudyFileError` for an unusable source).
    """
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} already exists: choose a new file name")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(dest)
    try:
        with _source_conn(source) as src:
            _check_identity(src, _label(source))
            _copy(src, tmp, journal_mode="DELETE")
        verify_backup(tmp, name=f"the copy {dest.name}")
        _place(tmp, dest)
    except sqlite3.Error as err:
        raise BackupError(f"the backup failed ({err})") from None
    except OSError as err:
        raise BackupError(f"the backup failed ({err.strerror or err})") from None
    finally:
        _remove(tmp)
    return dest


# --- the automatic policy ----------------------------------------------------------------------

def _auto_backup(study: Study, reason: str, now: datetime | None) -> Path:
    at = now or datetime.now(UTC)
    p = Path(study.path)
    dest = backup_folder(p) / f"{p.stem}.backup-{_stamp(at)}-{reason}{p.suffix}"
    made = backup_study(p, dest)
    rotate(p)
    return made


def newest_backup_time(study_path: Path) -> datetime | None:
    times = [t for b in automatic_backups(study_path) if (t := backup_time(b)) is not None]
    return max(times, default=None)


def backup_due(study_path: Path, now: datetime | None = None) -> bool:
    last = newest_backup_time(study_path)
    at = now or datetime.now(UTC)
    return last is None or at - last >= DUE_AFTER or last > at + timedelta(minutes=5)


def backup_on_open_if_due(study: Study, *, now: datetime | None = None) -> Path | None:
    """After opening: back up unless a backup of this study is less than a day old.

    Returns the new backup, or ``None`` when none was due or the study is open read-only.
    Raises :class:`BackupError` when a due backup fails (the study itself is untouched).
    """
    if study.read_only or not backup_due(study.path, now):
        return None
    return _auto_backup(study, "open", now)


def backup_on_close(study: Study, *, now: datetime | None = None) -> Path | None:
    """Before closing (call it while the study is still open): back up, then rotate.

    Returns ``None`` for a study open read-only (nothing can have changed).
    """
    if study.read_only:
        return None
    return _auto_backup(study, "close", now)


def rotate(study_path: Path, *, keep_newest: int = KEEP_NEWEST,
           keep_days: int = KEEP_DAYS) -> list[Path]:
    """Delete old automatic backups; returns what was deleted.

    Kept: the ``keep_newest`` newest (at least 7), and the newest backup of each of the
    ``keep_days`` most recent days, so frequent open/close does not push out older days.
    Pre-migration backups and files of other names are never touched.
    """
    backups = automatic_backups(study_path)  # oldest first
    keep = set(backups[-max(keep_newest, 7):])
    by_day: dict[str, Path] = {}
    for b in backups:
        t = backup_time(b)
        if t is not None:
            by_day[t.date().isoformat()] = b  # later ones overwrite: the day's newest
    for day in sorted(by_day)[-keep_days:]:
        keep.add(by_day[day])
    deleted = []
    for b in backups:
        if b not in keep:
            with contextlib.suppress(OSError):
                b.unlink()
                deleted.append(b)
    return deleted


def newest_verified_backup(study_path: Path) -> Path | None:
    """The newest backup of this study that verifies now (automatic or pre-migration)."""
    candidates = automatic_backups(study_path) + _pre_migration_backups(study_path)
    epoch = datetime.min.replace(tzinfo=UTC)
    candidates.sort(key=lambda b: (backup_time(b) or epoch, b.name), reverse=True)
    for b in candidates:
        if is_verified(b):
            return b
    return None


# --- restoring ---------------------------------------------------------------------------------

def restore_backup(backup: Path, new_path: Path) -> Path:
    """Copy a verified backup into the new study file ``new_path``; never overwrites.

    The copy is written under a temporary name beside ``new_path``, verified, and renamed.
    Raises :class:`BackupError` when the backup does not verify or ``new_path`` exists.
    """
    backup, new_path = Path(backup), Path(new_path)
    for p in (new_path, Path(f"{new_path}-wal"), Path(f"{new_path}-journal")):
        if p.exists():
            raise BackupError(f"{p} already exists: restore into a new file name")
    if new_path.resolve() == backup.resolve():
        raise BackupError("restore into a new file, not onto the backup itself")
    verify_backup(backup)
    new_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_beside(new_path)
    try:
        src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True,
                              isolation_level=None)
        try:
            _copy(src, tmp, journal_mode="WAL")
        finally:
            src.close()
        verify_backup(tmp, name=f"the restored copy {new_path.name}")
        _place(tmp, new_path)
    except sqlite3.Error as err:
        raise BackupError(f"the restore failed ({err})") from None
    except OSError as err:
        raise BackupError(f"the restore failed ({err.strerror or err})") from None
    finally:
        _remove(tmp)
    return new_path


def backup_hint(study_path: Path) -> str | None:
    """One sentence naming the newest verified backup of a study, or ``None`` when none."""
    newest = newest_verified_backup(study_path)
    if newest is None:
        return None
    at = backup_time(newest)
    when = at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "an unknown time"
    return (f"The newest verified backup is {newest} (made {when}): restore it into a new "
            f"study file (jdmdesk restore {newest} --output NEW_STUDY).")


def describe_with_backup(err: StudyFileError) -> str:
    """The refusal message, plus the newest verified backup to restore into a new file."""
    text = err.message[:1].upper() + err.message[1:]
    if not text.endswith("."):
        text += "."
    hint = backup_hint(err.path)
    return f"{text} {hint}" if hint else text
