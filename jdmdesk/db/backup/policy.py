"""The policy: where automatic backups go, when one is due, which are kept, which to offer.

Automatic backups go to a ``backups`` folder beside the study, named
``<stem>.backup-<UTC stamp>-n<sequence>-<open|close>.<suffix>``. The sequence number (one more
than the highest of this study's backups in the folder) orders them: the wall clock may be
wrong (a flat CMOS battery, a laptop set to next year) and is only used to group backups into
calendar days. Every backup was verified when it was made (it gets its name only then), and
:func:`newest_verified_backup` checks one again before offering it. The copying itself is
:mod:`.verified_copy`.

Kept (:func:`rotate`): the 7 newest, plus the newest of each of the 7 most recent calendar
days that have a backup, so at most 14; the backup just written is never deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from jdmdesk.db.backup.verified_copy import backup_study, is_verified
from jdmdesk.db.connection import Study

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 7  # the 7 newest backups always kept …
KEEP_DAYS = 7  # … and the newest backup of each of the 7 most recent days that have one
DUE_AFTER = timedelta(days=1)
_STAMP = "%Y%m%dT%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}T\d{6})(\d{6})?Z")
_SEQ_RE = re.compile(r"\d{8}T\d{12}Z-n(\d+)")


def backup_folder(study_path: Path) -> Path:
    return Path(study_path).parent / BACKUP_FOLDER


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime(_STAMP) + f"{now.microsecond:06d}Z"


def _pattern(study_path: Path) -> re.Pattern[str]:
    p = Path(study_path)
    return re.compile(re.escape(p.stem) + r"\.backup-(\d{8}T\d{12}Z)(?:-n\d+)?"
                      r"-(open|close|manual)" + re.escape(p.suffix) + "$")


def sequence(backup: Path) -> int:
    """A backup's sequence number from its name; 0 for backups named before there was one."""
    m = _SEQ_RE.search(Path(backup).name)
    return int(m.group(1)) if m else 0


def _order(backup: Path) -> tuple[int, datetime, str]:
    """Oldest to newest: by sequence number; the clock only among unnumbered (older) names."""
    return (sequence(backup), backup_time(backup) or datetime.min.replace(tzinfo=UTC),
            Path(backup).name)


def automatic_backups(study_path: Path) -> list[Path]:
    """This study's automatic backups in its ``backups`` folder, oldest first (in the order
    they were made, whatever the clock said)."""
    folder = backup_folder(study_path)
    pattern = _pattern(study_path)
    try:
        names = [e.name for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return []
    return sorted((folder / name for name in names if pattern.match(name)), key=_order)


def _pre_migration_backups(study_path: Path) -> list[Path]:
    p = Path(study_path)
    folder = backup_folder(p)
    try:
        return [Path(e.path) for e in os.scandir(folder) if e.is_file()
                and e.name.startswith(f"{p.stem}.v") and ".pre-migration-" in e.name
                and e.name.endswith(p.suffix)]
    except OSError:
        return []


def _next_sequence(study_path: Path) -> int:
    made = automatic_backups(study_path) + _pre_migration_backups(study_path)
    return max((sequence(b) for b in made), default=0) + 1


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
    n = _next_sequence(p)
    dest = backup_folder(p) / f"{p.stem}.backup-{_stamp(at)}-n{n:06d}-{reason}{p.suffix}"
    made = backup_study(p, dest)
    rotate(p, protect=made)
    return made


def pre_migration_backup(conn: sqlite3.Connection, study_path: Path, from_version: int,
                         now: datetime | None = None) -> Path:
    """Before a migration: a verified copy of the file at ``from_version``; never rotated,
    offered by :func:`newest_verified_backup` like the automatic ones."""
    at = now or datetime.now(UTC)
    p = Path(study_path)
    n = _next_sequence(p)
    dest = backup_folder(p) / (f"{p.stem}.v{from_version}.pre-migration-{_stamp(at)}"
                               f"-n{n:06d}{p.suffix}")
    return backup_study(conn, dest, of=p)


def newest_backup_time(study_path: Path) -> datetime | None:
    """The clock's time when the last automatic backup was made (by sequence, not by clock)."""
    backups = automatic_backups(study_path)
    return backup_time(backups[-1]) if backups else None


def backup_due(study_path: Path, now: datetime | None = None) -> bool:
    """Due when the last backup is a day old, or stamped in the future (the clock was or is
    wrong: a backup too many is better than none)."""
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


def _day(backup: Path) -> date | None:
    at = backup_time(backup)
    return at.astimezone().date() if at is not None else None


def rotate(study_path: Path, *, keep_newest: int = KEEP_NEWEST, keep_days: int = KEEP_DAYS,
           protect: Path | None = None) -> list[Path]:
    """Delete old automatic backups; returns what was deleted.

    Kept: the ``keep_newest`` newest, and the newest backup of each of the ``keep_days`` most
    recent calendar days that have one (so frequent open/close does not push out older days):
    at most ``keep_newest + keep_days``. "Newest" is by sequence number, in the order backups
    were made; the clock only tells which day a backup belongs to, and a backup stamped on a
    day far off (a wrong clock) drops out once ``keep_days`` other days have come after it.
    ``protect`` (the backup just written) is never deleted. Pre-migration backups and files
    of other names are never touched.
    """
    backups = automatic_backups(study_path)  # oldest first, by sequence
    keep = set(backups[-keep_newest:]) if keep_newest > 0 else set()
    days: set[date | None] = set()
    for b in reversed(backups):
        if len(days) >= keep_days:
            break
        day = _day(b)
        if day not in days:
            days.add(day)
            keep.add(b)  # the first met, newest first: that day's newest
    if protect is not None:
        keep.add(Path(protect))
    deleted = []
    for b in backups:
        if b not in keep:
            with contextlib.suppress(OSError):
                b.unlink()
                deleted.append(b)
                Path(f"{b}.keys").unlink(missing_ok=True)  # an encrypted copy's key file
    return deleted


def newest_verified_backup(study_path: Path) -> Path | None:
    """The newest backup of this study that verifies now (automatic or pre-migration), newest
    by sequence number (the order they were made), not by the clock's stamp."""
    candidates = automatic_backups(study_path) + _pre_migration_backups(study_path)
    candidates.sort(key=_order, reverse=True)
    for b in candidates:
        if is_verified(b):
            return b
    return None
