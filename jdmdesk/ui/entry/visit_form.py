"""The visit form: core set measures with running totals (CMAS, MMT8, CHAQ DI, DAS),
sign-off of a saved visit and unlocking a signed one."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from jdmdesk.domain import mdi, parse
from jdmdesk.domain.access import Action
from jdmdesk.domain.fields import FieldSpec
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.domain.totals import visit_totals
from jdmdesk.domain.validation import Context, validate
from jdmdesk.services.signoff import Signature, SignoffService
from jdmdesk.ui.entry.fields import FieldInput
from jdmdesk.ui.entry.record_form import RecordForm
from jdmdesk.ui.i18n import catalogue, message

TOTAL_LABELS = {"cmas": ("cmas_total", QT_TRANSLATE_NOOP("Catalogue", "CMAS total"), "/ 52"),
                "mmt8": ("mmt8_total", QT_TRANSLATE_NOOP("Catalogue", "MMT8 total"), "/ 80"),
                "chaq": ("chaq_di", QT_TRANSLATE_NOOP("Catalogue", "CHAQ disability index"), "/ 3"),
                "das": ("das_total", QT_TRANSLATE_NOOP("Catalogue", "DAS total"), "/ 20")}


class VisitForm(RecordForm):
    """Core set measures with running totals (CMAS, MMT8, CHAQ DI, DAS); sign-off of a saved
    visit (reviewer) and unlocking a signed one (data manager)."""

    columns = 2
    signoff: SignoffService | None = None

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        self.signature_label = QLabel("", self)
        self.signature_label.setObjectName("signature_label")
        self.signature_label.setStyleSheet("color: #0b5394; font-weight: 600;")
        self.sign_button = QPushButton(self.tr("Sign as reviewed…"), self)
        self.sign_button.setObjectName("sign_button")
        self.sign_button.setToolTip(self.tr("Sign this visit as reviewed (your password is asked); "
                                    "a signed visit is locked"))
        self.sign_button.clicked.connect(self.sign)
        self.unlock_button = QPushButton(self.tr("Unlock…"), self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setToolTip(self.tr("Clear the signature so the visit can be edited "
                                      "(a reason is asked)"))
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

    def _signed_text(self, sig: Signature) -> str:
        """The signature in the reader's language ("ondertekend door" in Dutch)."""
        at = (sig.signed_at or "")[:16].replace("T", " ")
        meaning = self.tr("reviewed") if sig.meaning == "reviewed" else (sig.meaning or "")
        if sig.state == "invalid":
            return self.tr("Signature invalid: changed after {name} ({user}) signed it on {at} "
                           "UTC").format(name=sig.signer_name, user=sig.signed_by, at=at)
        text = self.tr("Signed by {name} ({user}) on {at} UTC — {meaning}").format(
            name=sig.signer_name, user=sig.signed_by, at=at, meaning=meaning)
        return text + {
            "valid": self.tr(" (signature verified)"),
            "not_bound": self.tr(" (signed before signatures were bound to content: not "
                                 "verifiable)"),
            "unchecked": self.tr(" (signature not checked: the study key is not available)"),
        }.get(str(sig.state), "")

    def _update_title(self) -> None:
        super()._update_title()
        if not hasattr(self, "sign_button"):
            return
        sig = self._signature()
        locked = bool(sig and sig.locked)
        self.signature_label.setText(self._signed_text(sig) if sig and locked else "")
        self.signature_label.setToolTip(self.signature_label.text())
        # a signature that no longer matches the visit's values stands out in red
        self.signature_label.setStyleSheet(
            "color: #c00000; font-weight: 700;" if sig is not None and sig.invalid
            else "color: #0b5394; font-weight: 600;")
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
            self.tr("Sign visit"),
            self.tr("Sign this visit as reviewed. The signature records your name, the "
                    "UTC time and the meaning \u201creviewed\u201d, and locks the visit.\n\n"
                    "Your password:"))
        if password is None:
            return
        result = self.signoff.sign(self.record_id, password)
        self.status_message.emit(message(result.message))
        if not result.ok:
            self.prompts.error(self.tr("Not signed"), message(result.message))
        self._update_title()

    def unlock(self) -> None:
        if self.signoff is None or self.record_id is None:
            return
        reason = self.prompts.reason(self.tr("Unlock visit"),
                                     self.tr("Why must this signed visit be unlocked?"))
        if reason is None:
            return
        result = self.signoff.unlock(self.record_id, reason)
        self.status_message.emit(message(result.message))
        if not result.ok:
            self.prompts.error(self.tr("Not unlocked"), message(result.message))
        self._update_title()

    # the globals in two columns: 'Global rated by' beside the parent/patient global it
    # qualifies (Tab order stays the catalogue's: physician, parent/patient, rated by, …)
    GLOBALS_PLACES: ClassVar[dict[str, tuple[int, int]]] = {
        "phga": (0, 0), "extramuscular_ga": (0, 3), "ptga": (1, 0), "ptga_rater": (1, 3)}

    def add_fields(self, grid: QGridLayout, specs: list[FieldSpec], columns: int) -> None:
        if {s.name for s in specs} != set(self.GLOBALS_PLACES):
            super().add_fields(grid, specs, columns)
            return
        for spec in specs:
            self.add_field(grid, spec, *self.GLOBALS_PLACES[spec.name])

    def section_title(self, section: str) -> str:
        """'Damage (MDI): Muscle' for the Myositis Damage Index's organ systems."""
        if section == "mdi_global":
            return QCoreApplication.translate("VisitForm", "Damage (MDI): global and totals")
        system = mdi.SYSTEMS_BY_KEY.get(section.removeprefix("mdi_")) \
            if section.startswith("mdi_") else None
        if system is None:
            return super().section_title(section)
        return QCoreApplication.translate("VisitForm", "Damage (MDI): {system}").format(
            system=catalogue(system.label))

    def add_field(self, grid: QGridLayout, spec: FieldSpec, row: int, col: int) -> FieldInput:
        inp = super().add_field(grid, spec, row, col)
        if spec.section.startswith("mdi_") and spec.section != "mdi_global":
            # the group box names the system: the row says the item only
            _, _, item = spec.label.partition(": ")
            text = catalogue(item) if item else QCoreApplication.translate(
                "VisitForm", "Damage severity (cm)")
            self.labels[spec.name].setText(text)
        return inp

    def after_section(self, section: str, grid: QGridLayout) -> None:
        if section == "mdi_global":
            self._add_total(grid, "mdi_extent", QCoreApplication.translate(
                "VisitForm", "MDI extent (items present)"), f"/ {mdi.EXTENT_MAX}")
            self._add_total(grid, "mdi_severity", QCoreApplication.translate(
                "VisitForm", "MDI severity (sum of 11 systems)"), f"/ {mdi.SEVERITY_MAX}")
            return
        if section not in TOTAL_LABELS:
            return
        self._add_total(grid, *TOTAL_LABELS[section])

    def _add_total(self, grid: QGridLayout, name: str, label: str, suffix: str) -> None:
        out = QLabel("—", self)
        out.setObjectName(name)
        out.setAccessibleName(name)
        out.setProperty("suffix", suffix)
        out.setStyleSheet("font-weight: 600;")
        row = grid.rowCount()
        grid.addWidget(QLabel(catalogue(label), self), row, 0)
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
                empty = QCoreApplication.translate("VisitForm", "— (not assessed)") \
                    if name == "mdi_extent" else self.tr("— (incomplete)")
                label.setText(f"{text} {label.property('suffix')}" if value is not None
                              else empty)
