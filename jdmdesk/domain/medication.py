"""Dose arithmetic for medication segments (clinical-reference.md §6) and day 0 (§7).

The one home of the steroid rules: prednisolone-equivalent factors, the daily and cumulative
prednisolone-equivalent dose and the taper's percent reduction. Also the one home of day 0, the
start of the first systemic tacrolimus segment: the db layer fetches medication rows and asks
:func:`day0`, it never decides it in SQL.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Final

from jdmdesk.domain.codes import DOSES_PER_DAY
from jdmdesk.domain.timeline import to_date

# Prednisolone-equivalent factors of the systemic corticosteroids (§6, BNF).
STEROID_FACTORS: Final[Mapping[str, float]] = MappingProxyType({
    "prednisolone": 1.0,
    "prednisone": 1.0,
    "methylprednisolone": 1.25,
    "dexamethasone": 6.67,
    "hydrocortisone": 0.25,
})
SYSTEMIC_ROUTES: Final = frozenset({"oral", "iv", "sc", "im"})
DAY0_DRUG: Final = "tacrolimus"


@dataclass(frozen=True)
class Segment:
    """The dose arithmetic view of one medication record."""

    drug: str
    route: str
    dose_amount: float
    dose_unit: str
    frequency: str
    start: date
    end: date | None

    @classmethod
    def from_values(cls, v: Mapping[str, Any]) -> Segment:
        return cls(v["drug"], v["route"], float(v["dose_amount"]), v["dose_unit"],
                   v["frequency"], to_date(v["start_date"]),  # type: ignore[arg-type]
                   to_date(v.get("end_date")))

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def is_pulse(self) -> bool:
        """IV methylprednisolone pulses are reported apart from the daily oral dose (§6)."""
        return self.route == "iv" and self.drug in STEROID_FACTORS


def single_dose_mg(seg: Segment, weight_kg: float | None) -> float | None:
    if seg.dose_unit == "mg":
        return seg.dose_amount
    if seg.dose_unit == "g":
        return seg.dose_amount * 1000
    if seg.dose_unit in ("mg/kg", "g/kg") and weight_kg:
        return seg.dose_amount * weight_kg * (1000 if seg.dose_unit == "g/kg" else 1)
    return None  # mg/m² needs a body surface area; applications have no mass


def daily_dose_mg(seg: Segment, weight_kg: float | None) -> float | None:
    per_day = DOSES_PER_DAY.get(seg.frequency)
    single = single_dose_mg(seg, weight_kg)
    if per_day is None or single is None:
        return None
    return single * per_day


def mg_per_kg_day(seg: Segment, weight_kg: float | None) -> float | None:
    daily = daily_dose_mg(seg, weight_kg)
    if daily is None or not weight_kg:
        return None
    return daily / weight_kg


def prednisolone_equivalent_mg(drug: str, mg: float | None) -> float | None:
    """``mg`` of ``drug`` as prednisolone-equivalent mg (§6); ``None`` for a drug that is not
    in :data:`STEROID_FACTORS` or a missing dose."""
    factor = STEROID_FACTORS.get(drug)
    if factor is None or mg is None:
        return None
    return mg * factor


def is_daily_systemic_steroid(seg: Segment) -> bool:
    """A segment that counts in the daily prednisolone-equivalent dose: a corticosteroid given
    by a systemic route, IV pulses excepted (they are reported apart, §6)."""
    return seg.drug in STEROID_FACTORS and seg.route in SYSTEMIC_ROUTES and not seg.is_pulse


def pred_equivalent_mg_day(seg: Segment, weight_kg: float | None) -> float | None:
    """Prednisolone-equivalent daily dose of a systemic steroid segment, else None."""
    if not is_daily_systemic_steroid(seg):
        return None
    return prednisolone_equivalent_mg(seg.drug, daily_dose_mg(seg, weight_kg))


def percent_reduction(start_dose: float | None, current_dose: float | None) -> float | None:
    """Percent reduction ``100 × (start − current) / start`` (§6 steroid taper).

    Negative when the dose went up. ``None`` when either dose is missing or the starting dose is
    not positive (no reduction from zero exists).
    """
    if start_dose is None or current_dose is None or start_dose <= 0:
        return None
    return 100.0 * (start_dose - current_dose) / start_dose


def weight_on(day: date, weights: Sequence[tuple[date, float]]) -> float | None:
    """Weight of the latest visit on or before ``day`` (§6); weights sorted by date."""
    found: float | None = None
    for d, w in weights:
        if d > day:
            break
        found = w
    return found


def is_systemic_tacrolimus(drug: str, route: str) -> bool:
    """Tacrolimus by any route but the skin: the drug whose first start is day 0 (§7)."""
    return drug == DAY0_DRUG and route != "topical"


def day0(starts: Iterable[tuple[str, str, date]]) -> date | None:
    """Day 0 (§7): the earliest start of a systemic tacrolimus segment, from the
    ``(drug, route, start)`` of a patient's live medication segments; ``None`` without one."""
    found = [start for drug, route, start in starts if is_systemic_tacrolimus(drug, route)]
    return min(found) if found else None


def tacrolimus_start(segments: Iterable[Segment]) -> date | None:
    """Day 0 of these segments (see :func:`day0`)."""
    return day0((s.drug, s.route, s.start) for s in segments)


def pred_eq_on(day: date, segments: Sequence[Segment],
               weights: Sequence[tuple[date, float]]) -> float | None:
    """Total prednisolone-equivalent mg on ``day`` over the active systemic steroid segments;
    None when one of them has a dose that cannot be computed (never counted as 0)."""
    weight = weight_on(day, weights)
    total = 0.0
    for seg in segments:
        if seg.active_on(day) and is_daily_systemic_steroid(seg):
            dose = pred_equivalent_mg_day(seg, weight)
            if dose is None:
                return None
            total += dose
    return total


def cumulative_pred_eq_mg(segments: Sequence[Segment], weights: Sequence[tuple[date, float]],
                          start: date, end: date) -> float | None:
    """Sum of the daily prednisolone-equivalent doses over [start, end], inclusive; None when
    any day's dose is unknown.

    The daily dose only changes where a segment starts or ends or a new weight applies, so the
    sum is taken over those runs of days rather than day by day.
    """
    if end < start:
        return 0.0
    cuts = {start, end + timedelta(days=1)}
    for seg in segments:
        cuts.add(seg.start)
        if seg.end is not None:
            cuts.add(seg.end + timedelta(days=1))
    cuts.update(d for d, _ in weights)
    edges = sorted(c for c in cuts if start <= c <= end + timedelta(days=1))
    total = 0.0
    for run_start, run_end in itertools.pairwise(edges):
        dose = pred_eq_on(run_start, segments, weights)
        if dose is None:
            return None
        total += dose * (run_end - run_start).days
    return total
