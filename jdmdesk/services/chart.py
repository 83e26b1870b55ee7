"""Read side of the enzyme chart: one patient's labs, medication and weights as ChartData.

No widgets: the chart panel calls ``load`` after each relevant commit and redraws from it.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject

from jdmdesk.db import chart_queries, queries
from jdmdesk.db.connection import Study
from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import TROUGH_CODE, ChartData, append_labs, build_chart
from jdmdesk.domain.medication import Segment

# Record kinds whose changes move the chart.
CHART_KINDS = frozenset({"lab", "medication", "visit"})


class ChartSource(Protocol):
    """What the chart panel draws from: one patient's chart data (``ChartService``, or a fake
    in tests)."""

    def load(self, patient_id: str | None) -> ChartData: ...

    def append(self, data: ChartData, ids: list[str]) -> ChartData | None: ...


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

    def append(self, data: ChartData, ids: list[str]) -> ChartData | None:
        """``data`` (this service's last ``load``) with the lab results ``ids`` just saved
        added, when they are new and each lands after its series' last point; None when the
        chart must be loaded again (an edit, a deletion, an earlier date, another patient)."""
        pid = data.patient_id
        if pid is None or self._inputs is None or self._inputs[0] != pid:
            return None
        drawn = {p.record_id for s in data.series.values() for p in s.points}
        drawn.update(p.record_id for p in data.troughs.points)
        if drawn.intersection(ids):
            return None  # an edit: the point may move anywhere
        saved = chart_queries.saved_labs(self.study.db, pid, ids)
        if saved is None:
            return None
        _, segments, weights = self._inputs
        return append_labs(data, saved, segments, weights)
