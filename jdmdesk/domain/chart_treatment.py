"""The treatment drawn on the enzyme chart (clinical-reference.md §6-7): the prednisolone-
equivalent step line in mg/kg/day, the tacrolimus dose changes and the IV methylprednisolone
pulse marks, from plain medication segments and weights (pure, no Qt).

Prednisolone equivalent from the drug's start, with the weight of the latest visit on or before
each day; days before the first recorded weight use the nearest weight (the first one), and
``StepSeries.nearest_weight`` says so for the legend. Without any weight the line has no value
(a gap).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from jdmdesk.domain.chart_time import TimeBase
from jdmdesk.domain.medication import (
    PulseCourse,
    Segment,
    daily_dose_mg,
    is_daily_systemic_steroid,
    is_systemic_tacrolimus,
    pred_eq_on,
    weight_on,
)
from jdmdesk.domain.texts import Message

NAN = math.nan


@dataclass(frozen=True)
class StepSeries:
    """A step line as drawable vertices (NaN breaks a gap) and the runs it was built from."""

    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    runs: tuple[tuple[date, date, float | None], ...] = ()  # start, end (exclusive), value
    # (date, kg) of the first weight when it was used for days before it was measured
    nearest_weight: tuple[date, float] | None = None

    @property
    def max_value(self) -> float:
        vals = [v for *_, v in self.runs if v is not None]
        return max(vals) if vals else 0.0

    def value_on(self, d: date) -> float | None:
        for start, end, v in self.runs:
            if start <= d < end:
                return v
        return None


@dataclass(frozen=True)
class DoseChange:
    """A tacrolimus dose change after the first start: new daily dose, or a stop."""

    x: float
    on: date
    kind: str  # "increase", "decrease", "change", "restart", "stop"
    daily_mg: float | None

    @property
    def label(self) -> str:
        if self.kind == "stop":
            return Message("tac stop")
        arrow = {"increase": "\u2191", "decrease": "\u2193"}.get(self.kind, "")
        dose = "?" if self.daily_mg is None else f"{self.daily_mg:g}"
        return Message("tac {arrow}{dose} mg/d", arrow=arrow, dose=dose)


@dataclass(frozen=True)
class PulseMark:
    """An IV methylprednisolone pulse course as the chart marks it: from its first day to the day
    after its last dose, apart from the daily prednisolone-equivalent line."""

    x_start: float
    x_end: float
    course: PulseCourse

    @property
    def label(self) -> str:
        dose = "?" if self.course.dose_mg is None else f"{self.course.dose_mg:g}"
        return f"IV MP {self.course.doses}\u00d7{dose} mg"


def pulse_marks(pulses: Sequence[PulseCourse], time: TimeBase) -> tuple[PulseMark, ...]:
    return tuple(PulseMark(time.x(p.start), time.x(p.end + timedelta(days=1)), p)
                 for p in pulses)


def prednisolone_steps(segments: Sequence[Segment], weights: Sequence[tuple[date, float]],
                       until: date, time: TimeBase) -> StepSeries:
    """Prednisolone-equivalent mg/kg/day as a step line from the first steroid day to ``until``.

    Open segments run to ``until`` (inclusive). Between segments the dose is 0. Days before the
    first weight use that nearest weight (reported in ``nearest_weight``); where a dose is unknown
    (a dose per m², no weight at all) there is a gap.
    """
    steroid = [s for s in segments if is_daily_systemic_steroid(s, weight_on(s.start, weights))]
    if not steroid:
        return StepSeries()
    first = min(s.start for s in steroid)
    stop = max(until, *(s.end or s.start for s in steroid)) + timedelta(days=1)
    weights = sorted(weights)
    cuts = {first, stop}
    for s in steroid:
        cuts.add(s.start)
        if s.frequency == "once":  # a single dose is given on its start day only
            cuts.add(s.start + timedelta(days=1))
        if s.end is not None:
            cuts.add(s.end + timedelta(days=1))
    cuts |= {d for d, _ in weights if first < d < stop}
    bounds = sorted(c for c in cuts if first <= c <= stop)
    runs: list[tuple[date, date, float | None]] = []
    nearest = weights[0] if weights and first < weights[0][0] else None
    for a, b in pairwise(bounds):
        value = _mg_kg_day(steroid, weights, a)
        if value is None and nearest is not None and a < nearest[0]:
            value = _mg_kg_day(steroid, [(a, nearest[1])], a)
        if runs and _same(runs[-1][2], value):
            runs[-1] = (runs[-1][0], b, runs[-1][2])
        else:
            runs.append((a, b, value))
    xs: list[float] = []
    ys: list[float] = []
    for a, b, v in runs:
        if v is None:
            if xs and not math.isnan(ys[-1]):
                xs.append(time.x(a))
                ys.append(NAN)
            continue
        xs += [time.x(a), time.x(b)]
        ys += [v, v]
    used = nearest if nearest is not None and any(
        v is not None and a < nearest[0] for a, _, v in runs) else None
    return StepSeries(tuple(xs), tuple(ys), tuple(runs), used)


def _mg_kg_day(segments: Sequence[Segment], weights: Sequence[tuple[date, float]],
               day: date) -> float | None:
    weight = weight_on(day, weights)
    total = pred_eq_on(day, segments, weights)
    return None if total is None or not weight else total / weight


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def tacrolimus_changes(segments: Sequence[Segment], weights: Sequence[tuple[date, float]],
                       time: TimeBase) -> tuple[DoseChange, ...]:
    """Dose changes, restarts and stops of systemic tacrolimus after its first start."""
    tac = sorted((s for s in segments if is_systemic_tacrolimus(s.drug, s.route)),
                 key=lambda s: s.start)
    out: list[DoseChange] = []
    prev: Segment | None = None
    prev_mg: float | None = None
    for s in tac:
        mg = daily_dose_mg(s, weight_on(s.start, weights))
        if prev is not None:
            after_stop = None if prev.end is None else prev.end + timedelta(days=1)
            if mg == 0:  # a stop entered as a 0 mg segment is a stop (§7)
                if prev_mg != 0:
                    out.append(DoseChange(time.x(s.start), s.start, "stop", None))
            elif prev_mg == 0:
                out.append(DoseChange(time.x(s.start), s.start, "restart", mg))
            elif after_stop is not None and s.start > after_stop:
                out.append(DoseChange(time.x(after_stop), after_stop, "stop", None))
                out.append(DoseChange(time.x(s.start), s.start, "restart", mg))
            elif not _same(mg, prev_mg):
                kind = "change" if mg is None or prev_mg is None else \
                    "increase" if mg > prev_mg else "decrease"
                out.append(DoseChange(time.x(s.start), s.start, kind, mg))
        prev, prev_mg = s, mg
    if prev is not None and prev.end is not None and prev_mg != 0:
        last_stop = prev.end + timedelta(days=1)
        out.append(DoseChange(time.x(last_stop), last_stop, "stop", None))
    return tuple(out)
