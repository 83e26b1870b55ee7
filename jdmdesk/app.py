"""Composition root: open the study, build services and the window, wire the signals."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from jdmdesk import APP_NAME
from jdmdesk.db.connection import StudyFileError
from jdmdesk.db.studyfile import open_study
from jdmdesk.services.bundle import StudyServices
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.settings import SettingsService


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

    study = open_study(Path(study_path), read_only=read_only, create=not read_only)
    user = os_user()
    services = StudyServices(Path(study_path), user, RecordService(study, user),
                             StudyReader(study), SettingsService(study, user))
    chart = _build_chart(study)

    def close() -> None:
        study.close()

    window = MainWindow(services, chart=chart, on_close=close)
    services.records.setParent(window)
    services.settings.setParent(window)
    if chart is not None and hasattr(chart, "on_records_changed"):
        services.records.changed.connect(chart.on_records_changed)
    return window


def _build_chart(study: object) -> object | None:
    try:
        from jdmdesk.services.chart import ChartService
        from jdmdesk.ui.chart import EnzymeChartPanel
    except ImportError:  # the chart module is optional until it lands
        return None
    return EnzymeChartPanel(ChartService(study))


def run_gui(path: Path, *, read_only: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    try:
        window = build_main_window(path, read_only=read_only)
    except StudyFileError as err:
        QMessageBox.critical(None, APP_NAME, f"Cannot open {err.path.name}:\n{err.message}")
        print(f"jdmdesk: {err}", file=sys.stderr)
        return 2
    window.show()
    return app.exec()
