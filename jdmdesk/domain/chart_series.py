"""Series for the enzyme chart, from plain lab, medication and visit values (pure, no Qt).

Time axis (clinical-reference.md §7, ``chart_time``): x is the study day, days since the start of
the first systemic tacrolimus segment (day 0, negative before). A patient without tacrolimus has
no study days: x is then the calendar date as UTC epoch seconds (what pyqtgraph's
``DateAxisItem`` reads with ``utcOffset=0``) and ``ChartData.note`` says why.

Values (§5): y is the value in the analyte's canonical unit, or the multiple of the upper limit
of normal (ULN), where the ULN is that result's own ``ref_high`` converted to the canonical unit.
A result without a ULN has no ULN multiple (NaN) and is left out of that view.

Steroids (§6) and the tacrolimus dose changes: ``chart_treatment``. The incremental updates
after a save: ``chart_update``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from jdmdesk.domain.analytes import ANALYTES, ENZYME_CODES
from jdmdesk.domain.chart_time import DAYS_PER_MONTH as DAYS_PER_MONTH
from jdmdesk.domain.chart_time import TimeBase
from jdmdesk.domain.chart_time import month_label as month_label
from jdmdesk.domain.chart_treatment import (
    DoseChange,
    PulseMark,
    StepSeries,
    prednisolone_steps,
    pulse_marks,
    tacrolimus_changes,
)
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import PulseCourse, Segment, pulse_courses, tacrolimus_start
from jdmdesk.domain.texts import Message

__all__ = ["DAYS_PER_MONTH", "AnalyteSeries", "ChartData", "DoseChange", "PulseMark",
           "StepSeries", "TimeBase", "TroughSeries", "build_analyte", "build_chart",
           "build_troughs", "month_label", "point_tooltip", "prednisolone_steps"]

NAN = math.nan
TROUGH_CODE = "TACROLIMUS"
NO_TACROLIMUS_NOTE = Message("No tacrolimus recorded for this patient: there are no study "
                             "days, so the time axis shows calendar dates.")


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


PointValues = tuple[float, float, float, float | None, bool, int | None]


def point_values(p: LabResult, time: TimeBase) -> PointValues:
    """What the chart draws of one result: x, y, ULN multiple (NaN without a ULN), ULN,
    above the ULN, study day."""
    y = float(p.value_canonical)
    uln = p.uln_canonical
    multiple = p.uln_multiple
    return (time.x(p.sample_date), y, NAN if multiple is None else multiple, uln,
            uln is not None and y > uln, time.day(p.sample_date))


def order(p: LabResult) -> tuple[date, str]:
    """A result's place on the chart: by date and time (as the chart's query, NULL first)."""
    return p.sample_date, p.sample_time or ""


def analyte_series(code: str, pts: tuple[LabResult, ...],
                   values: Sequence[PointValues]) -> AnalyteSeries:
    """The series of ``pts`` (in date order) from their ``point_values``."""
    a = ANALYTES[code]
    xs = tuple(v[0] for v in values)
    ulns = tuple(v[3] for v in values)
    ux, uy = _uln_steps(xs, ulns)
    return AnalyteSeries(code, a.name, a.canonical_unit, pts, xs, tuple(v[1] for v in values),
                         tuple(v[2] for v in values), ulns, tuple(v[4] for v in values),
                         tuple(v[5] for v in values), ux, uy)


def build_analyte(code: str, points: Iterable[LabResult], time: TimeBase) -> AnalyteSeries:
    pts = tuple(sorted((p for p in points if p.analyte == code), key=order))
    return analyte_series(code, pts, [point_values(p, time) for p in pts])


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
    pts = tuple(sorted((p for p in points if p.analyte == TROUGH_CODE), key=order))
    return TroughSeries(pts, tuple(time.x(p.sample_date) for p in pts),
                        tuple(float(p.value_canonical) for p in pts),
                        tuple(time.day(p.sample_date) for p in pts))


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
        x_range=chart_x_range(series, troughs, day0, pred),
        note=NO_TACROLIMUS_NOTE if day0 is None else None, missing_uln=missing,
        pulses=pulses, pulse_marks=pulse_marks(pulses, time), until=until if known else None,
    )


def chart_x_range(series: dict[str, AnalyteSeries], troughs: TroughSeries, day0: date | None,
             pred: StepSeries) -> tuple[float, float] | None:
    xs = [x for s in series.values() for x in s.x] + list(troughs.x)
    if day0 is not None:
        xs.append(0.0)
    if xs and pred.x:
        xs.append(pred.x[0])  # the steroid line is seen from the drug's start
    return (min(xs), max(xs)) if xs else None


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
