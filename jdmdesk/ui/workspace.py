"""One patient's workspace: patient details, visits, medication, labs (with the chart),
adverse events and history, each section a table beside its form."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from jdmdesk.domain.access import Action
from jdmdesk.domain.codes import SEX, label_of
from jdmdesk.domain.timeline import age_years
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
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
from jdmdesk.ui.workspace_pages import Pages

# mnemonics unique in the window, menu bar included (&File &Patient &Go &Tools &Help)
SECTION_TITLES = {"patient": "Patie&nt", "visit": "&Visits", "medication": "&Medication",
                  "lab": "&Labs", "adverse_event": "&Adverse events"}


class PatientWorkspace(QWidget):
    """The tabs of one patient. A section's table and form are built when the section is
    first used (shown, or asked for by ``forms[kind]`` / ``sections[kind]``), or ahead by
    ``build_rest_when_idle`` once the window is up: the window opens with the patient tab
    only, so the login ends at a painted window sooner (issue 19)."""

    services: StudyServices
    writer: RecordService
    reader: StudyReader

    status_message = Signal(str)
    page_built = Signal(str)  # kind: a section's table and form now exist

    def __init__(self, services: StudyServices | None, prompts: Prompts,
                 chart_factory: Callable[[], EnzymeChart] | None = None,
                 parent: QWidget | None = None) -> None:
        """With ``services`` None the workspace is built before the study is open (its
        patient form and the empty tabs, while the person types the password); ``bind``
        gives it the study's services."""
        super().__init__(parent)
        self.prompts = prompts
        self.patient_id: str | None = None
        self.header = QLabel(self.tr("No patient selected"), self)
        self.header.setObjectName("patient_header")
        self.header.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 4px;")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sections")
        self._forms: dict[str, RecordForm] = {}
        self._sections: dict[str, RecordSection] = {}
        self.forms: Pages[RecordForm] = Pages(self._forms, list(FORM_CLASSES), self.build_page)
        self.sections: Pages[RecordSection] = Pages(
            self._sections, [k for k in FORM_CLASSES if k != "patient"], self.build_page)
        self.chart: EnzymeChart | None = None
        self._placeholders: dict[str, QWidget] = {}
        # wraps each section's construction (the window pauses its application-wide filters)
        self.around_build: Callable[[], AbstractContextManager[object]] = nullcontext
        for kind in FORM_CLASSES:
            page = QWidget(self.tabs)
            page.setObjectName(f"{kind}_page")
            self._placeholders[kind] = page
            self.tabs.addTab(page, catalogue(SECTION_TITLES[kind]))
        self.history = HistoryView(None, self)
        self.tabs.addTab(self.history, self.tr("Hist&ory"))
        self.review = ReviewView(None, None, self)
        self.review.status_message.connect(self.status_message)
        self.review.print_button.clicked.connect(self.print_summary)
        self.tabs.addTab(self.review, self.tr("&Review"))
        self._current_tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.tabs, 1)
        self.build_page("patient")  # the first tab
        if services is not None:
            self.bind(services, chart_factory)

    def bind(self, services: StudyServices,
             chart_factory: Callable[[], EnzymeChart] | None = None) -> None:
        """The study's services: the views read from them and follow their changes. Once."""
        if hasattr(self, "services"):
            raise RuntimeError("this workspace is bound to a session already")
        self.services = services
        writer, reader = services.records, services.reader
        self.writer, self.reader = writer, reader
        self.chart = chart_factory() if chart_factory else None
        self.history.load = reader.history
        self.review.bind(services.review.review, chart_factory() if chart_factory else None,
                         services.signoff.sign if reader.can(Action.SIGN_VISIT) else None)
        # the one refresh path: every view follows the service's "changed" (never form.saved);
        # each view filters by kind and patient (the chart is connected in app.py, first; each
        # section when it is built)
        writer.changed.connect(self._records_changed)
        writer.changed.connect(self.history.on_records_changed)
        writer.changed.connect(self.review.on_records_changed)
        self._forms["patient"].bind(writer, reader)

    # --- sections built when first used -----------------------------------------------------

    def build_page(self, kind: str) -> None:
        """Build section ``kind`` (its form, and its table beside it) in place of its tab's
        placeholder, showing the current patient; nothing when it exists already."""
        if kind in self._forms:
            return
        with self.around_build():
            self._build_page(kind)

    def _build_page(self, kind: str) -> None:
        # before ``bind`` only the patient form is built (without the study's services)
        writer = getattr(self, "writer", None)
        reader = getattr(self, "reader", None)
        if reader is None and kind != "patient":
            raise RuntimeError(f"the {kind} section needs the study: bind the workspace first")
        # made without a parent, out of the shown window (cheaper), then put into its tab
        form = FORM_CLASSES[kind](kind, writer, reader, self.prompts, None)
        if isinstance(form, VisitForm):
            form.signoff = self.services.signoff
        form.status_message.connect(self.status_message)
        self._forms[kind] = form
        page: QWidget = form
        if kind != "patient":
            chart = self.chart
            assert reader is not None and writer is not None
            section = RecordSection(form, reader.records, None,
                                    top=chart.widget() if chart and kind == "lab" else None,
                                    overlay=self._signed_cells if kind == "visit" else None)
            section.record_selected.connect(self._record_selected)
            writer.changed.connect(section.on_records_changed)
            self._sections[kind] = section
            page = section
        placeholder = self._placeholders.pop(kind)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, catalogue(SECTION_TITLES[kind]))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        if self.isVisible():  # laid out at once (the window grows to a wider page's minimum)
            for _ in range(4):
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        form.set_patient(self.patient_id)
        if kind == "patient" and self.patient_id:
            form.load(self.patient_id)
        if kind in self._sections:
            self._sections[kind].refresh()
        self.page_built.emit(kind)

    def build_rest_when_idle(self) -> None:
        """Build the sections not yet used, one per turn of the event loop (the window stays
        responsive between them), so the first visit to each tab is instant."""
        for kind in self._placeholders:
            QTimer.singleShot(0, lambda k=kind: self.build_page(k))

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
        return [f for f in self._forms.values() if f.dirty]

    def resolve_unsaved(self) -> bool:
        """Ask save / discard / cancel for every form with unsaved changes."""
        return all(form.resolve_unsaved() for form in self.dirty_forms())

    def _tab_changed(self, index: int) -> None:
        kind = self._kind_of(self.tabs.widget(index))
        if kind is not None:  # a section's first visit: build it (instead of the placeholder)
            self.build_page(kind)
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

    def _kind_of(self, widget: QWidget | None) -> str | None:
        """The section whose placeholder ``widget`` is (None: a built page, or no section)."""
        return next((k for k, w in self._placeholders.items() if w is widget), None)

    def _form_of(self, widget: QWidget | None) -> RecordForm | None:
        if isinstance(widget, RecordForm):
            return widget
        if isinstance(widget, RecordSection):
            return widget.form
        return None

    def show_section(self, kind: str) -> None:
        self.build_page(kind)
        widget = self._forms[kind] if kind == "patient" else self._sections[kind]
        self.tabs.setCurrentWidget(widget)

    # --- patient -----------------------------------------------------------------------

    def set_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        for kind, form in self._forms.items():
            form.set_patient(patient_id)
            if kind == "patient" and patient_id:
                form.load(patient_id)
        for section in self._sections.values():
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
        self._forms["patient"].focus_first()

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
        form = self._forms.get(kind)  # a section not built yet loads when it is
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
