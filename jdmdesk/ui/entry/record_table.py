"""Tables of a patient's records, and a section pairing a table with its form."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain import labs, parse
from jdmdesk.domain.access import Action
from jdmdesk.domain.codes import label_of
from jdmdesk.domain.fields import record_type
from jdmdesk.domain.totals import visit_totals
from jdmdesk.ui.entry.record_form import RecordForm
from jdmdesk.ui.entry.rows import LoadRecords, StoredRecord
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.locale_format import show_date, show_number

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, str]  # (value key, header)

WIDE_TABLES = {"medication"}
COLUMNS: dict[str, list[Column]] = {
    "visit": [("visit_date", "Date"), ("signed", "Signed"), ("phga", "PhGA"), ("ptga", "Parent"),
              ("extramuscular_ga", "Extramusc."), ("cmas_total", "CMAS"),
              ("mmt8_total", "MMT8"), ("chaq_di", "CHAQ"), ("das_total", "DAS"),
              ("weight_kg", "kg")],
    "medication": [("drug", "Drug"), ("route", "Route"), ("dose_amount", "Dose"),
                   ("dose_unit", "Unit"), ("frequency", "Freq."), ("start_date", "Start"),
                   ("end_date", "End"), ("change_reason", "Reason")],
    "lab": [("sample_date", "Date"), ("analyte", "Analyte"), ("value", "Value"),
            ("unit", "Unit"), ("ref_low", "Ref low"), ("ref_high", "Ref high")],
    "adverse_event": [("onset_date", "Onset"), ("term", "Term"), ("category", "Category"),
                      ("grade", "Grade"), ("serious", "Serious"),
                      ("relatedness", "Related"), ("outcome", "Outcome")],
}


def display_row(kind: str, values: Mapping[str, Any]) -> dict[str, str]:
    rt = record_type(kind)
    data = dict(values)
    if kind == "visit":
        data.update(visit_totals(values))
    out = {}
    for key, _ in COLUMNS[kind]:
        value = data.get(key)
        try:
            spec = rt.field(key)
        except KeyError:
            spec = None
        if value is None:
            out[key] = ""
        elif spec is not None and spec.codes:
            out[key] = catalogue(label_of(spec.codes, str(value)))
        elif isinstance(value, (int, float)):
            out[key] = show_number(parse.format_number(value))
        else:
            out[key] = show_date(str(value))
    if kind == "lab" and data.get("censored") and data.get("value") is not None:
        out["value"] = show_number(labs.value_text(data["value"], data["censored"]))
    return out


class RecordTableModel(QAbstractTableModel):
    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = COLUMNS[kind]
        self.ids: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.deleted: list[bool] = []

    def set_rows(self, records: Sequence[StoredRecord],
                 overlay: Mapping[str, Mapping[str, str]] | None = None) -> None:
        """``overlay``: cells that are not record fields, by record id (a visit's signer)."""
        self.beginResetModel()
        self.ids = [r.id for r in records]
        self.rows = [{**display_row(self.kind, r.values), **(overlay or {}).get(r.id, {})}
                     for r in records]
        self.deleted = [r.deleted for r in records]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][key]
        if role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()].get(
                f"{key}:alert"):  # an overlay cell that must stand out (signature invalid)
            from PySide6.QtGui import QColor

            return QColor("#c00000")
        if role == Qt.ItemDataRole.ForegroundRole and self.deleted[index.row()]:
            from PySide6.QtGui import QColor

            return QColor("#999999")
        if role == Qt.ItemDataRole.ToolTipRole and self.deleted[index.row()]:
            return QCoreApplication.translate("RecordTableModel", "deleted")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return catalogue(self.columns[section][1])
        return None


class RecordSection(QWidget):
    """A patient's records of one kind: table (select to edit, Del to delete) beside its form."""

    record_selected = Signal(str, str)  # kind, record id

    def __init__(self, form: RecordForm, load_records: LoadRecords,
                 parent: QWidget | None = None, top: QWidget | None = None,
                 overlay: Callable[[str], Mapping[str, Mapping[str, str]]] | None = None,
                 ) -> None:
        super().__init__(parent)
        self.form = form
        self.overlay = overlay
        self.kind = form.kind
        self._focus_ordered = False
        self.load_records = load_records
        self.model = RecordTableModel(self.kind, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{self.kind}_table")
        self.table.setAccessibleName(f"{self.kind}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (rows: arrow keys)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # size columns from the visible rows, not from every one of thousands of results
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.show_deleted = QCheckBox(self.tr("Show deleted"), self)
        self.show_deleted.setObjectName(f"{self.kind}_show_deleted")
        self.show_deleted.toggled.connect(self.refresh)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("delete_button")
        self.delete_button.setToolTip(
            self.tr("Delete the selected record (Del); a reason is required"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.setVisible(form.reader.can(Action.EDIT_RECORDS))
        self.restore_button.setVisible(form.reader.can(Action.UNDELETE))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.show_deleted)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(self.delete_button)
        left_lay.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self.kind}_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(form)
        wide = self.kind in WIDE_TABLES  # every column visible (medication: End, Reason)
        self.splitter.setStretchFactor(0, 3 if wide else 2)
        self.splitter.setStretchFactor(1, 2 if wide else 3)
        if wide:
            self.splitter.setSizes([640, 460])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.outer: QSplitter | None = None
        if top is not None:
            # the chart above the entry: resizable, collapsible (drag it away, or Ctrl+Shift+G),
            # the entry given most of the height; its size is remembered per user
            self.outer = QSplitter(Qt.Orientation.Vertical, self)
            self.outer.setObjectName(f"{self.kind}_outer_splitter")
            self.outer.addWidget(top)
            self.outer.addWidget(self.splitter)
            self.outer.setCollapsible(0, True)
            self.outer.setCollapsible(1, False)
            self.outer.setStretchFactor(0, 2)
            self.outer.setStretchFactor(1, 3)
            self.outer.setSizes([320, 560])
            self._top_size = 320
            QShortcut(QKeySequence("Ctrl+Shift+G"), self, self.toggle_top,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            lay.addWidget(self.outer)
        else:
            lay.addWidget(self.splitter)

    def toggle_top(self) -> None:
        """Collapse the chart above the entry, or bring it back at its last size."""
        if self.outer is None:
            return
        top, rest = self.outer.sizes()
        if top > 0:
            self._top_size = top
            self.outer.setSizes([0, top + rest])
        else:
            size = min(self._top_size or 320, max(rest - 200, 0))
            self.outer.setSizes([size, rest - size])

    def showEvent(self, event: QShowEvent) -> None:
        if not self._focus_ordered:  # once in its window: reparenting rebuilds the chain
            self._focus_ordered = True
            self._table_before_form()
        super().showEvent(event)

    def _table_before_form(self) -> None:
        """Shift+Tab from the form's first field reaches this table (select a segment, then
        Enter and Ctrl+D, keyboard only); Tab from the table goes into the form."""
        first = self.form.first_input().focus_widget
        chain: list[QWidget] = []
        w: QWidget | None = first
        for _ in range(2000):  # the form's widgets in their present focus order
            if w is None or (chain and w is first):
                break
            if (self.form.isAncestorOf(w) and w is not self.form.scroll_area
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                chain.append(w)
            w = w.nextInFocusChain()
        for a, b in pairwise([self.table, *chain]):
            QWidget.setTabOrder(a, b)

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """``RecordService.changed``: the table's one refresh path after a save or delete."""
        if kind == self.kind and patient_id and patient_id == self.form.patient_id:
            self.refresh()

    def refresh(self) -> None:
        pid = self.form.patient_id
        records = self.load_records(self.kind, pid, include_deleted=self.show_deleted
                                    .isChecked()) if pid else []
        self.model.set_rows(records, self.overlay(pid) if pid and self.overlay else None)
        self.table.scrollToBottom()  # the newest records, where entry goes on

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.ids[rows[0].row()] if rows else None

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.ids[index.row()]
        if record_id == self.form.record_id:
            return
        if not self.form.resolve_unsaved():
            return
        self.form.load(record_id)
        self.record_selected.emit(self.kind, record_id)

    def delete_selected(self) -> None:
        self._set_deleted(True)

    def restore_selected(self) -> None:
        self._set_deleted(False)

    def _set_deleted(self, deleted: bool) -> None:
        record_id = self.selected_id()
        if record_id is None:
            self.form.status_message.emit(self.tr("Select a record first."))
            return
        if not self.form.reader.can(Action.EDIT_RECORDS if deleted else Action.UNDELETE):
            self.form.status_message.emit(self.tr("Your role cannot delete records.") if deleted
                                          else self.tr("Your role cannot restore records."))
            return
        record = catalogue(self.form.rt.label).lower()
        reason = self.form.prompts.reason(
            self.tr("Delete record") if deleted else self.tr("Restore record"),
            (self.tr("Why delete this {record}?") if deleted
             else self.tr("Why restore this {record}?")).format(record=record))
        if reason is None:
            return
        result = self.form.writer.set_deleted(self.kind, record_id, reason, deleted=deleted)
        self.form.status_message.emit(message(result.message))
        if result.ok and self.form.record_id == record_id:
            self.form.new()  # the table itself follows RecordService.changed
