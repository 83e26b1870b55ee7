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
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain import parse
from jdmdesk.domain.access import Action
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.totals import visit_totals
from jdmdesk.domain.validation import Context, validate
from jdmdesk.services.results import ServiceResult, Status
from jdmdesk.services.signoff import Signature, SignoffService
from jdmdesk.ui.record_form import RecordForm

TOTAL_LABELS = {"cmas": ("cmas_total", "CMAS total", "/ 52"),
                "mmt8": ("mmt8_total", "MMT8 total", "/ 80"),
                "chaq": ("chaq_di", "CHAQ disability index", "/ 3"),
                "das": ("das_total", "DAS total", "/ 20")}


class PatientForm(RecordForm):
    def after_save(self, result: ServiceResult) -> None:
        if result.record_id:
            self.load(result.record_id)


class VisitForm(RecordForm):
    """Core set measures with running totals (CMAS, MMT8, CHAQ DI, DAS); sign-off of a saved
    visit (reviewer) and unlocking a signed one (data manager)."""

    columns = 2
    signoff: SignoffService | None = None

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.signature_label = QLabel("", self)
        self.signature_label.setObjectName("signature_label")
        self.signature_label.setStyleSheet("color: #0b5394; font-weight: 600;")
        self.sign_button = QPushButton("Sign as reviewed…", self)
        self.sign_button.setObjectName("sign_button")
        self.sign_button.setToolTip("Sign this visit as reviewed (your password is asked); "
                                    "a signed visit is locked")
        self.sign_button.clicked.connect(self.sign)
        self.unlock_button = QPushButton("Unlock…", self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setToolTip("Clear the signature so the visit can be edited "
                                      "(a reason is asked)")
        self.unlock_button.clicked.connect(self.unlock)
        self.sign_button.setVisible(self.reader.can(Action.SIGN_VISIT))
        self.unlock_button.setVisible(self.reader.can(Action.UNLOCK_VISIT))
        row.addWidget(self.signature_label)
        row.addWidget(self.sign_button)
        row.addWidget(self.unlock_button)

    def _signature(self) -> Signature | None:
        if self.signoff is None or self.record_id is None:
            return None
        return self.signoff.signature(self.record_id)

    def _update_title(self) -> None:
        super()._update_title()
        if not hasattr(self, "sign_button"):
            return
        sig = self._signature()
        locked = bool(sig and sig.locked)
        self.signature_label.setText(sig.describe() if sig and locked else "")
        self.sign_button.setEnabled(self.record_id is not None and not locked)
        self.unlock_button.setEnabled(locked)
        self.set_read_only(locked or not self.reader.can_edit)
        for b in (self.save_button, self.cancel_button):
            b.setEnabled(self.reader.can_edit and not locked)

    def sign(self) -> None:
        if self.signoff is None or self.record_id is None:
            return
        if not self.resolve_unsaved():
            return
        password = self.prompts.password(
            "Sign visit", "Sign this visit as reviewed. The signature records your name, the "
            "UTC time and the meaning \u201creviewed\u201d, and locks the visit.\n\n"
            "Your password:")
        if password is None:
            return
        result = self.signoff.sign(self.record_id, password)
        self.status_message.emit(result.message)
        if not result.ok:
            self.prompts.error("Not signed", result.message)
        self._update_title()

    def unlock(self) -> None:
        if self.signoff is None or self.record_id is None:
            return
        reason = self.prompts.reason("Unlock visit", "Why must this signed visit be unlocked?")
        if reason is None:
            return
        result = self.signoff.unlock(self.record_id, reason)
        self.status_message.emit(result.message)
        if not result.ok:
            self.prompts.error("Not unlocked", result.message)
        self._update_title()

    def after_section(self, section: str, grid: QGridLayout) -> None:
        if section not in TOTAL_LABELS:
            return
        name, label, suffix = TOTAL_LABELS[section]
        out = QLabel("—", self)
        out.setObjectName(name)
        out.setAccessibleName(name)
        out.setProperty("suffix", suffix)
        out.setStyleSheet("font-weight: 600;")
        row = grid.rowCount()
        grid.addWidget(QLabel(label, self), row, 0)
        grid.addWidget(out, row, 1)
        if not hasattr(self, "totals"):
            self.totals: dict[str, QLabel] = {}
        self.totals[name] = out

    def on_draft_changed(self) -> None:
        values = validate("visit", self.draft(), Context(today=self.writer.clock.today())).values
        for name, value in visit_totals(values).items():
            label = self.totals.get(name)
            if label is not None:
                text = "—" if value is None else parse.format_number(value)
                label.setText(f"{text} {label.property('suffix')}" if value is not None
                              else "— (incomplete)")


class MedicationForm(RecordForm):
    """Dose segments; 'Change dose' ends the loaded segment and opens the next in one step."""

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.change_dose_button = QPushButton("Change dose…", self)
        self.change_dose_button.setObjectName("change_dose_button")
        self.change_dose_button.setAccessibleName("change_dose_button")
        self.change_dose_button.setToolTip("End this segment and start the next (Ctrl+D)")
        QShortcut(QKeySequence("Ctrl+D"), self, self.start_dose_change)
        self.change_dose_button.clicked.connect(self.start_dose_change)
        self.change_dose_button.setVisible(self.reader.can_edit)
        self.change_dose_button.setEnabled(False)
        row.addWidget(self.change_dose_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("dose_summary")
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        self.changing_from: str | None = None

    def _update_title(self) -> None:
        super()._update_title()
        if getattr(self, "changing_from", None):
            self.title.setText("Change dose: new segment" + (" •" if self.dirty else ""))
        if hasattr(self, "change_dose_button"):
            self.change_dose_button.setEnabled(bool(self.record_id) and self.reader.can_edit)

    def on_draft_changed(self) -> None:
        if hasattr(self, "summary"):
            self.summary.setText(self.reader.dose_summary(self.patient_id, self.draft()))

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


class LabForm(RecordForm):
    """One result, or a panel of several analytes from one sample."""

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.panel_toggle = QCheckBox("Panel mode", self)
        self.panel_toggle.setObjectName("panel_mode")
        self.panel_toggle.setAccessibleName("panel_mode")
        self.panel_toggle.setToolTip("Enter several analytes of one sample at once (Ctrl+P)")
        QShortcut(QKeySequence("Ctrl+P"), self, self.panel_toggle.toggle)
        self.panel_toggle.toggled.connect(self.set_panel_mode)
        row.addWidget(self.panel_toggle)

    def build_body(self) -> QWidget:
        body = super().build_body()
        analyte = self.inputs["analyte"].widget
        assert isinstance(analyte, QComboBox)
        for code, a in ANALYTES.items():
            analyte.addItem(f"{code} — {a.name}", code)
        unit = self.inputs["unit"].widget
        assert isinstance(unit, QComboBox)
        self.unit_combo = unit
        unit.currentIndexChanged.connect(self._prefill_reference)
        analyte.currentIndexChanged.connect(self._analyte_changed)
        layout = body.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self._build_panel(body))
        return body

    def _fill_units(self, code: str | None, current: str | None = None) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        if code in ANALYTES:
            for u in ANALYTES[code].units:
                self.unit_combo.addItem(u, u)
            if current:
                self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(current)))
        self.unit_combo.blockSignals(False)

    def _build_panel(self, parent: QWidget) -> QWidget:
        self.panel = QWidget(parent)
        self.panel.setObjectName("lab_panel")
        grid = QGridLayout(self.panel)
        grid.addWidget(QLabel("<b>Analyte</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Value</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Unit</b>"), 0, 2)
        grid.addWidget(QLabel("<b>Ref low</b>"), 0, 3)
        grid.addWidget(QLabel("<b>Ref high</b>"), 0, 4)
        self.panel_rows: dict[str, tuple[QLineEdit, QComboBox, QLineEdit, QLineEdit]] = {}
        for r, (code, a) in enumerate(ANALYTES.items(), start=1):
            value, low, high = (QLineEdit(self.panel) for _ in range(3))
            unit = QComboBox(self.panel)
            unit.addItems(list(a.units))
            for w, part in ((value, "value"), (unit, "unit"), (low, "ref_low"),
                            (high, "ref_high")):
                w.setObjectName(f"panel_{code}_{part}")
                w.setAccessibleName(f"panel_{code}_{part}")
            for w in (value, low, high):
                w.setMaximumWidth(90)
                w.textEdited.connect(self._on_changed)
            unit.currentIndexChanged.connect(lambda _i, c=code: self._prefill_panel_row(c))
            grid.addWidget(QLabel(code, self.panel), r, 0)
            grid.addWidget(value, r, 1)
            grid.addWidget(unit, r, 2)
            grid.addWidget(low, r, 3)
            grid.addWidget(high, r, 4)
            self.panel_rows[code] = (value, unit, low, high)
        self.panel_message = QLabel(self.panel)
        self.panel_message.setObjectName("panel_message")
        self.panel_message.setStyleSheet("color: #b00020;")
        self.panel_message.setWordWrap(True)
        grid.addWidget(self.panel_message, len(ANALYTES) + 1, 0, 1, 5)
        self.panel.setVisible(False)
        return self.panel

    def set_panel_mode(self, on: bool) -> None:
        self.panel.setVisible(on)
        for name in ("analyte", "value", "unit", "ref_low", "ref_high"):
            self.inputs[name].widget.setEnabled(not on)
        if on:
            for code in self.panel_rows:
                self._prefill_panel_row(code)
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

    def _prefill_panel_row(self, code: str) -> None:
        _, unit, low, high = self.panel_rows[code]
        lo, hi = self.reader.reference_range(self.patient_id, code, unit.currentText())
        low.setText(parse.format_number(lo))
        high.setText(parse.format_number(hi))

    def panel_drafts(self) -> list[dict[str, str | None]]:
        shared = {"sample_date": self.inputs["sample_date"].text(),
                  "sample_time": self.inputs["sample_time"].text(),
                  "note": self.inputs["note"].text()}
        out = []
        for code, (value, unit, low, high) in self.panel_rows.items():
            if value.text().strip():
                out.append({**shared, "analyte": code, "value": value.text(),
                            "unit": unit.currentText(), "ref_low": low.text(),
                            "ref_high": high.text()})
        return out

    def set_texts(self, texts: dict[str, str | None]) -> None:
        super().set_texts(texts)
        if hasattr(self, "unit_combo"):
            self._fill_units(texts.get("analyte"), texts.get("unit"))
        if hasattr(self, "panel_rows") and not texts:
            for value, _unit, _low, _high in self.panel_rows.values():
                value.clear()
            if self.panel_toggle.isChecked():
                for code in self.panel_rows:
                    self._prefill_panel_row(code)

    def submit(self, reason: str | None, confirm: bool) -> ServiceResult:
        if not self.panel_toggle.isChecked():
            return super().submit(reason, confirm)
        return self.writer.save_lab_panel(self.patient_id or "", self.panel_drafts(),
                                          reason=reason, confirm_warnings=confirm)

    def show_results(self, result: ServiceResult) -> None:
        super().show_results(result)
        if not self.panel_toggle.isChecked():
            return
        lines = []
        codes = [d["analyte"] for d in self.panel_drafts()]
        for key, text in {**result.warnings, **result.errors}.items():
            index, _, name = key.partition(":")
            if index.isdigit() and int(index) < len(codes):
                lines.append(f"{codes[int(index)]} {name}: {text}")
            else:
                self.show_message(key, text, error=key in result.errors)
        if result.status is Status.INVALID and not codes:
            lines.append(result.message)
        self.panel_message.setText("\n".join(lines))


FORM_CLASSES: dict[str, type[RecordForm]] = {
    "patient": PatientForm,
    "visit": VisitForm,
    "medication": MedicationForm,
    "lab": LabForm,
    "adverse_event": RecordForm,
}
