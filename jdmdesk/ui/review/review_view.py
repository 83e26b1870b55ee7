"""The physician's review of one patient: header, chart, visit scores, treatment, safety."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.review import PatientReview
from jdmdesk.ui.chart.view import EnzymeChart
from jdmdesk.ui.review import review_text as rt


class ReviewView(QWidget):
    recomputed = Signal()  # after every recomputation from the database

    def __init__(self, load: Callable[[str], PatientReview | None],
                 chart: EnzymeChart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_view")
        self.load = load
        self.chart = chart
        self.patient_id: str | None = None
        self.review: PatientReview | None = None
        self.header = QLabel(self)
        self.header.setObjectName("review_header")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 11pt;")
        self.visits = QTableWidget(0, len(rt.VISIT_COLUMNS), self)
        self.visits.setObjectName("review_visits")
        self.visits.setAccessibleName("review_visits")
        self.visits.setHorizontalHeaderLabels(rt.VISIT_COLUMNS)
        self.visits.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.visits.verticalHeader().setVisible(False)
        self.visits.verticalHeader().setDefaultSectionSize(22)
        self.visits.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.treatment = QLabel(self)
        self.treatment.setObjectName("review_treatment")
        self.treatment.setWordWrap(True)
        self.treatment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton("Print summary (PDF)…", self)
        self.print_button.setObjectName("print_summary_button")
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("review_splitter")
        if chart is not None:
            split.addWidget(chart.widget())
        split.addWidget(self.visits)
        split.addWidget(self.treatment)
        lay.addWidget(split, 1)
        lay.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        if self.chart is not None:
            self.chart.show_patient(patient_id)
        self.refresh()

    _stale = False

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """``RecordService.changed``: any change to this patient's records."""
        if patient_id and patient_id == self.patient_id:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the review, now if it is on screen, else when it is next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def recompute(self) -> None:
        self.review = self.load(self.patient_id) if self.patient_id else None
        rv = self.review
        if rv is None:
            self.header.setText("No patient selected.")
            self.visits.setRowCount(0)
            self.treatment.clear()
            self.recomputed.emit()
            return
        self.header.setText("<b>" + "</b><br>".join(rt.header_lines(rv)))
        self.visits.setRowCount(len(rv.visits))
        for r, visit in enumerate(rv.visits):
            for c, text in enumerate(rt.visit_row(visit)):
                item = QTableWidgetItem(text)
                if rt.VISIT_COLUMNS[c] == "TIS":
                    item.setToolTip(rt.tis_detail(visit.tis))
                if rt.VISIT_COLUMNS[c] == "PRINTO":
                    item.setToolTip("\n".join(f"{c.label}: {c.status}"
                                               for c in visit.printo.criteria))
                if visit.is_baseline:
                    item.setBackground(Qt.GlobalColor.lightGray)
                self.visits.setItem(r, c, item)
        flagged = [f"<span style='color:#b00020'>⚠ {f.message}</span>" for f in rv.flags]
        lines = rt.treatment_lines(rv)
        self.treatment.setText(
            "<br>".join(lines[:-1] + (flagged or [lines[-1]]))
            + "<br><b>Current medication:</b> " + "; ".join(rt.medication_lines(rv))
            + "<br><b>Adverse events:</b> " + "; ".join(rt.adverse_event_lines(rv)))
        self.recomputed.emit()

    def cell(self, row: int, column: str) -> str:
        return self.visits.item(row, rt.VISIT_COLUMNS.index(column)).text()
