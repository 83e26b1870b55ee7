"""The backup made on opening, in a worker thread: at 800 MB it takes half a minute, and the
window is usable meanwhile.

The copy is read through a connection of its own (``backup_study`` given a path), inside one
read transaction: in WAL mode that is a snapshot of the study as it was when the copy began,
and saves made meanwhile go on (they are in the next backup). The backup on closing waits for
this one (``wait_for``), so two copies never take the same sequence number.
"""

from __future__ import annotations

import threading
from pathlib import Path

from jdmdesk.db.backup.policy import backup_on_open_if_due
from jdmdesk.db.backup.verified_copy import BackupError
from jdmdesk.db.connection import Study

_running: dict[Path, BackupOnOpen] = {}
_lock = threading.Lock()


class BackupOnOpen:
    """``backup_on_open_if_due(study)`` in a thread; ``made`` or ``error`` once ``done``."""

    def __init__(self, study: Study) -> None:
        self.study = study
        self.made: Path | None = None
        self.error: BackupError | OSError | None = None
        self._finished = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup-on-open")
        with _lock:
            _running[_key(study.path)] = self
        self._thread.start()

    def _run(self) -> None:
        try:
            self.made = backup_on_open_if_due(self.study)
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


def _key(path: Path) -> Path:
    return Path(path).resolve()


def running(study_path: Path) -> BackupOnOpen | None:
    with _lock:
        return _running.get(_key(study_path))


def wait_for(study_path: Path) -> None:
    """Before the backup on closing (or anything that must not overlap it): let the backup
    on opening of ``study_path``, if one is running, end."""
    job = running(study_path)
    if job is not None:
        job.wait()
