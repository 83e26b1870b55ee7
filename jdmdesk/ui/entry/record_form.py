"""A form for one record type, laid out from the field catalogue in paper-form order.

The save slot only gathers the widgets' text into a draft and hands it to the service; all rules
live in the domain and service layers. Results come back per field and are shown beside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.fields import FieldSpec, RecordType, field_label, record_type
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import ServiceResult, Status
from jdmdesk.ui.entry.fields import FieldInput
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.prompts import Prompts

ERROR_STYLE = "color: #b00020;"
# keyboard focus visible on drop-downs too (the platform style draws barely a line)
FOCUS_STYLE = "QComboBox:focus { border: 2px solid #1a5fb4; border-radius: 3px; padding: 1px 4px; }"
WARNING_STYLE = "color: #8a5a00;"
SECTION_TITLES = {
    "visit": QT_TRANSLATE_NOOP("Catalogue", "Visit"),
    "globals": QT_TRANSLATE_NOOP("Catalogue", "Global activity (0–10 cm VAS)"), "cmas": "CMAS",
    "mmt8": QT_TRANSLATE_NOOP("Catalogue", "MMT8 (Kendall 0–10)"),
    "chaq": QT_TRANSLATE_NOOP("Catalogue", "CHAQ domains (0–3)"), "das": "DAS",
    "cdasi": "CDASI", "skin": QT_TRANSLATE_NOOP("Catalogue", "Skin findings"),
    "activity": QT_TRANSLATE_NOOP("Catalogue", "Physical activity"),
    "note": QT_TRANSLATE_NOOP("Catalogue", "Note"),
}


class RecordForm(QWidget):
    """Add or edit one record of ``kind`` for the current patient."""

    saved = Signal(str, list)  # kind, record ids — after the commit
    status_message = Signal(str)
    dirty_changed = Signal(bool)

    columns = 1
    writer: RecordService
    reader: StudyReader

    def __init__(self, kind: str, writer: RecordService | None, reader: StudyReader | None,
                 prompts: Prompts, parent: QWidget | None = None) -> None:
        """``writer`` and ``reader`` are None for a form built before the study is open (the
        window made while the person types the password); ``bind`` gives them once it is."""
        super().__init__(parent)
        self.kind = kind
        self.rt: RecordType = record_type(kind)
        self.prompts = prompts
        if writer is not None and reader is not None:  # subclasses' hooks below read them
            self.writer, self.reader = writer, reader
        self.setObjectName(f"{kind}_form")
        self.setAccessibleName(f"{kind}_form")
        self.setStyleSheet(FOCUS_STYLE)
        self.patient_id: str | None = None
        self.record_id: str | None = None
        self._dirty = False
        self._loading = False
        self.active = True  # False once the window has closed the study
        self.inputs: dict[str, FieldInput] = {}
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        self.title = QLabel(self)
        self.title.setObjectName("form_title")
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        body = self.build_body()
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setObjectName(f"{kind}_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.save_button = self._button(self.tr("Save"), "save_button", self.tr("Save (Ctrl+S)"),
                                        self.save)
        self.new_button = self._button(self.tr("New"), "new_button", self.tr("New record (Ctrl+N)"),
                                       self.request_new)
        self.cancel_button = self._button(self.tr("Cancel"), "cancel_button",
                                          self.tr("Cancel (Esc)"), self.cancel)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        self.add_extra_buttons(buttons)
        buttons.addStretch(1)
        for b in (self.new_button, self.cancel_button, self.save_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.title)
        lay.addWidget(scroll, 1)
        lay.addLayout(buttons)
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save),
                           (QKeySequence.StandardKey.New, self.request_new)):
            QShortcut(QKeySequence(keys), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_title()
        if writer is not None and reader is not None:
            self.bind(writer, reader)

    def bind(self, writer: RecordService, reader: StudyReader) -> None:
        """The study's services; the fields and buttons follow the role (read-only or not)."""
        self.writer, self.reader = writer, reader
        self.set_read_only(not reader.can_edit)
        for b in (self.save_button, self.new_button, self.cancel_button):
            b.setVisible(reader.can_edit)  # offered only to a role that may edit

    # --- construction ------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str, slot: object) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def add_extra_buttons(self, row: QHBoxLayout) -> None:
        """Subclasses add buttons (e.g. 'Change dose') to the left of the standard ones."""

    def build_body(self) -> QWidget:
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        sections: dict[str, list[FieldSpec]] = {}
        for spec in self.rt.fields:
            sections.setdefault(spec.section, []).append(spec)
        for section, specs in sections.items():
            box = QGroupBox(self.section_title(section), body) if section else QWidget(body)
            grid = QGridLayout(box)
            self.add_fields(grid, specs, self.columns)
            outer.addWidget(box)
            self.after_section(section, grid)
        outer.addStretch(1)
        return body

    def section_title(self, section: str) -> str:
        """The group box title of a catalogue section (subclasses add their own)."""
        return catalogue(SECTION_TITLES.get(section, ""))

    def after_section(self, section: str, grid: QGridLayout) -> None:
        """Hook for derived read-outs (totals) below a section."""

    def add_fields(self, grid: QGridLayout, specs: list[FieldSpec], columns: int) -> None:
        per_col = -(-len(specs) // columns)
        for i, spec in enumerate(specs):
            row, col = i % per_col, (i // per_col) * 3
            self.add_field(grid, spec, row, col)

    def add_field(self, grid: QGridLayout, spec: FieldSpec, row: int, col: int) -> FieldInput:
        inp = FieldInput(spec, self)
        label = QLabel(catalogue(spec.label) + (f" ({catalogue(spec.unit)})" if spec.unit and
                                                spec.unit not in {"points", "score", "grade"}
                                                else ""), self)
        label.setBuddy(inp.focus_widget)
        msg = QLabel(self)
        msg.setObjectName(f"{spec.name}_message")
        msg.setWordWrap(True)
        msg.setVisible(False)
        cell = QVBoxLayout()
        cell.setSpacing(0)
        cell.addWidget(inp.widget)
        cell.addWidget(msg)
        grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(cell, row, col + 1)
        self.inputs[spec.name] = inp
        self.messages[spec.name] = msg
        self.labels[spec.name] = label
        inp.changed.connect(self._on_changed)
        inp.left.connect(lambda name=spec.name: self.check_field(name))
        inp.key_command.connect(self._on_key_command)
        return inp

    # --- state --------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
            self._update_title()

    def _on_changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.on_draft_changed()

    def on_draft_changed(self) -> None:
        """Hook: refresh derived read-outs while typing."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def _on_key_command(self, command: str) -> None:
        {"save": self.save, "cancel": self.cancel, "new": self.request_new}[command]()

    def _update_title(self) -> None:
        record = catalogue(self.rt.label).lower()
        mode = (self.tr("Edit {record}") if self.record_id else self.tr("New {record}")).format(
            record=record)
        mode = mode[:1].upper() + mode[1:]  # "{record} wijzigen" starts with the record
        self.title.setText(mode + (" •" if self._dirty else ""))

    def set_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        self.new()

    def set_read_only(self, read_only: bool) -> None:
        for inp in self.inputs.values():
            inp.set_read_only(read_only)
        for b in (self.save_button, self.new_button):
            b.setEnabled(not read_only)

    def first_input(self) -> FieldInput:
        return next(iter(self.inputs.values()))

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)
        self.scroll_area.horizontalScrollBar().setValue(0)

    def focus_first(self) -> None:
        """The first field, scrolled into view with the form's top, keyboard focus in it
        (after a save, Esc, a new record, coming back to the tab, a new patient)."""
        self.scroll_to_top()
        first = self.first_input().focus_widget
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(first)

    def draft(self) -> dict[str, str | None]:
        return {name: inp.text() for name, inp in self.inputs.items()}

    def set_texts(self, texts: dict[str, str | None]) -> None:
        self._loading = True
        try:
            for name, inp in self.inputs.items():
                inp.set_text(texts.get(name))
        finally:
            self._loading = False
        self.clear_messages()
        self.on_draft_changed()

    def new(self) -> None:
        """Empty the form for a new record (no question asked: callers check ``dirty``)."""
        self.record_id = None
        self.set_texts({})
        self._set_dirty(False)
        self._update_title()
        self.scroll_to_top()

    def load(self, record_id: str) -> None:
        rec = self.reader.record(self.kind, record_id)
        if rec is None:
            return
        self.record_id = record_id
        self.set_texts(self.reader.values_as_text(rec))
        self._set_dirty(False)
        self._update_title()

    def request_new(self) -> None:
        if self.resolve_unsaved():
            self.new()
            self.focus_first()

    def cancel(self) -> None:
        """Esc: throw away what was typed and go back to the saved state."""
        if self.record_id:
            self.load(self.record_id)
        else:
            self.new()
        self.status_message.emit(self.tr("Changes discarded."))
        self.focus_first()

    def resolve_unsaved(self) -> bool:
        """Ask save / discard / cancel when there are unsaved changes; True to go on."""
        if not self._dirty:
            return True
        answer = self.prompts.unsaved_changes(catalogue(self.rt.label).lower())
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.cancel()
            return True
        return False

    # --- validation and saving -------------------------------------------------------------

    def clear_messages(self) -> None:
        for msg in self.messages.values():
            msg.clear()
            msg.setVisible(False)

    def show_message(self, name: str, text: str | None, *, error: bool) -> None:
        msg = self.messages.get(name)
        if msg is None:
            return
        text = message(text) if text else text
        msg.setText(text or "")
        msg.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE)
        msg.setVisible(bool(text))
        msg.setAccessibleDescription(text or "")

    def check_field(self, name: str) -> None:
        """On leaving a field: what saving would say about it, at once. Nothing on a form
        with nothing typed (a fresh form after Ctrl+S or Esc has no 'required' to show)."""
        if not self.active or self._loading or not self._dirty or (
                self.patient_id is None and self.kind != "patient"):
            return
        error, warning = self.writer.check_field(self.kind, name, self.inputs[name].text(),
                                                 self.patient_id, draft=self.draft(),
                                                 record_id=self.record_id)
        self.show_message(name, error or warning, error=error is not None)

    def submit(self, reason: str | None, confirm: bool) -> ServiceResult:
        """Hand the draft to the service. Subclasses route to other service calls."""
        return self.writer.save(self.kind, self.draft(), patient_id=self.patient_id,
                                record_id=self.record_id, reason=reason,
                                confirm_warnings=confirm)

    def save(self) -> bool:
        """Ctrl+S. True when the record is saved (the status bar says so after commit)."""
        if not self.reader.can_edit:
            self.status_message.emit(self.tr("Read-only: nothing can be saved.")
                                     if self.reader.read_only
                                     else self.tr("Your role cannot change clinical records."))
            return False
        if self.kind != "patient" and self.patient_id is None:
            self.status_message.emit(self.tr("Choose or create a patient first."))
            return False
        reason: str | None = None
        result = self.submit(None, False)
        if result.status is Status.NEEDS_REASON:
            reason = self.prompts.reason(self.tr("Reason for change"),
                                         self.tr("Why is this {record} being changed?").format(
                                             record=catalogue(self.rt.label).lower()))
            if reason is None:
                return False
            result = self.submit(reason, False)
        if result.status is Status.NEEDS_CONFIRMATION:
            self.show_results(result)
            why = self.prompts.confirm_warnings({self.field_text(name): message(text)
                                                 for name, text in result.warnings.items()})
            if why is None:
                self.status_message.emit(self.tr("Not saved: unusual values need a reason."))
                return False
            result = self.submit(f"{reason}; {why}" if reason else why, True)
        return self.handle_result(result)

    def field_text(self, key: str) -> str:
        """The label people read for a result's key (a field name)."""
        return catalogue(field_label(key, self.kind))

    def show_results(self, result: ServiceResult) -> None:
        self.clear_messages()
        for name, text in result.warnings.items():
            self.show_message(name, text, error=False)
        for name, text in result.errors.items():
            self.show_message(name, text, error=True)

    def handle_result(self, result: ServiceResult) -> bool:
        self.show_results(result)
        if result.status is Status.INVALID:
            first = next((n for n in self.inputs if n in result.errors), None)
            if first:
                self.inputs[first].focus_widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.status_message.emit(message(result.message))
            return False
        if result.status is Status.FAILED:
            self.status_message.emit(message(result.message))
            self.prompts.error(self.tr("Not saved"), message(result.message))
            return False
        if not result.ok:
            self.status_message.emit(message(result.message))
            return False
        self.status_message.emit(message(result.message))
        self.after_save(result)
        self.saved.emit(self.kind, list(result.record_ids))
        return True

    def after_save(self, result: ServiceResult) -> None:
        """After a commit: an empty form, ready for the next record from the paper stack."""
        self.new()
        self.focus_first()
