"""Read side of the enzyme chart: one patient's labs, medication and weights as ChartData.

No widgets: the chart panel calls ``load`` after each relevant commit and redraws from it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from jdmdesk.db import chart_queries, queries
from jdmdesk.db.connection import Study
from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import TROUGH_CODE, ChartData, build_chart

# Record kinds whose changes move the chart.
CHART_KINDS = frozenset({"lab", "medication", "visit"})


class ChartSource(Protocol):
    """What the chart panel draws from: one patient's chart data (``ChartService``, or a fake
    in tests)."""

    def load(self, patient_id: str | None) -> ChartData: ...


class ChartService(QObject):
    """Builds the chart's plain data for a patient from the study database."""

    def __init__(self, study: Study, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study = study

    def load(self, patient_id: str | None) -> ChartData:
        if not patient_id:
            return ChartData(patient_id=None)
        db = self.study.db
        settings = queries.read_settings(db)
        labs = chart_queries.chart_labs(db, patient_id, (*ENZYME_CODES, TROUGH_CODE))
        return build_chart(
            patient_id, labs, chart_queries.chart_segments(db, patient_id),
            chart_queries.chart_weights(db, patient_id),
            target_band=(settings.tacrolimus_target_low, settings.tacrolimus_target_high),
            title=chart_queries.study_code(db, patient_id) or "",
        )
