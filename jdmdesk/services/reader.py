"""Read side for the views: records, patients, history, form helpers. No writes, no Qt."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from jdmdesk.db import audit, queries
from jdmdesk.db import records as repo
from jdmdesk.db.audit import AuditRow
from jdmdesk.db.connection import Study
from jdmdesk.db.records import Record
from jdmdesk.domain import medication as med
from jdmdesk.domain import parse
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.fields import record_type
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.timeline import to_date
from jdmdesk.domain.validation import Context, validate
from jdmdesk.services.guard import refusal


class StudyReader:
    def __init__(self, study: Study, session: Session, clock: Clock = SYSTEM_CLOCK) -> None:
        self.study, self.session, self.clock = study, session, clock
        # what the views may offer this user: decided once per session (services re-check)
        self.allowed = frozenset(a for a in Action if refusal(study, session, a) is None)

    @property
    def read_only(self) -> bool:
        return self.study.read_only

    def can(self, action: Action) -> bool:
        return action in self.allowed

    @property
    def can_edit(self) -> bool:
        return Action.EDIT_RECORDS in self.allowed

    def settings(self) -> StudySettings:
        return queries.read_settings(self.study.db)

    def patient_index(self, search: str = "") -> list[tuple[str, str]]:
        """(id, study code) pairs for the patient list."""
        return queries.patient_index(self.study.db, search)

    def record(self, kind: str, record_id: str) -> Record | None:
        return repo.get(self.study.db, kind, record_id)

    def records(self, kind: str, patient_id: str, *,
                include_deleted: bool = False) -> list[Record]:
        return repo.list_for_patient(self.study.db, kind, patient_id,
                                     include_deleted=include_deleted)

    def history(self, kind: str, record_id: str) -> list[AuditRow]:
        return list(audit.history(self.study.db, record_type(kind).table, record_id))

    def reference_range(self, patient_id: str | None, analyte: str,
                        unit: str) -> tuple[float | None, float | None]:
        """This patient's last range for the analyte in that unit, else the study default."""
        if patient_id:
            last = queries.last_reference_range(self.study.db, patient_id, analyte, unit)
            if last is not None:
                return last
        low, high = self.settings().reference_range(analyte)
        a = ANALYTES[analyte]

        def conv(x: float | None) -> float | None:
            return None if x is None else round(a.from_canonical(x, unit), 4)

        return conv(low), conv(high)

    def dose_summary(self, patient_id: str | None, draft: Mapping[str, str | None]) -> str:
        """'0.10 mg/kg/day · prednisolone equivalent 30 mg/day' for the draft segment."""
        v = validate("medication", draft, Context(today=self.clock.today())).values
        if not all(v.get(k) is not None for k in ("drug", "route", "dose_amount", "dose_unit",
                                                  "frequency", "start_date")):
            return ""
        seg = med.Segment.from_values(v)
        weight = self._weight_on(patient_id, seg.start) if patient_id else None
        parts = []
        daily = med.daily_dose_mg(seg, weight)
        if daily is not None:
            parts.append(f"{parse.format_number(round(daily, 3))} mg/day")
        per_kg = med.mg_per_kg_day(seg, weight)
        if per_kg is not None:
            parts.append(f"{per_kg:.3f} mg/kg/day (weight {parse.format_number(weight)} kg)")
        elif weight is None:
            parts.append("no weight on or before the start date: mg/kg/day unknown")
        pred = med.pred_equivalent_mg_day(seg, weight)
        if pred is not None:
            parts.append(f"prednisolone equivalent {parse.format_number(round(pred, 2))} mg/day")
        if seg.is_pulse:
            parts.append("IV steroid pulse: reported apart from the daily dose")
        return " · ".join(parts)

    def _weight_on(self, patient_id: str, day: date) -> float | None:
        weights = sorted((visit_day, float(r["weight_kg"]))
                         for r in self.records("visit", patient_id)
                         if r["weight_kg"] is not None
                         and (visit_day := to_date(r["visit_date"])) is not None)
        return med.weight_on(day, weights)

    def values_as_text(self, rec: Record) -> dict[str, Any]:
        """Form text for a stored record: numbers plainly, missing reasons as their shorthand."""
        out: dict[str, Any] = {}
        for spec in record_type(rec.kind).fields:
            value = rec.values.get(spec.name)
            if spec.name in rec.missing:
                out[spec.name] = MISSING_TEXT.get(rec.missing[spec.name], "ND")
            elif value is None:
                out[spec.name] = ""
            elif spec.numeric:
                out[spec.name] = parse.format_number(value)
            else:
                out[spec.name] = str(value)
        return out


MISSING_TEXT = {"not_done": "ND", "not_applicable": "NA", "unknown": "UNK", "refused": "REF",
                "lost": "LOST"}
