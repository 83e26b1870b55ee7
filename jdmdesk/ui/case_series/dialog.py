"""Tools ▸ Case series report…: choose the folder, the patients and whether to replace the
report files already there; the report is written in a worker thread (its own read-only
connection, :func:`jdmdesk.ui.case_series.job.run_case_series`), so the window stays usable."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.access import Session
from jdmdesk.services.case_series import CaseSeriesError
from jdmdesk.ui.case_series.job import run_case_series
from jdmdesk.ui.i18n import error_message
from jdmdesk.ui.worker_thread import end_worker


class CaseSeriesWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, study_path: Path, folder: Path, session: Session,
                 codes: Sequence[str] | None, force: bool) -> None:
        super().__init__()
        self.args = (Path(study_path), Path(folder), session, codes, force)

    @Slot()
    def run(self) -> None:
        study_path, folder, session, codes, force = self.args
        try:
            result = run_case_series(study_path, folder, session, study_codes=codes,
                                     force=force, progress=self.progress.emit)
        except CaseSeriesError as err:
            self.failed.emit(error_message(err))
        except Exception as err:  # a message for the user, never a silent dead thread
            self.failed.emit(self.tr("The report could not be written: {why}").format(
                why=err))
        else:
            self.finished.emit(result.summary())


class CaseSeriesDialog(QDialog):
    report_finished = Signal(str)
    report_failed = Signal(str)

    def __init__(self, study_path: Path, session: Session, codes: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_series_dialog")
        self.setWindowTitle(self.tr("Case series report"))
        self.study_path = Path(study_path)
        self.session = session
        self._thread: QThread | None = None
        self._worker: CaseSeriesWorker | None = None

        self.folder = QLineEdit(str(self.study_path.with_name(
            f"{self.study_path.stem}-case-series")), objectName="case_series_folder")
        self.browse = QPushButton(self.tr("Browse…"), objectName="case_series_browse")
        self.patients = QListWidget(objectName="case_series_patients")
        for code in codes:
            item = QListWidgetItem(code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.patients.addItem(item)
        self.force = QCheckBox(self.tr("Replace report files already in the folder"),
                               objectName="case_series_force")
        self.progress = QProgressBar(objectName="case_series_progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Pseudonymised: study codes and study days only."),
                             objectName="case_series_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 3 + 4)
        self.start = QPushButton(self.tr("Write report"), objectName="case_series_start")
        self.close_button = QPushButton(self.tr("Close"), objectName="case_series_close")
        for w in (self.folder, self.patients, self.force, self.progress, self.start,
                  self.close_button):
            w.setAccessibleName(w.objectName())

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(self.browse)
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("Patients"), self.patients)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.force)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.browse.clicked.connect(self._browse)
        self.start.clicked.connect(self.start_report)
        self.close_button.clicked.connect(self.reject)
        self.resize(520, 440)

    def chosen_codes(self) -> list[str]:
        return [self.patients.item(i).text() for i in range(self.patients.count())
                if self.patients.item(i).checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Write the report into"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start_report(self) -> bool:
        if self.running:
            return False
        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a folder."))
            return False
        codes = self.chosen_codes()
        if not codes:
            self.status.setText(self.tr("Choose at least one patient."))
            return False
        every = len(codes) == self.patients.count()
        self._worker = CaseSeriesWorker(self.study_path, Path(text), self.session,
                                        None if every else codes, self.force.isChecked())
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._set_running(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Writing the report…"))
        self._thread.start()
        return True

    def _set_running(self, running: bool) -> None:
        for w in (self.folder, self.browse, self.patients, self.force, self.start,
                  self.close_button):
            w.setEnabled(not running)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))

    @Slot(str)
    def _on_finished(self, summary: str) -> None:
        self._stop()
        self.progress.setValue(100)
        self.status.setText(summary)
        self.report_finished.emit(summary)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.progress.setValue(0)
        self.status.setText(message)
        self.report_failed.emit(message)

    def _stop(self) -> None:
        end_worker(self._thread, self._worker)
        self._thread = self._worker = None
        self._set_running(False)

    def done(self, result: int) -> None:  # closing while it runs waits for the files
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        super().done(result)
