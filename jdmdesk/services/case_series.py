"""Read side of the case series report: every patient's review and chart, assembled by
:func:`jdmdesk.domain.case_series.assemble`.

The reviews come from :class:`~jdmdesk.services.review.ReviewService` and the charts from
:class:`~jdmdesk.services.chart.ChartService`, the objects behind the window's review tab and
chart, so the report and the screen read the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jdmdesk.db import chart_queries, queries
from jdmdesk.db import records as repo
from jdmdesk.db.connection import Study
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.case_series import CaseSeries, PatientInput, assemble
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.texts import Message
from jdmdesk.services.chart import ChartService
from jdmdesk.services.guard import refusal
from jdmdesk.services.review import ReviewService


class CaseSeriesError(Exception):
    """Why the report cannot be made: one line for the user."""


def parse_codes(text: str | None) -> tuple[str, ...] | None:
    """``"SYN-001, SYN-003"`` as study codes (duplicates dropped); None (every patient) when
    no text is given, ``()`` when the text names no code."""
    if text is None:
        return None
    return tuple(dict.fromkeys(c.strip() for c in text.split(",") if c.strip()))


class CaseSeriesService:
    def __init__(self, study: Study, clock: Clock = SYSTEM_CLOCK) -> None:
        self.study = study
        self.clock = clock

    def patient_codes(self) -> list[str]:
        return [p.study_code for p in queries.list_patients(self.study.db)]

    def load(self, study_codes: Sequence[str] | None = None) -> CaseSeries:
        """The report's data for the given study codes (all patients when None), in study-code
        order. CaseSeriesError for an unknown code or a study without patients."""
        db = self.study.db
        reviews, charts = ReviewService(self.study, self.clock), ChartService(self.study)
        if study_codes is None:
            chosen = sorted(self.patient_codes())
            if not chosen:
                raise CaseSeriesError(Message("the study has no patients: there is no case "
                                              "series to report"))
        else:
            chosen = list(study_codes)
            if not chosen:
                raise CaseSeriesError(Message("no study codes given"))
        ids: list[str] = []
        unknown = []
        for code in chosen:
            pid = reviews.patient_id(code)
            if pid is None:
                unknown.append(code)
            else:
                ids.append(pid)
        if unknown:
            raise CaseSeriesError(Message("no patient with study code {codes}",
                                          codes=", ".join(map(repr, unknown))))
        patients = []
        for pid in ids:
            review = reviews.review(pid)
            patient = repo.get(db, "patient", pid)
            if review is None or patient is None:  # deleted between the two reads
                continue

            def values(kind: str, pid: str = pid) -> list[dict[str, object]]:
                return [{**r.values, **r.extra, "id": r.id}
                        for r in repo.list_for_patient(db, kind, pid)]

            patients.append(PatientInput(patient.values, values("visit"), values("medication"),
                                         chart_queries.patient_labs(db, pid), review,
                                         charts.load(pid)))
        patients.sort(key=lambda p: p.review.study_code)
        return assemble(patients, queries.read_settings(db))


def load_case_series(study_path: Path, session: Session,
                     study_codes: Sequence[str] | None = None,
                     clock: Clock = SYSTEM_CLOCK) -> CaseSeries:
    """Open the study read-only (its own connection: safe in a worker thread), check that
    ``session``'s user may read it, and load the report's data."""
    study = open_study(Path(study_path), read_only=True)
    try:
        refused = refusal(study, session, Action.READ)
        if refused is not None:
            raise CaseSeriesError(refused.message)
        return CaseSeriesService(study, clock).load(study_codes)
    finally:
        study.close()
