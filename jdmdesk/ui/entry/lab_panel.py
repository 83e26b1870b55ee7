"""Panel mode of the lab form: several analytes of one sample, one row per analyte."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from jdmdesk.domain import parse
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.fields import field_label
from jdmdesk.ui.i18n import catalogue, message

ReferenceRange = Callable[[str, str], tuple[float | None, float | None]]  # (code, unit)


@dataclass(frozen=True)
class PanelRow:
    value: QLineEdit
    unit: QComboBox
    ref_low: QLineEdit
    ref_high: QLineEdit


class LabPanel(QWidget):
    """A grid of value, unit and reference range for every analyte; hidden until switched on.

    Widgets are named ``panel_<CODE>_<part>``. The reference range of each row is pre-filled
    from ``reference_range`` (the study's or the patient's own) when its unit changes.

    Keyboard: Tab and Enter go from a value to the next analyte's value, so a typed number
    never lands in a reference limit. F2 in a value goes to that row's unit, then Tab to its
    Ref low and Ref high (and on through the other rows' units and ranges, which follow the
    last value in the Tab order); Shift+Tab goes back.
    """

    edited = Signal()  # a value or a reference limit typed
    row_left = Signal(str)  # the focus left a row's value or reference limit: analyte code

    def __init__(self, reference_range: ReferenceRange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lab_panel")
        self.reference_range = reference_range
        grid = QGridLayout(self)
        for col, head in enumerate((self.tr("Analyte"), self.tr("Value"), self.tr("Unit"),
                                    self.tr("Ref low"), self.tr("Ref high"))):
            grid.addWidget(QLabel(f"<b>{head}</b>"), 0, col)
        self.rows: dict[str, PanelRow] = {}
        for r, (code, a) in enumerate(ANALYTES.items(), start=1):
            value, low, high = (QLineEdit(self) for _ in range(3))
            unit = QComboBox(self)
            unit.addItems(list(a.units))
            for w, part in ((value, "value"), (unit, "unit"), (low, "ref_low"),
                            (high, "ref_high")):
                w.setObjectName(f"panel_{code}_{part}")
                w.setAccessibleName(f"panel_{code}_{part}")
            for w in (value, low, high):
                w.setMaximumWidth(90)
                w.textEdited.connect(self.edited)
            unit.currentIndexChanged.connect(lambda _i, c=code: self.prefill(c))
            grid.addWidget(QLabel(code, self), r, 0)
            grid.addWidget(value, r, 1)
            grid.addWidget(unit, r, 2)
            grid.addWidget(low, r, 3)
            grid.addWidget(high, r, 4)
            self.rows[code] = PanelRow(value, unit, low, high)
            for w in (value, low, high):
                w.installEventFilter(self)
        rows = list(self.rows.values())
        chain: list[QWidget] = [row.value for row in rows]
        for row in rows:
            chain += [row.unit, row.ref_low, row.ref_high]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.row_messages: dict[str, str] = {}
        self.message = QLabel(self)
        self.message.setObjectName("panel_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        grid.addWidget(self.message, len(ANALYTES) + 1, 0, 1, 5)
        self.active = False
        self.setVisible(False)

    def _code_of(self, obj: QObject) -> str | None:
        return next((c for c, r in self.rows.items()
                     if obj in (r.value, r.ref_low, r.ref_high)), None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and (code := self._code_of(obj)):
            self.row_left.emit(code)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(obj, event)
        return False

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        code = self._code_of(obj)
        if code is None or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        if event.key() == Qt.Key.Key_F2 and obj is self.rows[code].value:
            self.rows[code].unit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter moves on like Tab
            tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(obj, tab)
            return True
        return False

    def row_draft(self, code: str, shared: Mapping[str, str | None]) -> dict[str, str | None]:
        row = self.rows[code]
        return {**shared, "analyte": code, "value": row.value.text(),
                "unit": row.unit.currentText(), "ref_low": row.ref_low.text(),
                "ref_high": row.ref_high.text()}

    def set_row_message(self, code: str, text: str | None) -> None:
        """What leaving a row found (as saving would say it), or None to clear it."""
        if text:
            self.row_messages[code] = text
        else:
            self.row_messages.pop(code, None)
        self.message.setText("\n".join(f"{c} {t}" for c, t in self.row_messages.items()))

    def set_active(self, on: bool) -> None:
        """Show the grid (with fresh reference ranges) or hide it."""
        self.active = on
        self.setVisible(on)
        if on:
            self.prefill_all()

    def prefill(self, code: str) -> None:
        row = self.rows[code]
        lo, hi = self.reference_range(code, row.unit.currentText())
        row.ref_low.setText(parse.format_number(lo))
        row.ref_high.setText(parse.format_number(hi))

    def prefill_all(self) -> None:
        for code in self.rows:
            self.prefill(code)

    def clear(self) -> None:
        """Empty every value (and re-read the ranges when the grid is on), for a new sample."""
        for row in self.rows.values():
            row.value.clear()
        self.row_messages.clear()
        self.message.clear()
        if self.active:
            self.prefill_all()

    def drafts(self, shared: Mapping[str, str | None]) -> list[dict[str, str | None]]:
        """One lab draft per analyte with a value, each with the ``shared`` sample fields."""
        return [self.row_draft(code, shared)
                for code, row in self.rows.items() if row.value.text().strip()]

    def entered_codes(self) -> list[str]:
        return [code for code, row in self.rows.items() if row.value.text().strip()]

    def show_messages(self, messages: Mapping[str, str],
                      note: str | None = None) -> dict[str, str]:
        """Show the messages keyed ``<n>:<field>`` (n-th analyte entered), then ``note``,
        under the grid; return the others (shared fields) for the form to show beside its
        own fields."""
        codes = self.entered_codes()
        lines, rest = [], {}
        for key, text in messages.items():
            index, _, name = key.partition(":")
            if index.isdigit() and int(index) < len(codes):
                lines.append(f"{codes[int(index)]} {catalogue(field_label(name, 'lab')).lower()}: "
                             f"{message(text)}")
            else:
                rest[key] = text
        if note:
            lines.append(message(note))
        self.row_messages.clear()
        self.message.setText("\n".join(lines))
        return rest
