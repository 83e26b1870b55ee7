"""Ending a dialog's background job: the one way its QThread and worker are taken down."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread


def end_worker(thread: QThread | None, worker: QObject | None) -> None:
    """Stop ``thread`` (waiting for it) and schedule it and ``worker`` for deletion."""
    if thread is not None:
        thread.quit()
        thread.wait()
        thread.deleteLater()
    if worker is not None:
        worker.deleteLater()
