"""Every patient at a glance: latest TIS, inactive disease, steroid dose, last and overdue visit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.services.review import ReviewService
from jdmdesk.ui.i18n import catalogue
from jdmdesk.ui.locale_format import show_date
from jdmdesk.ui.review.review_text import num

HEADERS = ("Study code", "Latest TIS", "Inactive disease (PRINTO)", "Steroid mg/kg/day",
           "Last visit", "Overdue")


class OverviewDialog(QDialog):
    patient_chosen = Signal(str)

    def __init__(self, service: ReviewService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_dialog")
        self.setWindowTitle(self.tr("Study overview"))
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("overview_table")
        self.table.setHorizontalHeaderLabels([catalogue(h) for h in HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(self._chosen)
        self.table.cellDoubleClicked.connect(self._chosen)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        self.rows = service.overview()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (row.study_code, catalogue(row.latest_tis), catalogue(row.inactive),
                     num(row.steroid_mg_kg_day, 2),
                     show_date(row.last_visit.isoformat()) if row.last_visit else "—",
                     self.tr("overdue") if row.overdue else "")
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.resize(760, 420)

    def _chosen(self, row: int, _column: int = 0) -> None:
        self.patient_chosen.emit(self.rows[row].patient_id)
