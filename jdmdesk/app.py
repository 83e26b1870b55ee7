"""Composition root: open the study, build services and the window, wire the signals."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QWidget

from jdmdesk import APP_NAME
from jdmdesk.db.backup import (
    BackupError,
    backup_on_close,
    backup_on_open_if_due,
    describe_with_backup,
    newest_verified_backup,
    restore_backup,
)
from jdmdesk.db.connection import StudyFileError
from jdmdesk.db.lock import open_locked
from jdmdesk.db.studyfile import start_integrity_check
from jdmdesk.services.bundle import StudyServices
from jdmdesk.services.chart import ChartService
from jdmdesk.services.maintenance import MaintenanceService
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.review import ReviewService
from jdmdesk.services.settings import SettingsService
from jdmdesk.ui.deferred_chart import DeferredChart


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def build_main_window(study_path: str | Path, *, read_only: bool = False) -> QMainWindow:
    """The whole window for a study file (created when missing), without an event loop.

    The window owns the study connection and closes it when the window closes.
    """
    from jdmdesk.ui.main_window import MainWindow

    user = os_user()
    # quick_check of a large study runs beside the imports and the window's construction
    integrity = start_integrity_check(Path(study_path))
    opened = open_locked(Path(study_path), read_only=read_only, create=not read_only, user=user,
                         integrity=integrity)
    study = opened.study
    notices = list(opened.notices)
    services = StudyServices(Path(study_path), user, RecordService(study, user),
                             StudyReader(study), SettingsService(study, user),
                             MaintenanceService(study), ReviewService(study), notices,
                             ChartService(study))

    def close() -> None:
        try:
            backup_on_close(study)
        except (BackupError, OSError) as err:
            print(f"jdmdesk: backup on close failed: {err}", file=sys.stderr)
        finally:
            opened.close()

    try:
        window = MainWindow(services, on_close=close,
                            chart_factory=lambda: deferred_chart(services))
        if integrity is not None:
            integrity.wait()  # a damaged file is refused before anything can be written
    except BaseException:
        opened.close()
        raise
    for service in (services.records, services.settings, services.chart):
        service.setParent(window)
    try:
        backup_on_open_if_due(study)
    except (BackupError, OSError) as err:
        window.show_notice(f"Automatic backup failed: {err}")
    return window


def deferred_chart(services: StudyServices) -> DeferredChart:
    """An enzyme chart that follows every committed change, built when first shown. It is
    connected before the tables, so the chart is the first view to update after a save."""
    place = DeferredChart(lambda: make_chart(services))
    services.records.changed.connect(place.on_records_changed)
    return place


def make_chart(services: StudyServices) -> QWidget:
    from jdmdesk.ui.chart import EnzymeChartPanel

    panel = EnzymeChartPanel(services.chart)
    panel.lazy = True  # hidden tabs redraw when shown, so a save only pays for what is seen
    return panel


def run_gui(path: Path, *, read_only: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    try:
        window = build_main_window(path, read_only=read_only)
    except StudyFileError as err:
        message = describe_with_backup(err)
        print(f"jdmdesk: {message}", file=sys.stderr)
        _offer_restore(err, message)
        return 2
    window.show()
    # after the first paint, build the lab tab's chart so switching to it is instant
    QTimer.singleShot(0, window.workspace.chart.panel)
    return app.exec()


def _offer_restore(err: StudyFileError, message: str) -> None:
    """A refused file is never repaired in place: offer its newest verified backup as a copy."""
    backup = newest_verified_backup(err.path) if err.path.exists() else None
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, f"Cannot open {err.path.name}.")
    box.setInformativeText(message)
    restore = box.addButton("Restore backup into a new file…",
                            QMessageBox.ButtonRole.AcceptRole) if backup else None
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore or backup is None:
        return
    target, _ = QFileDialog.getSaveFileName(None, "Restore into a new study file",
                                            str(err.path.with_name(err.path.stem +
                                                                   "-restored.jdm")),
                                            "JDM Desk study (*.jdm)")
    if not target:
        return
    try:
        restore_backup(backup, Path(target))
    except BackupError as exc:
        QMessageBox.warning(None, APP_NAME, str(exc))
        return
    QMessageBox.information(None, APP_NAME, f"Restored into {target}. Open it with jdmdesk.")
