"""One input widget per catalogue field, each named by its field name (architecture Contracts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from jdmdesk.domain import parse
from jdmdesk.domain.fields import FieldSpec, Kind
from jdmdesk.ui.i18n import catalogue
from jdmdesk.ui.locale_format import show_date, show_number


class DateField(QWidget):
    """Typed ISO or dd-mm-yyyy dates; F4 or Alt+Down (or the button) opens a calendar."""

    editingFinished = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("yyyy-mm-dd or dd-mm-yyyy"))
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(name)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Calendar (F4)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.setMaximumWidth(200)
        self.edit.editingFinished.connect(self.editingFinished)
        self.edit.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            alt_down = (event.key() == Qt.Key.Key_Down
                        and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier))
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_calendar()
                return True
        return super().eventFilter(obj, event)

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        try:
            d = parse.parse_date(self.edit.text())
            self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        except parse.FieldError:
            self.calendar.setSelectedDate(QDate.currentDate())
        self.calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, d: QDate) -> None:
        self.edit.setText(show_date(d.toString("yyyy-MM-dd")))
        if self.calendar is not None:
            self.calendar.hide()
        self.edit.setFocus()
        self.editingFinished.emit()


class FieldInput(QObject):
    """Binds one field spec to its widget: text in, text out, change and leave signals."""

    changed = Signal()
    left = Signal()
    key_command = Signal(str)  # "cancel": the form acts on it

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget, self.focus_widget = self._make(spec, parent)
        self.focus_widget.installEventFilter(self)

    def _make(self, spec: FieldSpec, parent: QWidget) -> tuple[QWidget, QWidget]:
        if spec.kind is Kind.DATE:
            date_field = DateField(spec.name, parent)
            date_field.edit.textEdited.connect(self.changed)
            return date_field, date_field.edit
        if spec.kind in (Kind.CODE, Kind.BOOLEAN):
            combo = QComboBox(parent)
            combo.addItem("", None)
            for code, label in spec.codes:
                combo.addItem(catalogue(label), code)
            combo.currentIndexChanged.connect(self.changed)
            combo.currentIndexChanged.connect(self.left)
            w: QWidget = combo
        elif spec.kind is Kind.LONGTEXT:
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setMaximumHeight(70)
            text.textChanged.connect(self.changed)
            w = text
        else:
            line = QLineEdit(parent)
            if spec.numeric:
                if spec.hard:
                    lo, hi = (parse.format_number(x) for x in spec.hard)
                    line.setPlaceholderText(f"{lo}–{hi}")
                line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                line.setMaximumWidth(110)
                line.setMinimumWidth(64)  # long (translated) labels never squeeze the value
            line.textEdited.connect(self.changed)
            w = line
        if spec.kind in (Kind.TEXT, Kind.CODE, Kind.BOOLEAN):
            w.setMaximumWidth(320 if spec.kind is not Kind.BOOLEAN else 110)
        elif spec.kind is Kind.TIME:
            w.setMaximumWidth(90)
        w.setObjectName(spec.name)
        w.setAccessibleName(spec.name)
        tip = " ".join(x for x in (catalogue(spec.help),
                                   f"[{catalogue(spec.unit)}]" if spec.unit else "") if x)
        if spec.numeric:
            tip += " — " + QCoreApplication.translate(
                "FieldInput", "type ND, NA, UNK, REF or LOST to record why a value is missing")
        w.setToolTip(tip.strip(" —"))
        return w, w

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and not isinstance(self.widget, QComboBox):
            self.left.emit()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        """Keyboard-first: Enter moves on like Tab; Esc goes to the form (Ctrl+S and Ctrl+N are
        the form's shortcuts)."""
        if event.key() == Qt.Key.Key_Escape:
            self.key_command.emit("cancel")
            return True
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.widget, QPlainTextEdit) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(self.focus_widget, tab)
            return True
        return False

    def text(self) -> str | None:
        w = self.widget
        if isinstance(w, DateField):
            return w.edit.text()
        if isinstance(w, QComboBox):
            data = w.currentData()
            return None if data is None else str(data)
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_text(self, text: str | None) -> None:
        w = self.widget
        value = "" if text is None else str(text)
        if isinstance(w, DateField):
            w.edit.setText(show_date(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value) if value else 0
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        else:
            assert isinstance(w, QLineEdit)
            w.setText(show_number(value) if self.spec.kind is Kind.DECIMAL else value)

    def set_read_only(self, read_only: bool) -> None:
        w = self.widget
        if isinstance(w, DateField):
            w.edit.setReadOnly(read_only)
            w.button.setEnabled(not read_only)
        elif isinstance(w, QComboBox):
            w.setEnabled(not read_only)
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            w.setReadOnly(read_only)
