"""Opening a study for a window's session: take its lock, open it, collect the banner notices."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jdmdesk.db.connection import Study
from jdmdesk.db.filesystem import network_warning
from jdmdesk.db.lock.protocol import StudyLock, acquire
from jdmdesk.db.studyfile import IntegrityCheck, open_study


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

    def close(self) -> None:
        try:
            self.study.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def open_locked(path: Path, *, read_only: bool = False, create: bool = False,
                user: str | None = None, integrity: IntegrityCheck | None = None) -> OpenedStudy:
    """Open a study as its one writer, or read-only when another instance holds it.

    Raises :class:`~jdmdesk.db.connection.StudyFileError` like ``open_study`` (no lock is left
    behind then). A file or folder that cannot be written opens read-only with a notice.
    """
    path = Path(path)
    notices: list[str] = []
    lock: StudyLock | None = None
    if not read_only:
        got = acquire(path, user=user)
        if isinstance(got, StudyLock):
            lock = got
        else:
            notices.append(got.message)
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
        notices.append(f"{path.name} is read-only (file or folder permissions): "
                       "open for review, changes cannot be saved.")
    warning = network_warning(path)
    if warning:
        notices.append(warning)
    return OpenedStudy(study, lock, notices)
