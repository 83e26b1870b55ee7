"""Backups in a worker thread: the one made on opening (at 800 MB it takes half a minute, and the
window is usable meanwhile) and the one made on closing (the window waits for it, its events
flowing, with a small window saying what it waits for).

The copy is read through a connection of its own (``backup_study`` given a path), inside one
read transaction: in WAL mode that is a snapshot of the study as it was when the copy began,
and saves made meanwhile go on (they are in the next backup). The backup on closing waits for
this one (``wait_for``), so two copies never take the same sequence number.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from jdmdesk.db.backup.policy import backup_on_open_if_due
from jdmdesk.db.backup.verified_copy import BackupError
from jdmdesk.db.connection import Study

_running: dict[Path, BackupJob] = {}
_lock = threading.Lock()


class BackupJob:
    """``make()``, a backup of ``study`` read through a connection of its own, in a worker
    thread; ``made`` or ``error`` once ``done``. While it runs, ``wait_for(study.path)`` waits
    for it."""

    def __init__(self, study: Study, make: Callable[[], Path | None], *, name: str) -> None:
        self.study = study
        self.made: Path | None = None
        self.error: BackupError | OSError | None = None
        self._make = make
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name)
        with _lock:
            _running[_key(study.path)] = self
        self._thread.start()

    def _run(self) -> None:
        try:
            self.made = self._make()
        except (BackupError, OSError) as err:
            self.error = err
        finally:
            with _lock:
                if _running.get(_key(self.study.path)) is self:
                    del _running[_key(self.study.path)]
            self._finished.set()

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the backup has ended; False when ``timeout`` passed first."""
        return self._finished.wait(timeout)


class BackupOnOpen(BackupJob):
    """``backup_on_open_if_due(study)`` in a thread."""

    def __init__(self, study: Study) -> None:
        super().__init__(study, lambda: backup_on_open_if_due(study), name="backup-on-open")


def _key(path: Path) -> Path:
    return Path(path).resolve()


def running(study_path: Path) -> BackupJob | None:
    with _lock:
        return _running.get(_key(study_path))


def wait_for(study_path: Path) -> None:
    """Before the backup on closing (or anything that must not overlap it): let the backup
    of ``study_path`` that is running, if any, end."""
    job = running(study_path)
    if job is not None:
        job.wait()
