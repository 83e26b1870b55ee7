"""The five record forms: what each adds to the generic catalogue-driven form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain import parse
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.drug_defaults import defaults_for
from jdmdesk.domain.fields import FieldSpec, field_label
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import ServiceResult, Status
from jdmdesk.ui.entry.fields import FieldInput
from jdmdesk.ui.entry.lab_panel import LabPanel
from jdmdesk.ui.entry.record_form import RecordForm
from jdmdesk.ui.entry.visit_form import VisitForm
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.prompts import Prompts


class PatientForm(RecordForm):
    def after_save(self, result: ServiceResult) -> None:
        if result.record_id:
            self.load(result.record_id)


class MedicationForm(RecordForm):
    """Dose segments; 'Change dose' ends the loaded segment and opens the next in one step."""

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.change_dose_button = QPushButton(self.tr("Change dose…"), self)
        self.change_dose_button.setObjectName("change_dose_button")
        self.change_dose_button.setAccessibleName("change_dose_button")
        self.change_dose_button.setToolTip(self.tr("End this segment and start the next (Ctrl+D)"))
        QShortcut(QKeySequence("Ctrl+D"), self, self.start_dose_change)
        self.change_dose_button.clicked.connect(self.start_dose_change)
        self.change_dose_button.setVisible(self.reader.can_edit)
        self.change_dose_button.setEnabled(False)
        row.addWidget(self.change_dose_button)
        # the summary has a line of its own above the buttons (in the button row its first
        # line was clipped); added to the form's layout once that exists
        self.summary = QLabel(self)
        self.summary.setObjectName("dose_summary")
        self.summary.setWordWrap(True)
        self.changing_from: str | None = None
        self._defaulted: dict[str, str] = {}

    def build_body(self) -> QWidget:
        body = super().build_body()
        self.inputs["drug"].changed.connect(self._drug_chosen)
        return body

    def __init__(self, kind: str, writer: RecordService, reader: StudyReader,
                 prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(kind, writer, reader, prompts, parent)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.summary)  # above the buttons

    def _drug_chosen(self) -> None:
        """The drug's usual route, unit and frequency (domain/drug_defaults.py), into the
        fields still untouched: empty, or holding what the previous drug's defaults put."""
        if self._loading:
            return
        for name, code in defaults_for(self.inputs["drug"].text()).items():
            current = self.inputs[name].text()
            if current is None or current == self._defaulted.get(name):
                self.inputs[name].set_text(code)
                self._defaulted[name] = code

    def set_texts(self, texts: dict[str, str | None]) -> None:
        self._defaulted = {}
        super().set_texts(texts)

    def _update_title(self) -> None:
        super()._update_title()
        if getattr(self, "changing_from", None):
            self.title.setText(self.tr("Change dose: new segment") + (" •" if self.dirty else ""))
        if hasattr(self, "change_dose_button"):
            self.change_dose_button.setEnabled(bool(self.record_id) and self.reader.can_edit)

    def on_draft_changed(self) -> None:
        if hasattr(self, "summary"):
            # one part a line: nothing clipped, whatever the form's width
            text = self.reader.dose_summary(self.patient_id, self.draft())
            self.summary.setText(text.replace(" · ", "\n"))

    def new(self) -> None:
        self.changing_from = None
        super().new()

    def start_dose_change(self) -> None:
        """Keep drug, route, unit and frequency; the nurse types the new dose and start."""
        if not self.record_id or not self.resolve_unsaved():
            return
        source = self.record_id
        keep = {k: self.inputs[k].text() for k in ("drug", "route", "dose_unit", "frequency")}
        self.record_id = None
        self.set_texts(keep)
        self.changing_from = source
        self._set_dirty(True)
        self._update_title()
        self.inputs["dose_amount"].focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self, reason: str | None, confirm: bool) -> ServiceResult:
        if self.changing_from:
            return self.writer.change_dose(self.changing_from, self.draft(), reason=reason,
                                           confirm_warnings=confirm)
        return super().submit(reason, confirm)


SINGLE_RESULT_FIELDS = ("analyte", "value", "censored", "unit", "ref_low", "ref_high")


class LabForm(RecordForm):
    """One result, or (panel mode, Ctrl+P) a panel of several analytes from one sample."""

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.panel_toggle = QCheckBox(self.tr("Panel mode"), self)
        self.panel_toggle.setObjectName("panel_mode")
        self.panel_toggle.setAccessibleName("panel_mode")
        self.panel_toggle.setToolTip(
            self.tr("Enter several analytes of one sample at once (Ctrl+P)"))
        QShortcut(QKeySequence("Ctrl+P"), self, self.panel_toggle.toggle)
        self.panel_toggle.toggled.connect(self.set_panel_mode)
        row.addWidget(self.panel_toggle)

    def build_body(self) -> QWidget:
        body = super().build_body()
        analyte = self.inputs["analyte"].widget
        assert isinstance(analyte, QComboBox)
        for code, a in ANALYTES.items():
            analyte.addItem(f"{code} — {catalogue(a.name)}", code)
        unit = self.inputs["unit"].widget
        assert isinstance(unit, QComboBox)
        self.unit_combo = unit
        unit.currentIndexChanged.connect(self._prefill_reference)
        analyte.currentIndexChanged.connect(self._analyte_changed)
        self.panel.edited.connect(self._on_changed)
        self.panel.row_left.connect(self._check_panel_row)
        return body

    def add_field(self, grid: QGridLayout, spec: FieldSpec, row: int, col: int) -> FieldInput:
        """The panel grid goes right above the Note, so that in panel mode it follows the
        sample date and time (the single result's fields are hidden then)."""
        if spec.name == "note":
            self.panel = LabPanel(lambda code, unit: self.reader.reference_range(
                self.patient_id, code, unit), self)
            grid.addWidget(self.panel, row, 0, 1, 2)
            row += 1
        return super().add_field(grid, spec, row, col)

    def _fill_units(self, code: str | None, current: str | None = None) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        if code in ANALYTES:
            for u in ANALYTES[code].units:
                self.unit_combo.addItem(u, u)
            if current:
                self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(current)))
        self.unit_combo.blockSignals(False)

    def set_panel_mode(self, on: bool) -> None:
        self.panel.set_active(on)
        for name in SINGLE_RESULT_FIELDS:
            self.inputs[name].widget.setEnabled(not on)
            self.inputs[name].widget.setVisible(not on)
            self.labels[name].setVisible(not on)
            if on:
                self.show_message(name, None, error=False)
        self._update_title()

    def _analyte_changed(self) -> None:
        if not self._loading:
            self._fill_units(self.inputs["analyte"].text())
            self._prefill_reference()

    def _prefill_reference(self) -> None:
        if self._loading:
            return
        code, unit = self.inputs["analyte"].text(), self.unit_combo.currentText()
        if code not in ANALYTES or not unit:
            return
        low, high = self.reader.reference_range(self.patient_id, code, unit)
        self.inputs["ref_low"].set_text(parse.format_number(low))
        self.inputs["ref_high"].set_text(parse.format_number(high))

    def _shared(self) -> dict[str, str | None]:
        return {name: self.inputs[name].text() for name in ("sample_date", "sample_time",
                                                            "note")}

    def panel_drafts(self) -> list[dict[str, str | None]]:
        return self.panel.drafts(self._shared())

    def _check_panel_row(self, code: str) -> None:
        """Leaving a row: its value and limits checked as saving would (CK 9 500 000 is
        refused here, not only on Ctrl+S)."""
        if not self.active or not self.dirty or self.patient_id is None:
            return
        draft = self.panel.row_draft(code, self._shared())
        found = []
        if (draft["value"] or "").strip():
            for name in ("value", "ref_low", "ref_high"):
                error, warning = self.writer.check_field("lab", name, draft[name],
                                                         self.patient_id, draft=draft)
                if error or warning:
                    found.append(f"{catalogue(self.rt.field(name).label).lower()}: "
                                 f"{message(error or warning or '')}")
        self.panel.set_row_message(code, "; ".join(found) or None)

    def set_texts(self, texts: dict[str, str | None]) -> None:
        super().set_texts(texts)
        self._fill_units(texts.get("analyte"), texts.get("unit"))
        if not texts:
            self.panel.clear()

    def submit(self, reason: str | None, confirm: bool) -> ServiceResult:
        if not self.panel.active:
            return super().submit(reason, confirm)
        return self.writer.save_lab_panel(self.patient_id or "", self.panel_drafts(),
                                          reason=reason, confirm_warnings=confirm)

    def field_text(self, key: str) -> str:
        """A panel's ``<n>:<field>`` key reads as '<analyte> <field label>'."""
        index, _, name = key.partition(":")
        codes = self.panel.entered_codes()
        if name and index.isdigit() and int(index) < len(codes):
            return f"{codes[int(index)]} {catalogue(field_label(name, 'lab')).lower()}"
        return super().field_text(key)

    def show_results(self, result: ServiceResult) -> None:
        super().show_results(result)
        if not self.panel.active:
            return
        none_entered = result.status is Status.INVALID and not self.panel.entered_codes()
        rest = self.panel.show_messages({**result.warnings, **result.errors},
                                        note=message(result.message) if none_entered else None)
        for key, text in rest.items():
            self.show_message(key, text, error=key in result.errors)


FORM_CLASSES: dict[str, type[RecordForm]] = {
    "patient": PatientForm,
    "visit": VisitForm,
    "medication": MedicationForm,
    "lab": LabForm,
    "adverse_event": RecordForm,
}
