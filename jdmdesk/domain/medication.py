"""Dose arithmetic for medication segments (clinical-reference.md §6) and day 0 (§7).

The one home of the steroid rules: prednisolone-equivalent factors, the daily and cumulative
prednisolone-equivalent dose, the taper's percent reduction and the IV methylprednisolone pulse
rule (:func:`is_pulse_dose`; pulses are reported apart by :func:`pulse_courses`, every other IV
steroid dose counts in the daily dose). Also the one home of day 0, the
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
        """A pulse by its dose alone, without a weight (see :func:`is_pulse_dose`): a dose in
        mg below 250 mg can still be ≥ 10 mg/kg, which only a weight decides."""
        return is_pulse_dose(self, None)


# IV methylprednisolone pulses (§6): ≥ 10 mg/kg or ≥ 250 mg per dose, given as 1–5 daily doses.
PULSE_DRUG: Final = "methylprednisolone"
PULSE_MIN_MG: Final = 250.0
PULSE_MIN_MG_KG: Final = 10.0
PULSE_MAX_DOSES: Final = 5
PULSE_FREQUENCIES: Final = frozenset({"once", "od"})


def dose_count(seg: Segment) -> int | None:
    """Number of administrations of a single-dose or once-daily segment with an end date
    ("once": 1); ``None`` for other frequencies or an open once-daily segment."""
    if seg.frequency == "once":
        return 1
    if seg.frequency == "od" and seg.end is not None and seg.end >= seg.start:
        return (seg.end - seg.start).days + 1
    return None


def is_pulse_dose(seg: Segment, weight_kg: float | None) -> bool:
    """An IV methylprednisolone pulse (§6): IV methylprednisolone of ≥ 250 mg or ≥ 10 mg/kg per
    dose (mg/kg from the dose unit, or from ``weight_kg`` for a dose in mg), given as 1–5 daily
    doses (a single dose, or once daily for at most 5 days). Pulses are reported apart; every
    other IV steroid dose counts in the daily prednisolone equivalent."""
    if seg.drug != PULSE_DRUG or seg.route != "iv" or seg.frequency not in PULSE_FREQUENCIES:
        return False
    count = dose_count(seg)
    if count is None or not 1 <= count <= PULSE_MAX_DOSES:
        return False
    if seg.dose_unit in ("mg/kg", "g/kg"):
        per_kg = seg.dose_amount * (1000 if seg.dose_unit == "g/kg" else 1)
        return per_kg >= PULSE_MIN_MG_KG
    single = single_dose_mg(seg, weight_kg)
    if single is None:
        return False
    if single >= PULSE_MIN_MG:
        return True
    return weight_kg is not None and weight_kg > 0 and single / weight_kg >= PULSE_MIN_MG_KG


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


def is_daily_systemic_steroid(seg: Segment, weight_kg: float | None = None) -> bool:
    """A segment that counts in the daily prednisolone-equivalent dose: a corticosteroid given
    by a systemic route, IV methylprednisolone pulses excepted (reported apart, §6; see
    :func:`is_pulse_dose`, which uses ``weight_kg`` for the 10 mg/kg rule)."""
    return seg.drug in STEROID_FACTORS and seg.route in SYSTEMIC_ROUTES \
        and not is_pulse_dose(seg, weight_kg)


def pred_equivalent_mg_day(seg: Segment, weight_kg: float | None) -> float | None:
    """Prednisolone-equivalent daily dose of a systemic steroid segment, else None (also for a
    pulse, and for a single dose, which has no daily rate: see :func:`pred_eq_mg_on`)."""
    if not is_daily_systemic_steroid(seg, weight_kg):
        return None
    return prednisolone_equivalent_mg(seg.drug, daily_dose_mg(seg, weight_kg))


def given_on(seg: Segment, day: date) -> bool:
    """Whether the segment is in effect on ``day``: a single dose only on its start day."""
    if seg.frequency == "once":
        return day == seg.start
    return seg.active_on(day)


def pred_eq_mg_on(seg: Segment, day: date, weight_kg: float | None) -> float | None:
    """The prednisolone-equivalent mg that a daily systemic steroid segment adds on ``day``:
    0 when it is not given that day or is not such a segment (a pulse, another drug), its daily
    dose, or a single dose on its day; ``None`` when the dose cannot be computed."""
    if not given_on(seg, day) or not is_daily_systemic_steroid(seg, weight_kg):
        return 0.0
    if seg.frequency == "once":
        return prednisolone_equivalent_mg(seg.drug, single_dose_mg(seg, weight_kg))
    return pred_equivalent_mg_day(seg, weight_kg)


def pred_eq_mg_kg_day(seg: Segment, weight_kg: float | None) -> float | None:
    """Prednisolone-equivalent mg/kg/day of a daily systemic steroid segment (export, §6);
    None without a weight or a daily rate, for a pulse and for other drugs."""
    mg = pred_equivalent_mg_day(seg, weight_kg)
    if mg is None or not weight_kg:
        return None
    return mg / weight_kg


@dataclass(frozen=True)
class PulseCourse:
    """One IV methylprednisolone pulse course (one segment): reported apart from the daily
    dose (§6). ``total_mg`` is ``None`` when a dose cannot be converted to mg."""

    start: date
    end: date
    doses: int
    dose_mg: float | None
    total_mg: float | None


def pulse_courses(segments: Iterable[Segment],
                  weights: Sequence[tuple[date, float]]) -> tuple[PulseCourse, ...]:
    """The pulse courses among ``segments``, in date order (weight: latest on or before the
    course's start)."""
    out = []
    for seg in segments:
        weight = weight_on(seg.start, weights)
        count = dose_count(seg)
        if not is_pulse_dose(seg, weight) or count is None:
            continue
        single = single_dose_mg(seg, weight)
        out.append(PulseCourse(seg.start, seg.start + timedelta(days=count - 1), count, single,
                               None if single is None else single * count))
    return tuple(sorted(out, key=lambda p: p.start))


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


@dataclass(frozen=True)
class TacrolimusCourse:
    """Time on systemic tacrolimus up to a day: ``days_on`` counts the days on drug (dose > 0)
    from day 0 up to, not including, that day; ``stops`` are the first days off drug (the end of
    a segment without a next one, or a 0 mg segment) and ``restarts`` the days it began again."""

    start: date
    days_on: int
    stops: tuple[date, ...]
    restarts: tuple[date, ...]

    @property
    def on_drug(self) -> bool:
        return len(self.stops) == len(self.restarts)


def tacrolimus_course(segments: Iterable[Segment], today: date) -> TacrolimusCourse | None:
    """The course of systemic tacrolimus up to ``today`` (§7); ``None`` without any.

    On each day the segment that started last among those active decides: a later segment
    replaces an earlier open one from its start, so a stop entered as a 0 mg segment is a stop.
    """
    tac = sorted((s for s in segments if is_systemic_tacrolimus(s.drug, s.route)),
                 key=lambda s: s.start)
    if not tac:
        return None
    cuts = {s.start for s in tac} | {s.end + timedelta(days=1) for s in tac if s.end is not None}
    edges = sorted(c for c in cuts | {today} if c <= today)
    days_on: int = 0
    stops: list[date] = []
    restarts: list[date] = []
    was_on = False

    def on_drug(day: date) -> bool:
        active = [s for s in tac if s.active_on(day)]
        return bool(active) and active[-1].dose_amount > 0

    for run_start, run_end in itertools.pairwise([*edges, today + timedelta(days=1)]):
        on = on_drug(run_start)
        if on:
            days_on += (min(run_end, today) - run_start).days
            if not was_on and stops:
                restarts.append(run_start)
        elif was_on:
            stops.append(run_start)
        was_on = on
    return TacrolimusCourse(tac[0].start, days_on, tuple(stops), tuple(restarts))


def pred_eq_on(day: date, segments: Sequence[Segment],
               weights: Sequence[tuple[date, float]]) -> float | None:
    """Total prednisolone-equivalent mg on ``day`` over the active systemic steroid segments;
    None when one of them has a dose that cannot be computed (never counted as 0)."""
    weight = weight_on(day, weights)
    total = 0.0
    for seg in segments:
        dose = pred_eq_mg_on(seg, day, weight)
        if dose is None:
            return None
        total += dose
    return total


def tacrolimus_mg_on(day: date, segments: Sequence[Segment],
                     weights: Sequence[tuple[date, float]]) -> float | None:
    """Total daily mg of systemic tacrolimus given on ``day`` (0 when none is); None when a
    segment's dose cannot be computed (mg/m², an unknown frequency), never counted as 0."""
    weight = weight_on(day, weights)
    total = 0.0
    for seg in segments:
        if not is_systemic_tacrolimus(seg.drug, seg.route) or not given_on(seg, day):
            continue
        dose = single_dose_mg(seg, weight) if seg.frequency == "once" else \
            daily_dose_mg(seg, weight)
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
        if seg.frequency == "once":
            cuts.add(seg.start + timedelta(days=1))
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
