"""Closing a study waits for its backup: the window is gone, a small window says what for.

The backup on closing copies and verifies the whole file (at 10 000 patients, 800 MB, tens of
seconds). It runs in a worker thread (``db.backup.background.BackupJob``); meanwhile the GUI
thread keeps painting, and after a moment a small window names the study being backed up, so
closing never looks like a program that hangs.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from jdmdesk import APP_NAME

QUIET_S = 0.3  # a backup that ends sooner shows nothing
POLL_S = 0.05


class Job(Protocol):
    """What is waited for (``db.backup.background.BackupJob``)."""

    def wait(self, timeout: float | None = None) -> bool: ...


def wait_for_closing_backup(job: Job, study_name: str) -> None:
    """Return when ``job`` has ended, keeping the GUI thread's events flowing meanwhile."""
    if job.wait(QUIET_S):
        return
    box = QProgressDialog(QCoreApplication.translate(
        "Closing", "Backing up {study} before it closes (a large study takes a minute)…"
    ).format(study=study_name), "", 0, 0)
    box.setObjectName("closing_backup")
    box.setWindowTitle(APP_NAME)
    box.setCancelButton(None)  # the backup is what keeps the study safe: not skipped
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setMinimumDuration(0)
    box.show()
    try:
        while not job.wait(POLL_S):
            QApplication.processEvents()
    finally:
        box.close()
        box.deleteLater()
