"""The policy: where automatic backups go, when one is due, which are kept, which to offer.

Automatic backups go to a ``backups`` folder beside the study, named
``<stem>.backup-<UTC stamp>-<open|close>.<suffix>``; :func:`newest_verified_backup` checks a
backup again before offering one. The copying itself is :mod:`.verified_copy`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jdmdesk.db.backup.verified_copy import backup_study, is_verified
from jdmdesk.db.connection import Study

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 7  # the newest backups always kept …
KEEP_DAYS = 7  # … and the newest backup of each of the last days that have one
DUE_AFTER = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}T\d{6})(\d{6})?Z")


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


def _auto_backup(study: Study, reason: str, now: datetime | None) -> Path:
    at = now or datetime.now(UTC)
    p = Path(study.path)
    dest = backup_folder(p) / f"{p.stem}.backup-{_stamp(at)}-{reason}{p.suffix}"
    made = backup_study(p, dest)
    rotate(p)
    return made


def pre_migration_backup(conn: sqlite3.Connection, study_path: Path, from_version: int,
                         now: datetime | None = None) -> Path:
    """Before a migration: a verified copy of the file at ``from_version``; never rotated,
    offered by :func:`newest_verified_backup` like the automatic ones."""
    at = now or datetime.now(UTC)
    p = Path(study_path)
    dest = backup_folder(p) / f"{p.stem}.v{from_version}.pre-migration-{_stamp(at)}{p.suffix}"
    return backup_study(conn, dest, of=p)


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
                Path(f"{b}.keys").unlink(missing_ok=True)  # an encrypted copy's key file
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
