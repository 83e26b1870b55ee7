"""Study settings: baseline, TIS enzyme method, MMT version, trough target, reference ranges."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain import parse
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.fields import field_label
from jdmdesk.domain.settings import BASELINE_RULES, MMT_VERSIONS, TIS_ENZYME_METHODS
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.services.results import Status
from jdmdesk.services.settings import SettingsService
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.prompts import Prompts


class SettingsDialog(QDialog):
    def __init__(self, service: SettingsService, prompts: Prompts,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Study settings"))
        self.service, self.prompts = service, prompts
        s = service.current()
        self.study_name = QLineEdit(s.study_name, self)
        self.baseline_rule = self._combo(BASELINE_RULES, s.baseline_rule)
        self.tis_enzyme_method = self._combo(TIS_ENZYME_METHODS, s.tis_enzyme_method)
        self.mmt_version = self._combo(MMT_VERSIONS, s.mmt_version)
        self.tacrolimus_target_low = QLineEdit(parse.format_number(s.tacrolimus_target_low))
        self.tacrolimus_target_high = QLineEdit(parse.format_number(s.tacrolimus_target_high))
        self.visit_interval_days = QLineEdit(str(s.visit_interval_days))
        self.auto_lock_minutes = QLineEdit(str(s.auto_lock_minutes))
        form = QFormLayout()
        for name, label in (("study_name", QT_TRANSLATE_NOOP("Catalogue",
                                               "Study name")),
                            ("baseline_rule", QT_TRANSLATE_NOOP("Catalogue",
                                               "Baseline")),
                            ("tis_enzyme_method", QT_TRANSLATE_NOOP("Catalogue",
                                               "TIS enzyme method")),
                            ("mmt_version", QT_TRANSLATE_NOOP("Catalogue",
                                               "MMT version")),
                            ("tacrolimus_target_low",
                             QT_TRANSLATE_NOOP("Catalogue",
                                               "Tacrolimus target low (ng/mL)")),
                            ("tacrolimus_target_high",
                             QT_TRANSLATE_NOOP("Catalogue",
                                               "Tacrolimus target high (ng/mL)")),
                            ("visit_interval_days",
                             QT_TRANSLATE_NOOP("Catalogue",
                                               "Visit interval (days, for overdue)")),
                            ("auto_lock_minutes",
                             QT_TRANSLATE_NOOP("Catalogue",
                                               "Lock the window after idle (minutes)"))):
            w = getattr(self, name)
            w.setObjectName(name)
            w.setAccessibleName(name)
            form.addRow(catalogue(label), w)
        self.ranges = QTableWidget(len(ANALYTES), 3, self)
        self.ranges.setObjectName("reference_ranges")
        self.ranges.setHorizontalHeaderLabels([self.tr("Analyte (canonical unit)"), self.tr("Low"),
                                               self.tr("High")])
        self.ranges.verticalHeader().setVisible(False)
        for r, (code, a) in enumerate(ANALYTES.items()):
            low, high = s.reference_range(code)
            analyte = QTableWidgetItem(f"{code} ({a.canonical_unit})")
            analyte.setData(256, code)
            analyte.setFlags(analyte.flags() & ~Qt.ItemFlag.ItemIsEditable)  # a name only
            self.ranges.setItem(r, 0, analyte)
            self.ranges.setItem(r, 1, QTableWidgetItem(parse.format_number(low)))
            self.ranges.setItem(r, 2, QTableWidgetItem(parse.format_number(high)))
        self.ranges.resizeColumnsToContents()
        # Tab enters the table at CK's low limit and leaves it (arrow keys move within)
        self.ranges.setTabKeyNavigation(False)
        self.ranges.setCurrentCell(0, 1)
        self.message = QLabel(self)
        self.message.setObjectName("settings_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr(
            "Default reference ranges (offered when a patient has none yet):")))
        lay.addWidget(self.ranges, 1)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(560, 640)
        order: list[QWidget] = [getattr(self, n) for n in (
            "study_name", "baseline_rule", "tis_enzyme_method", "mmt_version",
            "tacrolimus_target_low", "tacrolimus_target_high", "visit_interval_days",
            "auto_lock_minutes")]
        for before, after in pairwise([*order, self.ranges, *buttons.buttons()]):
            QWidget.setTabOrder(before, after)  # the form, then the ranges, then Save and Cancel

    def _combo(self, options: tuple[tuple[str, str], ...], current: str) -> QComboBox:
        combo = QComboBox(self)
        for code, label in options:
            combo.addItem(catalogue(label), code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def changes(self) -> dict[str, Any] | None:
        """The edited settings, or None after showing why they cannot be read."""
        try:
            out: dict[str, Any] = {
                "study_name": self.study_name.text().strip(),
                "baseline_rule": self.baseline_rule.currentData(),
                "tis_enzyme_method": self.tis_enzyme_method.currentData(),
                "mmt_version": self.mmt_version.currentData(),
                "tacrolimus_target_low": parse.parse_number(self.tacrolimus_target_low.text()),
                "tacrolimus_target_high": parse.parse_number(
                    self.tacrolimus_target_high.text()),
                "visit_interval_days": parse.parse_integer(self.visit_interval_days.text()),
                "auto_lock_minutes": parse.parse_integer(self.auto_lock_minutes.text()),
            }
            ranges = {}
            for r in range(self.ranges.rowCount()):
                code = self.ranges.item(r, 0).data(256)
                cells = [self.ranges.item(r, c).text() for c in (1, 2)]
                ranges[code] = [None if parse.is_blank(t) else parse.parse_number(t)
                                for t in cells]
            out["reference_ranges"] = ranges
        except parse.FieldError as err:
            self.message.setText(message(err.message))
            return None
        return out

    def save(self) -> None:
        changes = self.changes()
        if changes is None:
            return
        reason = self.prompts.reason(self.tr("Reason for change"),
                                     self.tr("Why are the study settings changed?"))
        if reason is None:
            return
        result = self.service.update(changes, reason)
        if result.status in (Status.SAVED, Status.UNCHANGED):
            self.accept()
            return
        self.message.setText(message(result.message) + " " + "; ".join(
            f"{catalogue(field_label(k))}: {message(v)}" for k, v in result.errors.items()))
