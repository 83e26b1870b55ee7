"""Builders for the worked clinical cases of issue 17 (plain record values, no database)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from jdmdesk.domain.fields import CHAQ_DOMAINS, MMT8_GROUPS
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.review import PatientReview, review_patient
from jdmdesk.domain.settings import StudySettings

DAY0 = date(2024, 3, 1)


def day(n: int) -> date:
    return DAY0 + timedelta(days=n)


def mmt8_items(total: int) -> dict[str, int]:
    """Eight Kendall grades (0–10) summing to ``total``."""
    base, extra = divmod(total, 8)
    return {f"mmt8_{key}": base + (1 if i < extra else 0)
            for i, (key, _) in enumerate(MMT8_GROUPS)}


def chaq_items(di: float) -> dict[str, int]:
    """Eight CHAQ domain scores whose mean is ``di`` (a multiple of 1/8)."""
    total = round(di * 8)
    base, extra = divmod(total, 8)
    return {f"chaq_{key}": base + (1 if i < extra else 0)
            for i, (key, _) in enumerate(CHAQ_DOMAINS)}


def visit(n: int, *, phga: float, ptga: float, extra: float, mmt8: int, chaq: float,
          **more: Any) -> dict[str, Any]:
    return {"visit_date": day(n).isoformat(), "phga": phga, "ptga": ptga,
            "extramuscular_ga": extra, **mmt8_items(mmt8), **chaq_items(chaq),
            "weight_kg": 30.0, "height_cm": 140.0, **more}


def lab(analyte: str, n: int, value: float, ref_high: float | None, unit: str = "U/L",
        canonical: float | None = None) -> LabResult:
    return LabResult(f"{analyte}-{n}", analyte, day(n), value, unit,
                     value if canonical is None else canonical, 0.0 if ref_high else None,
                     ref_high)


def tacrolimus(start: int, end: int | None = None, dose: float = 1.5) -> dict[str, Any]:
    return {"drug": "tacrolimus", "route": "oral", "dose_amount": dose, "dose_unit": "mg",
            "frequency": "bd", "start_date": day(start).isoformat(),
            "end_date": None if end is None else day(end).isoformat()}


# Worked case: every measure but the enzyme scores 42.5 points (PhGA 6 → 3: 17.5; parent global
# 5 → 4: 2.5; MMT8 60 → 66: 10; CHAQ 1.5 → 1.5: 0; extramuscular 4 → 2: 12.5).
BASE_VISIT = {"phga": 6.0, "ptga": 5.0, "extra": 4.0, "mmt8": 60, "chaq": 1.5}
FOLLOW_VISIT = {"phga": 3.0, "ptga": 4.0, "extra": 2.0, "mmt8": 66, "chaq": 1.5}


def review(visits: list[dict[str, Any]], labs: list[LabResult],
           meds: list[dict[str, Any]] | None = None, *, today: date | None = None,
           birth: date = date(2013, 3, 1), **settings: Any) -> PatientReview:
    patient = {"study_code": "SYN-T", "sex": "F", "birth_date": birth.isoformat(),
               "onset_date": None}
    return review_patient(patient, visits, [tacrolimus(0)] if meds is None else meds, labs, [],
                          StudySettings(**settings), today or day(200))
