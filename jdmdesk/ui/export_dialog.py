"""The Export dialog: format, output file, identified (with confirmation), free text, progress
and Cancel. The export runs in a QThread with its own read-only connection opened by path.

The Qt worker lives here rather than in ``jdmdesk.export`` so that the export package stays
free of Qt (held by tests/test_layers.py); it only wraps
:func:`jdmdesk.services.exports.run_export`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.access import Session
from jdmdesk.export import (
    CancelToken,
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
)
from jdmdesk.export.options import SUFFIXES
from jdmdesk.services.exports import run_export
from jdmdesk.ui.i18n import catalogue, error_message
from jdmdesk.ui.worker_thread import end_worker

FORMAT_LABELS = {
    "bundle": "Statistics bundle (ZIP of CSV files)",
    "xlsx": "Excel workbook (.xlsx)",
    "odm": "CDISC ODM 1.3.2 (.xml)",
    "redcap": "REDCap project files (ZIP)",
    "stata": "Stata data files (ZIP of .dta)",
    "spss": "SPSS data files (ZIP of .sav)",
}
# each format its own default file name: a REDCap export does not overwrite the bundle
DEFAULT_STEMS = {"bundle": "csv-bundle", "xlsx": "workbook", "odm": "odm", "redcap": "redcap",
                 "stata": "stata", "spss": "spss"}
READY_TEXT = "Pseudonymised unless 'Identified' is ticked."
Confirm = Callable[[str, str], bool]


class ExportWorker(QObject):
    """Runs one export; emits progress, then exactly one of finished, cancelled, failed."""

    progress = Signal(int, int)
    finished = Signal(str)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, study_path: Path, session: Session, output: Path,
                 options: ExportOptions) -> None:
        super().__init__()
        self.study_path = Path(study_path)
        self.session = session
        self.output = Path(output)
        self.options = options
        self.token = CancelToken()

    def cancel(self) -> None:  # thread-safe: only sets a flag
        self.token.cancel()

    @Slot()
    def run(self) -> None:
        try:
            result = run_export(self.study_path, self.output, self.options,
                                session=self.session, progress=self.progress.emit,
                                cancel=self.token)
        except ExportCancelled:
            self.cancelled.emit()
        except ExportError as err:
            self.failed.emit(error_message(err))
        except Exception as err:  # a report for the user, never a silent dead thread
            self.failed.emit(self.tr("Export failed: {problem}").format(problem=err))
        else:
            self.finished.emit(self.summary(result))

    def summary(self, result: ExportResult) -> str:
        """What was written (ExportResult.summary, the command line's English) in the UI
        language: the tables' names are file names and stay."""
        main = [(name.removesuffix(".csv"), n) for name, n in result.rows.items()
                if not name.startswith(("data_dictionary", "redcap_data_dict"))]
        if not main:
            return self.tr("wrote {path} ({format})").format(path=result.output,
                                                             format=result.format)
        return self.tr("wrote {path} ({format}): {tables}").format(
            path=result.output, format=result.format,
            tables=", ".join(f"{name} {n}" for name, n in main))


def _ask(parent: QWidget) -> Confirm:
    def confirm(title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
    return confirm


class ExportDialog(QDialog):
    export_finished = Signal(str)  # the summary line
    export_stopped = Signal(str)  # cancelled or failed, with the message

    def __init__(self, study_path: Path, session: Session, parent: QWidget | None = None, *,
                 confirm: Confirm | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export study"))
        self.study_path = Path(study_path)
        self.session = session
        self._confirm = confirm or _ask(self)
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None

        self.format = QComboBox(objectName="export_format")
        for key, label in ((k, catalogue(v)) for k, v in FORMAT_LABELS.items()):
            self.format.addItem(label, key)
        self.output = QLineEdit(objectName="export_output")
        self.browse = QPushButton(self.tr("Browse…"), objectName="export_browse")
        self.identified = QCheckBox(
            self.tr("Identified: keep calendar dates, birth dates and initials"),
            objectName="export_identified")
        self.free_text = QCheckBox(
            self.tr("Include free text (notes, reasons for change, adverse-event terms)"),
            objectName="export_include_free_text")
        self.free_text.setToolTip(self.tr(
            "Typed text can name people and dates: an export with it is not pseudonymised"))
        self.progress = QProgressBar(objectName="export_progress")
        self.status = QLabel(catalogue(READY_TEXT), objectName="export_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # room for a summary of three lines (the path of the file written, the counts)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 3 + 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start = QPushButton(self.tr("Export"), objectName="export_start")
        self.cancel = QPushButton(self.tr("Cancel"), objectName="export_cancel")
        for w in (self.format, self.output, self.identified, self.free_text, self.progress,
                  self.start, self.cancel):
            w.setAccessibleName(w.objectName())
        self.progress.setRange(0, 100)
        self.progress.setValue(0)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        row = QHBoxLayout()
        row.addWidget(self.output)
        row.addWidget(self.browse)
        form.addRow(self.tr("Output file"), row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.identified)
        layout.addWidget(self.free_text)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self._browse)
        self.start.clicked.connect(self.start_export)
        self.cancel.clicked.connect(self._cancel_or_close)
        self._suggest_name()

    # --- choices ---------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def default_output(self, fmt: str) -> Path:
        return self.study_path.with_name(
            f"{self.study_path.stem}-{DEFAULT_STEMS[fmt]}{SUFFIXES[fmt]}")

    def _format_changed(self) -> None:
        """A new format: its own default name, and no word left from the last format's run."""
        self._suggest_name()
        self.progress.setValue(0)
        self.status.setText(catalogue(READY_TEXT))

    def _suggest_name(self) -> None:
        """The format's default name, unless a name of one's own was typed (then only its
        suffix follows the format)."""
        fmt = self.chosen_format()
        current = self.output.text().strip()
        defaults = {str(self.default_output(f)) for f in DEFAULT_STEMS}
        if not current or current in defaults:
            self.output.setText(str(self.default_output(fmt)))
        else:
            self.output.setText(str(Path(current).with_suffix(SUFFIXES[fmt])))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.output.text())
        if path:
            self.output.setText(path)

    # --- running ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start_export(self) -> bool:
        """Validate the choices, ask what must be asked, start the worker thread."""
        if self.running:
            return False
        text = self.output.text().strip()
        if not text:
            self.status.setText(self.tr("Choose an output file."))
            return False
        output = Path(text)
        if self.identified.isChecked() and not self._confirm(
                self.tr("Identified export"),
                self.tr("The export will contain calendar dates, birth dates and initials: it is "
                "personal data. Export identified data?")):
            return False
        force = False
        if output.exists():
            if not self._confirm(self.tr("Replace file"),
                                 self.tr("{file} already exists. Replace it?").format(file=output)):
                return False
            force = True
        options = ExportOptions(self.chosen_format(), identified=self.identified.isChecked(),
                                include_free_text=self.free_text.isChecked(), force=force)
        self._worker = ExportWorker(self.study_path, self.session, output, options)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self._thread.start()
        return True

    def _set_running(self, running: bool) -> None:
        for w in (self.format, self.output, self.browse, self.identified, self.free_text,
                  self.start):
            w.setEnabled(not running)
        self.cancel.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _cancel_or_close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))

    @Slot(str)
    def _on_finished(self, summary: str) -> None:
        self._stop()
        self.progress.setValue(100)
        self.status.setText(summary)
        self.export_finished.emit(summary)

    @Slot()
    def _on_cancelled(self) -> None:
        self._stop()
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled: nothing was written."))
        self.export_stopped.emit("cancelled")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.progress.setValue(0)
        self.status.setText(message)
        self.export_stopped.emit(message)

    def _stop(self) -> None:
        end_worker(self._thread, self._worker)
        self._thread = self._worker = None
        self._set_running(False)

    def cancel_export(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def done(self, result: int) -> None:  # closing while running cancels and waits
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        super().done(result)


def open_export_dialog(parent: QWidget | None, study_path: Path,
                       session: Session) -> ExportDialog:
    dialog = ExportDialog(study_path, session, parent)
    dialog.show()
    return dialog
