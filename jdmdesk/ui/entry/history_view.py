"""Who changed what and when, for one record, from the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.codes import label_of
from jdmdesk.domain.fields import RECORD_TYPES, field_label
from jdmdesk.ui.entry.rows import AuditLine
from jdmdesk.ui.i18n import catalogue

HEADERS = ("Time (UTC)", "User", "Action", "Field", "Old", "New", "Reason")


class HistoryView(QWidget):
    def __init__(self, load: Callable[[str, str], Sequence[AuditLine]] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load = load
        self.title = QLabel(self.tr("Select a record to see its history."), self)
        self.title.setObjectName("history_title")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("history_table")
        self.table.setAccessibleName("history_table")
        self.table.setHorizontalHeaderLabels([catalogue(h) for h in HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        self.kind: str | None = None
        self.record_id: str | None = None

    def show_record(self, kind: str, record_id: str, label: str = "") -> None:
        self.kind, self.record_id = kind, record_id
        self.title.setText(self.tr("History of {record}").format(
            record=label or catalogue(RECORD_TYPES[kind].label).lower()
            if kind in RECORD_TYPES else label or kind))
        self.refresh()

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """``RecordService.changed``: new audit rows when the record shown was changed."""
        if self.record_id is not None and self.record_id in ids:
            self.refresh()

    def refresh(self) -> None:
        rows = (self.load(self.kind, self.record_id)
                if self.load is not None and self.kind and self.record_id else [])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            field = catalogue(field_label(row.field, self.kind)) if row.field else ""
            cells = (row.at_utc.replace("T", " ")[:19], row.user, row.action, field,
                     _short(_value_label(self.kind, row.field, row.old_value)),
                     _short(_value_label(self.kind, row.field, row.new_value)),
                     row.reason or "")
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def rows_as_text(self) -> list[tuple[str, ...]]:
        return [tuple(self.table.item(r, c).text() for c in range(len(HEADERS)))
                for r in range(self.table.rowCount())]


def _value_label(kind: str | None, field: str | None, value: str | None) -> str | None:
    """A coded value as its label (sex 'F' reads 'Female'); other values as stored."""
    if value is None or not kind or not field or kind not in RECORD_TYPES:
        return value
    try:
        spec = RECORD_TYPES[kind].field(field)
    except KeyError:
        return value
    return catalogue(label_of(spec.codes, value)) if spec.codes else value


def _short(value: str | None, limit: int = 120) -> str:
    if value is None:
        return "—"
    return value if len(value) <= limit else value[:limit] + "…"
