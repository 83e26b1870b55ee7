"""Series for the enzyme chart, from plain lab, medication and visit values (pure, no Qt).

Time axis (clinical-reference.md §7): x is the study day, days since the start of the first
systemic tacrolimus segment (day 0, negative before). A patient without tacrolimus has no study
days: x is then the calendar date as UTC epoch seconds (what pyqtgraph's ``DateAxisItem`` reads
with ``utcOffset=0``) and ``ChartData.note`` says why.

Values (§5): y is the value in the analyte's canonical unit, or the multiple of the upper limit
of normal (ULN), where the ULN is that result's own ``ref_high`` converted to the canonical unit.
A result without a ULN has no ULN multiple (NaN) and is left out of that view.

Steroids (§6): prednisolone-equivalent mg/kg/day from the drug's start, with the weight of the
latest visit on or before each day; days before the first recorded weight use the nearest weight
(the first one), and ``StepSeries.nearest_weight`` says so for the legend. Without any weight the
line has no value (a gap).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

from jdmdesk.domain.analytes import ANALYTES, ENZYME_CODES
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import (
    PulseCourse,
    Segment,
    daily_dose_mg,
    is_daily_systemic_steroid,
    is_systemic_tacrolimus,
    pred_eq_mg_on,
    pulse_courses,
    tacrolimus_start,
    weight_on,
)
from jdmdesk.domain.texts import Message

NAN = math.nan
DAYS_PER_MONTH = 365.25 / 12
TROUGH_CODE = "TACROLIMUS"
NO_TACROLIMUS_NOTE = Message("No tacrolimus recorded for this patient: there are no study "
                             "days, so the time axis shows calendar dates.")


@dataclass(frozen=True)
class TimeBase:
    """Maps dates to chart x: study days when there is a tacrolimus start, else epoch seconds."""

    day0: date | None

    @property
    def calendar(self) -> bool:
        return self.day0 is None

    def x(self, d: date) -> float:
        if self.day0 is None:
            return float(calendar.timegm(d.timetuple()))
        return float((d - self.day0).days)

    def day(self, d: date) -> int | None:
        return None if self.day0 is None else (d - self.day0).days


@dataclass(frozen=True)
class AnalyteSeries:
    """One enzyme's points in date order; ``x``/``y``/``y_uln`` are parallel tuples."""

    code: str
    name: str
    unit: str
    points: tuple[LabResult, ...] = ()
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    y_uln: tuple[float, ...] = ()
    uln: tuple[float | None, ...] = ()
    above: tuple[bool, ...] = ()
    days: tuple[int | None, ...] = ()
    uln_x: tuple[float, ...] = ()  # ULN step line (canonical unit), NaN breaks where unknown
    uln_y: tuple[float, ...] = ()

    @property
    def present(self) -> bool:
        return bool(self.points)

    def values(self, uln_mode: bool) -> tuple[float, ...]:
        return self.y_uln if uln_mode else self.y

    def above_xy(self, uln_mode: bool) -> tuple[list[float], list[float]]:
        ys = self.values(uln_mode)
        keep = [i for i, a in enumerate(self.above) if a]
        return [self.x[i] for i in keep], [ys[i] for i in keep]


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


@dataclass(frozen=True)
class TroughSeries:
    points: tuple[LabResult, ...] = ()
    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    days: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """Everything the chart draws for one patient."""

    patient_id: str | None
    title: str = ""
    day0: date | None = None
    series: dict[str, AnalyteSeries] = field(default_factory=dict)
    prednisolone: StepSeries = field(default_factory=StepSeries)
    dose_changes: tuple[DoseChange, ...] = ()
    troughs: TroughSeries = field(default_factory=TroughSeries)
    target_band: tuple[float, float] = (5.0, 10.0)
    x_range: tuple[float, float] | None = None
    note: str | None = None
    missing_uln: int = 0  # enzyme results without a ULN (left out of the ULN view)
    pulses: tuple[PulseCourse, ...] = ()  # IV methylprednisolone pulses, apart from the steps
    pulse_marks: tuple[PulseMark, ...] = ()  # the same pulses in chart x
    until: date | None = None  # the last date known: open medication runs to it

    @property
    def calendar(self) -> bool:
        return self.day0 is None

    @property
    def time(self) -> TimeBase:
        return TimeBase(self.day0)


# --- builders ----------------------------------------------------------------------------------


def build_analyte(code: str, points: Iterable[LabResult], time: TimeBase) -> AnalyteSeries:
    a = ANALYTES[code]
    pts = tuple(sorted((p for p in points if p.analyte == code),
                       key=lambda p: (p.sample_date, p.sample_time or "")))
    xs = tuple(time.x(p.sample_date) for p in pts)
    ys = tuple(float(p.value_canonical) for p in pts)
    ulns = tuple(p.uln_canonical for p in pts)
    y_uln = tuple(NAN if m is None else m for m in (p.uln_multiple for p in pts))
    above = tuple(u is not None and y > u for y, u in zip(ys, ulns, strict=True))
    ux, uy = _uln_steps(xs, ulns)
    return AnalyteSeries(code, a.name, a.canonical_unit, pts, xs, ys, y_uln, ulns, above,
                         tuple(time.day(p.sample_date) for p in pts), ux, uy)


def _uln_steps(xs: Sequence[float],
               ulns: Sequence[float | None]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Each ULN holds from its result to the next one; unknown ULNs break the line."""
    out_x: list[float] = []
    out_y: list[float] = []
    for i, (x, u) in enumerate(zip(xs, ulns, strict=True)):
        nxt = xs[i + 1] if i + 1 < len(xs) else x
        if u is None:
            if out_x and not math.isnan(out_y[-1]):
                out_x.append(x)
                out_y.append(NAN)
            continue
        if out_y and not math.isnan(out_y[-1]) and out_y[-1] != u:
            out_x.append(x)  # vertical step where the lab's range changed
            out_y.append(u)
        elif not out_y or math.isnan(out_y[-1]):
            out_x.append(x)
            out_y.append(u)
        out_x.append(nxt)
        out_y.append(u)
    return tuple(out_x), tuple(out_y)


def build_troughs(points: Iterable[LabResult], time: TimeBase) -> TroughSeries:
    pts = tuple(sorted((p for p in points if p.analyte == TROUGH_CODE),
                       key=lambda p: (p.sample_date, p.sample_time or "")))
    return TroughSeries(pts, tuple(time.x(p.sample_date) for p in pts),
                        tuple(float(p.value_canonical) for p in pts),
                        tuple(time.day(p.sample_date) for p in pts))


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
    total = 0.0
    for s in segments:
        mg = pred_eq_mg_on(s, day, weight)
        if mg is None:
            return None
        total += mg
    if not weight:
        return None
    return total / weight


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


def build_chart(patient_id: str | None, labs: Iterable[LabResult], segments: Sequence[Segment],
                weights: Sequence[tuple[date, float]], *,
                target_band: tuple[float, float] = (5.0, 10.0), title: str = "",
                codes: Sequence[str] = ENZYME_CODES) -> ChartData:
    """The whole chart for one patient from plain values."""
    labs = list(labs)
    day0 = tacrolimus_start(segments)
    time = TimeBase(day0)
    series = {code: build_analyte(code, labs, time) for code in codes}
    troughs = build_troughs(labs, time)
    known = [p.sample_date for p in labs] + [d for d, _ in weights]
    known += [s.start for s in segments] + [s.end for s in segments if s.end is not None]
    until = max(known) if known else date.today()
    pred = prednisolone_steps(segments, weights, until, time)
    pulses = pulse_courses(segments, sorted(weights))
    missing = sum(1 for s in series.values() for u in s.uln if u is None)
    return ChartData(
        patient_id=patient_id, title=title, day0=day0, series=series,
        prednisolone=pred,
        dose_changes=tacrolimus_changes(segments, weights, time),
        troughs=troughs, target_band=target_band,
        x_range=_x_range(series, troughs, day0, pred),
        note=NO_TACROLIMUS_NOTE if day0 is None else None, missing_uln=missing,
        pulses=pulses, pulse_marks=pulse_marks(pulses, time), until=until if known else None,
    )


def _x_range(series: dict[str, AnalyteSeries], troughs: TroughSeries, day0: date | None,
             pred: StepSeries) -> tuple[float, float] | None:
    xs = [x for s in series.values() for x in s.x] + list(troughs.x)
    if day0 is not None:
        xs.append(0.0)
    if xs and pred.x:
        xs.append(pred.x[0])  # the steroid line is seen from the drug's start
    return (min(xs), max(xs)) if xs else None


def _extend_analyte(old: AnalyteSeries, p: LabResult, time: TimeBase) -> AnalyteSeries:
    """``old`` with ``p`` after its last point: what ``build_analyte`` would give, without
    converting every earlier result again."""
    y = float(p.value_canonical)
    uln = p.uln_canonical
    multiple = p.uln_multiple
    xs = (*old.x, time.x(p.sample_date))
    ulns = (*old.uln, uln)
    ux, uy = _uln_steps(xs, ulns)
    return replace(old, points=(*old.points, p), x=xs, y=(*old.y, y),
                   y_uln=(*old.y_uln, NAN if multiple is None else multiple), uln=ulns,
                   above=(*old.above, uln is not None and y > uln),
                   days=(*old.days, time.day(p.sample_date)), uln_x=ux, uln_y=uy)


def _order(p: LabResult) -> tuple[date, str]:
    return p.sample_date, p.sample_time or ""


def append_labs(data: ChartData, new: Sequence[LabResult], segments: Sequence[Segment],
                weights: Sequence[tuple[date, float]]) -> ChartData | None:
    """``data`` with newly saved results added, when each lands after the last point of its
    series (a new result, the usual case): only the series it joins, its ULN steps, the range
    and, when it moves the last known date, the steroid line are built again. None when it
    does not append (dated before a point already drawn): the caller redraws in full.

    ``segments`` and ``weights`` are those ``data`` was built from. Equal to ``build_chart``
    over all the results (tests/domain/test_chart_append.py)."""
    if data.patient_id is None:
        return None
    time = data.time
    series = dict(data.series)
    troughs = data.troughs
    known = [data.until] if data.until is not None else []
    for p in sorted(new, key=_order):
        if p.analyte in series:
            old = series[p.analyte]
            if old.points and _order(p) < _order(old.points[-1]):
                return None
            series[p.analyte] = _extend_analyte(old, p, time)
        elif p.analyte == TROUGH_CODE:
            if troughs.points and _order(p) < _order(troughs.points[-1]):
                return None
            troughs = build_troughs((*troughs.points, p), time)
        else:
            continue  # not on the chart
        known.append(p.sample_date)
    if data.until is None and not known:
        return data
    until = max(known) if known else data.until
    pred = data.prednisolone
    if until != data.until:
        assert until is not None
        pred = prednisolone_steps(segments, weights, until, time)
    missing = sum(1 for s in series.values() for u in s.uln if u is None)
    return replace(data, series=series, troughs=troughs, prednisolone=pred, until=until,
                   x_range=_x_range(series, troughs, data.day0, pred), missing_uln=missing)


def month_label(day: float) -> str:
    """'3 mo' for a study day near a month boundary (for the months axis)."""
    months = day / DAYS_PER_MONTH
    return f"{months:.0f} mo" if abs(months - round(months)) < 0.05 else f"{months:.1f} mo"


def point_tooltip(p: LabResult, day: int | None) -> str:
    """Hover text: analyte, value, unit, ULN, date and day (a Message the UI translates)."""
    a = ANALYTES.get(p.analyte)
    unit = a.canonical_unit if a else p.unit
    value = f"{p.censored or ''}{p.value:g}"
    lines: list[str] = [
        Message("{code}: {value} {unit} ({canonical} {canonical_unit})", code=p.analyte,
                value=value, unit=p.unit, canonical=f"{p.value_canonical:g}",
                canonical_unit=unit)
        if a is not None and p.unit != unit else
        Message("{code}: {value} {unit}", code=p.analyte, value=value, unit=p.unit)]
    ratio = p.uln_multiple
    if ratio is None:
        lines.append(Message("ULN: not reported"))
    else:
        lines.append(Message("ULN: {uln} {unit} \u2014 {ratio} \u00d7 ULN", uln=f"{p.ref_high:g}",
                             unit=p.unit, ratio=f"{p.censored or ''}{ratio:.2f}"))
    if p.censored:
        lines.append(Message("censored: the lab gave a limit, plotted at that limit"))
    when = p.sample_date.isoformat()
    lines.append(Message("{date} {time}", date=when, time=p.sample_time) if p.sample_time
                 and day is None else
                 Message("{date} {time} \u00b7 day {day}", date=when, time=p.sample_time,
                         day=day) if p.sample_time else
                 Message("{date} \u00b7 day {day}", date=when, day=day) if day is not None
                 else when)
    tip = lines[0]
    for line in lines[1:]:
        tip = Message("{first}\n{second}", first=tip, second=line)
    return tip
