"""One patient's workspace: patient details, visits, medication, labs (with the chart),
adverse events and history, each section a table beside its form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from jdmdesk.domain.access import Action
from jdmdesk.domain.codes import SEX, label_of
from jdmdesk.domain.timeline import age_years
from jdmdesk.services.signoff import SignatureState
from jdmdesk.services.study_services import StudyServices
from jdmdesk.ui.chart.view import EnzymeChart
from jdmdesk.ui.entry.forms import FORM_CLASSES, VisitForm
from jdmdesk.ui.entry.history_view import HistoryView
from jdmdesk.ui.entry.record_form import RecordForm
from jdmdesk.ui.entry.record_table import RecordSection
from jdmdesk.ui.i18n import catalogue
from jdmdesk.ui.locale_format import show_number
from jdmdesk.ui.prompts import Prompts
from jdmdesk.ui.review.review_view import ReviewView

# mnemonics unique in the window, menu bar included (&File &Patient &Go &Tools &Help)
SECTION_TITLES = {"patient": "Patie&nt", "visit": "&Visits", "medication": "&Medication",
                  "lab": "&Labs", "adverse_event": "&Adverse events"}


class PatientWorkspace(QWidget):
    status_message = Signal(str)

    def __init__(self, services: StudyServices, prompts: Prompts,
                 chart_factory: Callable[[], EnzymeChart] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        writer, reader = services.records, services.reader
        self.writer, self.reader, self.prompts = writer, reader, prompts
        chart = chart_factory() if chart_factory else None
        self.patient_id: str | None = None
        self.header = QLabel(self.tr("No patient selected"), self)
        self.header.setObjectName("patient_header")
        self.header.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 4px;")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sections")
        self.forms: dict[str, RecordForm] = {}
        self.sections: dict[str, RecordSection] = {}
        self.chart: EnzymeChart | None = chart
        for kind, cls in FORM_CLASSES.items():
            form = cls(kind, writer, reader, prompts, self)
            if isinstance(form, VisitForm):
                form.signoff = services.signoff
            form.status_message.connect(self.status_message)
            self.forms[kind] = form
            if kind == "patient":
                self.tabs.addTab(form, catalogue(SECTION_TITLES[kind]))
                continue
            section = RecordSection(form, reader.records, self,
                                    top=chart.widget() if chart and kind == "lab" else None,
                                    overlay=self._signed_cells if kind == "visit" else None)
            section.record_selected.connect(self._record_selected)
            self.sections[kind] = section
            self.tabs.addTab(section, catalogue(SECTION_TITLES[kind]))
        self.history = HistoryView(reader.history, self)
        self.tabs.addTab(self.history, self.tr("Hist&ory"))
        self.review = ReviewView(services.review.review,
                                 chart_factory() if chart_factory else None, self,
                                 sign=services.signoff.sign
                                 if reader.can(Action.SIGN_VISIT) else None)
        self.review.status_message.connect(self.status_message)
        self.review.print_button.clicked.connect(self.print_summary)
        self.tabs.addTab(self.review, self.tr("&Review"))
        self._current_tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.tabs, 1)
        # the one refresh path: every view follows the service's "changed" (never form.saved);
        # each view filters by kind and patient (the chart is connected in app.py, first)
        writer.changed.connect(self._records_changed)
        for section in self.sections.values():
            writer.changed.connect(section.on_records_changed)
        writer.changed.connect(self.history.on_records_changed)
        writer.changed.connect(self.review.on_records_changed)

    def _signed_cells(self, patient_id: str) -> dict[str, dict[str, str]]:
        """The visits table's Signed column: who signed (verified on every read), by visit id;
        a signature that no longer matches its visit shows "signature invalid" in red."""
        cells: dict[str, dict[str, str]] = {}
        for vid, sig in self.services.signoff.signatures(patient_id).items():
            if sig.invalid:
                cells[vid] = {"signed": self.tr("signature invalid"), "signed:alert": "1"}
            elif sig.state is SignatureState.VALID:
                cells[vid] = {"signed": f"\u2713 {sig.signed_by}"}
            else:
                cells[vid] = {"signed": self.tr("\u2713 {user} (not content-bound)").format(
                    user=sig.signed_by)}
        return cells

    # --- unsaved work --------------------------------------------------------------------

    def dirty_forms(self) -> list[RecordForm]:
        return [f for f in self.forms.values() if f.dirty]

    def resolve_unsaved(self) -> bool:
        """Ask save / discard / cancel for every form with unsaved changes."""
        return all(form.resolve_unsaved() for form in self.dirty_forms())

    def _tab_changed(self, index: int) -> None:
        previous = self.tabs.widget(self._current_tab)
        form = self._form_of(previous)
        if form is not None and form.dirty and not form.resolve_unsaved():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._current_tab)
            self.tabs.blockSignals(False)
            return
        self._current_tab = index
        new_form = self._form_of(self.tabs.widget(index))
        if new_form is not None:
            new_form.focus_first()
            if new_form.record_id:
                self._record_selected(new_form.kind, new_form.record_id)

    def _form_of(self, widget: QWidget | None) -> RecordForm | None:
        if isinstance(widget, RecordForm):
            return widget
        if isinstance(widget, RecordSection):
            return widget.form
        return None

    def show_section(self, kind: str) -> None:
        widget = self.forms[kind] if kind == "patient" else self.sections[kind]
        self.tabs.setCurrentWidget(widget)

    # --- patient -----------------------------------------------------------------------

    def set_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        for kind, form in self.forms.items():
            form.set_patient(patient_id)
            if kind == "patient" and patient_id:
                form.load(patient_id)
        for section in self.sections.values():
            section.refresh()
        current = self._form_of(self.tabs.currentWidget())
        focus = QApplication.focusWidget()
        if current is not None and focus is not None and current.isAncestorOf(focus):
            current.focus_first()  # the cursor stays in the form, at its top and visible
        self._update_header()
        if patient_id:
            self.history.show_record("patient", patient_id, "patient")
        if self.chart is not None:
            self.chart.show_patient(patient_id)
        self.review.show_patient(patient_id)

    def start_new_patient(self) -> None:
        self.set_patient(None)
        self.show_section("patient")
        self.forms["patient"].focus_first()

    def _update_header(self) -> None:
        rec = self.reader.record("patient", self.patient_id) if self.patient_id else None
        if rec is None:
            self.header.setText(self.tr("New patient") if self.patient_id is None else "")
            return
        age = age_years(rec["birth_date"], self.services.clock.today())
        parts = [rec["study_code"], catalogue(label_of(SEX, rec["sex"]))]
        if age is not None:
            parts.append(self.tr("{age} y").format(age=show_number(f"{age:.1f}")))
        self.header.setText(" · ".join(parts))

    def _record_selected(self, kind: str, record_id: str) -> None:
        rec = self.reader.record(kind, record_id)
        label = kind.replace("_", " ")
        if rec is not None:
            first = rec.values.get(next(iter(rec.values)))
            label = f"{label} {first}"
        self.history.show_record(kind, record_id, label)

    def _records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        if kind == "patient":
            self._update_header()
        form = self.forms.get(kind)
        if kind == "visit" and form is not None and form.record_id in ids and not form.dirty:
            form.load(form.record_id)  # e.g. signed from the review: show the signature, lock

    def print_summary(self) -> None:
        """Save the one-page A4 PDF summary of the patient under review."""
        from PySide6.QtWidgets import QFileDialog

        from jdmdesk.ui.review.report_pdf import write_patient_pdf

        self.review.recompute()
        rv = self.review.review
        if rv is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save patient summary"),
                                                f"{rv.study_code}-summary.pdf",
                                                self.tr("PDF (*.pdf)"))
        if not target:
            return
        chart = self.services.chart.load(self.patient_id) if self.services.chart else None
        try:
            write_patient_pdf(rv, chart, Path(target), self.reader.settings().study_name)
        except OSError as err:
            self.prompts.error(self.tr("Summary not saved"),
                               self.tr("Cannot write {file}: {problem}").format(
                                   file=target, problem=err.strerror))
            return
        self.status_message.emit(self.tr("Summary saved to {file}").format(file=target))
