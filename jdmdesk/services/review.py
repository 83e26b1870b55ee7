"""The physician's read-only views: one patient's review and the study overview."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from jdmdesk.db import chart_queries, queries, signoff
from jdmdesk.db import records as repo
from jdmdesk.db.connection import Study
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.review import PatientReview, overdue, review_patient
from jdmdesk.domain.timeline import to_date


@dataclass(frozen=True)
class OverviewRow:
    patient_id: str
    study_code: str
    latest_tis: str  # category, or "not computable", or "—"
    inactive: str  # inactive / active / not evaluable / —
    steroid_mg_kg_day: float | None
    last_visit: date | None
    overdue: bool


class ReviewService:
    def __init__(self, study: Study, clock: Clock = SYSTEM_CLOCK) -> None:
        self.study = study
        self.clock = clock

    def patient_id(self, study_code: str) -> str | None:
        return queries.patient_id_by_code(self.study.db, study_code)

    def review(self, patient_id: str) -> PatientReview | None:
        db = self.study.db
        patient = repo.get(db, "patient", patient_id)
        if patient is None:
            return None

        def values(kind: str) -> list[dict[str, object]]:
            return [{**r.values, **r.extra, "id": r.id}
                    for r in repo.list_for_patient(db, kind, patient_id)]

        review = review_patient(patient.values, values("visit"), values("medication"),
                                chart_queries.patient_labs(db, patient_id),
                                values("adverse_event"), queries.read_settings(db),
                                self.clock.today())
        signed = signoff.signatures_for_patient(db, patient_id)
        review.visits = [v if (sig := signed.get(v.visit_id or "")) is None
                         else replace(v, signed_by=sig.signer_name or sig.signed_by,
                                      signed_at=sig.signed_at,
                                      signature_state=None if sig.state is None
                                      else sig.state.value)
                         for v in review.visits]
        return review

    def overview(self) -> list[OverviewRow]:
        settings = queries.read_settings(self.study.db)
        rows = []
        for p in queries.list_patients(self.study.db):
            r = self.review(p.id)
            if r is None:
                continue
            tis = next((v.tis for v in reversed(r.visits) if v.tis is not None), None)
            latest = r.latest
            rows.append(OverviewRow(
                p.id, p.study_code,
                "—" if tis is None else (tis.category or "not computable")
                + ("" if r.baseline_rule_code == "last_on_or_before_tacrolimus"
                   else " (baseline: first visit)"),
                "—" if latest is None else latest.printo.status.replace("_", " "),
                r.steroids.current_mg_kg_day if r.steroids else None,
                None if latest is None else to_date(latest.visit_date),
                overdue(None if latest is None else latest.visit_date,
                        settings.visit_interval_days, self.clock.today())))
        return rows
