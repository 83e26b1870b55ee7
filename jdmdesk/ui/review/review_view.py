"""The physician's review of one patient: header, chart, visit scores, treatment, safety."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.review import PatientReview, VisitReview
from jdmdesk.services.results import ServiceResult
from jdmdesk.ui.chart.view import EnzymeChart
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.locale_format import show_date, show_numbers_in
from jdmdesk.ui.review import review_text as rt
from jdmdesk.ui.review.sign_dialog import SignDialog

SIGN_SHORTCUT = "Ctrl+Shift+S"
CHART_MIN_HEIGHT = 360  # the chart is the review's main read-out: never squashed to a strip
Signer = Callable[[str, str], ServiceResult]  # (visit id, password): SignoffService.sign


class ReviewView(QWidget):
    recomputed = Signal()  # after every recomputation from the database
    status_message = Signal(str)

    def __init__(self, load: Callable[[str], PatientReview | None] | None,
                 chart: EnzymeChart | None = None, parent: QWidget | None = None,
                 sign: Signer | None = None) -> None:
        """``load`` is None in a window built before the study is open; ``bind`` gives it,
        with the chart and the signer, once it is."""
        super().__init__(parent)
        self.sign = sign  # None: this user may not sign, and no sign button is shown
        self.sign_dialog: SignDialog | None = None
        self.setObjectName("review_view")
        self.load = load
        self.chart: EnzymeChart | None = None
        self.patient_id: str | None = None
        self.review: PatientReview | None = None
        self.header = QLabel(self)
        self.header.setObjectName("review_header")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 11pt;")
        self.visits = QTableWidget(0, len(rt.VISIT_COLUMNS), self)
        self.visits.setObjectName("review_visits")
        self.visits.setAccessibleName("review_visits")
        self.visits.setHorizontalHeaderLabels([catalogue(c) for c in rt.VISIT_COLUMNS])
        self.visits.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.visits.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.visits.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.visits.itemSelectionChanged.connect(self._update_sign_button)
        self.visits.verticalHeader().setVisible(False)
        self.visits.verticalHeader().setDefaultSectionSize(22)
        self.visits.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.treatment = QLabel(self)
        self.treatment.setObjectName("review_treatment")
        self.treatment.setWordWrap(True)
        self.treatment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print summary (PDF)…"), self)
        self.print_button.setObjectName("print_summary_button")
        self.sign_button = QPushButton(self.tr("Sign visit\u2026 ({shortcut})").format(
            shortcut=SIGN_SHORTCUT), self)
        self.sign_button.setObjectName("review_sign_button")
        self.sign_button.setToolTip(self.tr("Sign the visit selected in the table as reviewed "
                                    "(your password is asked); a signed visit is locked"))
        self.sign_button.clicked.connect(self.sign_selected)
        self.sign_button.setVisible(sign is not None)
        self.sign_button.setEnabled(False)
        QShortcut(QKeySequence(SIGN_SHORTCUT), self, self.sign_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("review_splitter")
        split.setChildrenCollapsible(False)
        self.visits.setMinimumHeight(110)
        split.addWidget(self.visits)
        scroll = QScrollArea(self)
        scroll.setObjectName("review_treatment_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.treatment)
        scroll.setMinimumHeight(60)
        split.addWidget(scroll)
        for index, stretch in enumerate((2, 0)):
            split.setStretchFactor(index, stretch)
        self.splitter = split
        if chart is not None:
            self._place_chart(chart)
        lay.addWidget(split, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.print_button)
        lay.addLayout(buttons)

    def bind(self, load: Callable[[str], PatientReview | None], chart: EnzymeChart | None,
             sign: Signer | None) -> None:
        """The study's review, chart and signer, for a view built before the study was open."""
        self.load, self.sign = load, sign
        self.sign_button.setVisible(sign is not None)
        if chart is not None:
            self._place_chart(chart)

    def _place_chart(self, chart: EnzymeChart) -> None:
        """The chart above the visits table, taking most of the height."""
        self.chart = chart
        chart.widget().setMinimumHeight(CHART_MIN_HEIGHT)
        self.splitter.insertWidget(0, chart.widget())
        for index, stretch in enumerate((3, 2, 0)):
            self.splitter.setStretchFactor(index, stretch)

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
        selected = self.selected_visit()
        self.review = (self.load(self.patient_id)
                       if self.load is not None and self.patient_id else None)
        rv = self.review
        if rv is None:
            self.header.setText(self.tr("No patient selected."))
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
                if rt.VISIT_COLUMNS[c] == "MDI":
                    item.setToolTip(rt.mdi_tooltip(visit.damage))
                if rt.VISIT_COLUMNS[c] == "PRINTO":
                    item.setToolTip("\n".join(f"{show_numbers_in(c.label)}: {catalogue(c.status)}"
                                               for c in visit.printo.criteria))
                if visit.is_baseline:
                    item.setBackground(Qt.GlobalColor.lightGray)
                if rt.VISIT_COLUMNS[c] == rt.VISIT_COLUMNS[-1] and rt.signature_invalid(visit):
                    item.setForeground(QColor("#c00000"))
                    item.setToolTip(self.tr("The visit, its signer, time or meaning changed "
                                            "after it was signed: the signature does not "
                                            "verify."))
                self.visits.setItem(r, c, item)
        self._reselect(selected)
        flagged = [f"<span style='color:#b00020'>⚠ {message(f.message)}</span>" for f in rv.flags]
        lines = rt.treatment_lines(rv)
        self.treatment.setText(
            "<br>".join(lines[:-1] + (flagged or [lines[-1]]))
            + "<br><b>" + self.tr("Current medication:") + "</b> "
            + "; ".join(rt.medication_lines(rv))
            + "<br><b>" + self.tr("Adverse events:") + "</b> "
            + "; ".join(rt.adverse_event_lines(rv))
            + "<br>" + "<br>".join(html.escape(line) for line in rt.damage_lines(rv)))
        self.recomputed.emit()

    # --- signing ---------------------------------------------------------------------------

    def selected_visit(self) -> VisitReview | None:
        rows = {i.row() for i in self.visits.selectedItems()}
        if self.review is None or len(rows) != 1:
            return None
        row = rows.pop()
        return self.review.visits[row] if row < len(self.review.visits) else None

    def _reselect(self, visit: VisitReview | None) -> None:
        if visit is None or self.review is None:
            self._update_sign_button()
            return
        ids = [v.visit_id for v in self.review.visits]
        if visit.visit_id in ids:
            self.visits.selectRow(ids.index(visit.visit_id))
        self._update_sign_button()

    def _update_sign_button(self) -> None:
        v = self.selected_visit()
        self.sign_button.setEnabled(self.sign is not None and v is not None
                                    and v.visit_id is not None and v.signed_by is None)

    def sign_selected(self) -> None:
        """Open the sign dialog for the visit selected in the table (button and shortcut)."""
        v, rv, sign = self.selected_visit(), self.review, self.sign
        if sign is None or rv is None:
            return
        if v is None or v.visit_id is None:
            self.status_message.emit(self.tr("Select a visit in the table to sign it."))
            return
        if v.signed_by is not None:
            self.status_message.emit(self.tr("The visit of {date} is already signed ({signed}).")
                                     .format(date=show_date(v.visit_date.isoformat()),
                                             signed=rt.signed_text(v)))
            return
        visit_id = v.visit_id
        dialog = SignDialog(rv.study_code, v.visit_date,
                            lambda password: sign(visit_id, password), self)
        dialog.accepted.connect(lambda: self._signed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.sign_dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.password.setFocus()

    def _signed(self, dialog: SignDialog) -> None:
        result = dialog.result_of_signing
        if result is not None:
            self.status_message.emit(message(result.message))
        self.visits.setFocus()

    def cell(self, row: int, column: str) -> str:
        return self.visits.item(row, rt.VISIT_COLUMNS.index(column)).text()
