"""Read side of the enzyme chart: one patient's labs, medication and weights as ChartData.

No widgets: the chart panel calls ``update`` after each relevant commit (only the records
saved are read again) and ``load`` when that cannot say what changed.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject

from jdmdesk.db import chart_queries, queries
from jdmdesk.db.connection import Study
from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import TROUGH_CODE, ChartData, build_chart
from jdmdesk.domain.chart_update import update_labs, update_treatment
from jdmdesk.domain.medication import Segment

# Record kinds whose changes move the chart.
CHART_KINDS = frozenset({"lab", "medication", "visit"})


class ChartSource(Protocol):
    """What the chart panel draws from: one patient's chart data (``ChartService``, or a fake
    in tests)."""

    def load(self, patient_id: str | None) -> ChartData: ...

    def update(self, data: ChartData, kind: str, ids: list[str]) -> ChartData | None: ...


class ChartService(QObject):
    """Builds the chart's plain data for a patient from the study database."""

    def __init__(self, study: Study, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study = study
        # what the last load read beside the labs: (patient, segments, weights)
        self._inputs: tuple[str, list[Segment], list[tuple[date, float]]] | None = None

    def load(self, patient_id: str | None) -> ChartData:
        if not patient_id:
            return ChartData(patient_id=None)
        db = self.study.db
        settings = queries.read_settings(db)
        labs = chart_queries.chart_labs(db, patient_id, (*ENZYME_CODES, TROUGH_CODE))
        segments = chart_queries.chart_segments(db, patient_id)
        weights = chart_queries.chart_weights(db, patient_id)
        self._inputs = (patient_id, segments, weights)
        return build_chart(
            patient_id, labs, segments, weights,
            target_band=(settings.tacrolimus_target_low, settings.tacrolimus_target_high),
            title=chart_queries.study_code(db, patient_id) or "",
        )

    def update(self, data: ChartData, kind: str, ids: list[str]) -> ChartData | None:
        """``data`` (this service's last ``load``) after the records ``ids`` of ``kind`` were
        saved or deleted, reading only what changed: those lab results, or the medication or
        the weights; None when the chart must be loaded again (day 0 moved, another
        patient, an edit whose place among results of the same time is unknown)."""
        pid = data.patient_id
        if pid is None or self._inputs is None or self._inputs[0] != pid:
            return None
        _, segments, weights = self._inputs
        db = self.study.db
        if kind == "lab":
            found = chart_queries.saved_labs(db, pid, ids)
            if found is None:
                return None
            saved, first = found
            return update_labs(data, ids, saved, segments, weights, new=first)
        if kind == "medication":
            segments = chart_queries.chart_segments(db, pid)
        elif kind == "visit":
            weights = chart_queries.chart_weights(db, pid)
            if weights == self._inputs[2]:
                return data  # a visit without a new weight or date: nothing drawn moved
        else:
            return None
        updated = update_treatment(data, segments, weights)
        if updated is not None:
            self._inputs = (pid, segments, weights)
        return updated
