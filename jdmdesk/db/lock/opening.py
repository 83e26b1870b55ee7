"""Opening a study for a window's session: take its lock, open it, collect the banner notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jdmdesk.atomic_file import sweep_temporaries
from jdmdesk.db.clock import clock_behind
from jdmdesk.db.connection import Study
from jdmdesk.db.errors import read_only_media
from jdmdesk.db.filesystem import network_warning
from jdmdesk.db.lock.heartbeat import refresh_lock
from jdmdesk.db.lock.messages import held_text
from jdmdesk.db.lock.protocol import LockHeld, StudyLock, acquire
from jdmdesk.db.processes import pid_alive
from jdmdesk.db.studyfile import IntegrityCheck, open_study
from jdmdesk.domain.texts import Message


@dataclass
class OpenedStudy:
    """A study opened for a window's session: the study, our lock (if we write), banner notices.

    ``notices`` are sentences for a visible banner: who holds the file when it opened read-only,
    a read-only file or folder, a network share. ``close()`` closes the study and frees the lock.
    """

    study: Study
    lock: StudyLock | None
    notices: list[str]

    @property
    def read_only(self) -> bool:
        return self.study.read_only

    def refresh_lock(self) -> bool:
        """The heartbeat: call every ``HEARTBEAT_INTERVAL_S`` seconds while open. False when
        there is no lock of ours (read-only, or broken by a data manager)."""
        return self.lock is not None and refresh_lock(self.lock)

    def close(self) -> None:
        try:
            self.study.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def read_only_media_notice(path: Path) -> str:
    text = Message("{name} is on a disk or share that is mounted read-only: it is open for "
                   "review, changes cannot be saved. Copy it to a writable folder to edit it.",
                   name=path.name)
    wal = Path(f"{path}-wal")
    try:
        unread = wal.stat().st_size > 0
    except OSError:
        unread = False
    if unread:  # read as immutable, SQLite ignores the write-ahead log
        return Message("{name} is on a disk or share that is mounted read-only: it is open "
                       "for review, changes cannot be saved. Copy it to a writable folder to "
                       "edit it. Its latest changes are in {wal}, which cannot be read here: "
                       "copy both files together.", name=path.name, wal=wal.name)
    return text


def read_only_file_text(path: Path) -> Message:
    return Message("{name} is read-only (file or folder permissions): open for review, changes "
                   "cannot be saved.", name=path.name)


def open_locked(path: Path, *, read_only: bool = False, create: bool = False,
                user: str | None = None, integrity: IntegrityCheck | None = None,
                now: datetime | None = None) -> OpenedStudy:
    """Open a study as its one writer, or read-only when another instance holds it.

    Raises :class:`~jdmdesk.db.connection.StudyFileError` like ``open_study`` (no lock is left
    behind then). A file or folder that cannot be written opens read-only with a notice; a
    clock earlier than the study's newest change (``now``, injectable) adds one too.
    """
    path = Path(path)
    notices: list[str] = []
    lock: StudyLock | None = None
    if not read_only:
        got = acquire(path, user=user)
        if isinstance(got, StudyLock):
            lock = got
        elif read_only_media(path):
            notices.append(read_only_media_notice(path))
            read_only = True
        else:
            notices.append(held_text(path, got.info) if isinstance(got, LockHeld)
                           else got.message)
            read_only = True
    try:
        study = open_study(path, read_only=read_only, create=create and lock is not None,
                           integrity=integrity)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None and study.read_only:
        lock.release()  # the file cannot be written: nothing to guard
        lock = None
        notices.append(read_only_media_notice(path) if read_only_media(path) else
                       read_only_file_text(path))
    if lock is not None:  # the one writer clears what a killed backup or export left
        sweep_temporaries(path.parent, alive=pid_alive)
    behind = None if study.read_only else clock_behind(study.db, now)
    if behind:
        notices.append(behind)
    warning = network_warning(path)
    if warning:
        notices.append(warning)
    return OpenedStudy(study, lock, notices)
