"""The enzyme chart after a save, updated where the saved records are drawn (pure, no Qt).

``update_labs`` takes saved, edited or deleted lab results out of their series and puts their
new values in at their place in date order, deriving only the points that changed (the others
keep their x, ULN multiple and study day); ``update_treatment`` builds the steroid line, the
tacrolimus dose changes and the pulse marks again from changed medication or weights, keeping
every lab point. Both give what ``build_chart`` over all the records gives
(tests/domain/test_chart_update.py), or None where they cannot and the chart is loaded again:
day 0 moved (every x moves), an edited result tied in date and time with another one (their
order is the order of first saving, which the chart does not hold; a result saved for the first
time is the newest, so it goes after its ties), or nothing left to date the chart.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date

from jdmdesk.domain.chart_series import (
    TROUGH_CODE,
    AnalyteSeries,
    ChartData,
    PointValues,
    TroughSeries,
    analyte_series,
    build_troughs,
    chart_x_range,
    order,
    point_values,
)
from jdmdesk.domain.chart_treatment import prednisolone_steps, pulse_marks, tacrolimus_changes
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import Segment, pulse_courses, tacrolimus_start


def update_labs(data: ChartData, ids: Collection[str], saved: Sequence[LabResult],
                segments: Sequence[Segment], weights: Sequence[tuple[date, float]], *,
                new: Collection[str] = ()) -> ChartData | None:
    """``data`` after the lab results ``ids`` were saved or deleted: ``saved`` holds the ones
    that are not deleted (in the query's order), the others are taken off the chart; ``new``
    are the ids saved for the first time (an edit is any other).

    ``segments`` and ``weights`` are those ``data`` was built from."""
    if data.patient_id is None:
        return None
    gone = set(ids)
    old: dict[str, tuple[LabResult, ...]] = {c: s.points for c, s in data.series.items()}
    old[TROUGH_CODE] = data.troughs.points
    moved = {code for code, pts in old.items() if any(p.record_id in gone for p in pts)}
    added: dict[str, list[LabResult]] = {}
    for p in saved:
        if p.analyte in old:
            added.setdefault(p.analyte, []).append(p)
    if not moved and not added:
        return data
    series = dict(data.series)
    troughs = data.troughs
    for code in moved | set(added):
        pts = [p for p in old[code] if p.record_id not in gone]
        keys = [order(p) for p in pts]
        for p in added.get(code, ()):
            at = bisect_right(keys, order(p))
            if p.record_id not in new and at > 0 and keys[at - 1] == order(p):
                return None  # an edit tied with another result: its place is its saving order
            pts.insert(at, p)
            keys.insert(at, order(p))
        if code == TROUGH_CODE:
            troughs = build_troughs(pts, data.time)
        else:
            series[code] = _rebuilt(series[code], tuple(pts), data)
    until = _until(series, troughs, segments, weights)
    if until is None:
        return None
    pred = data.prednisolone if until == data.until else \
        prednisolone_steps(segments, weights, until, data.time)
    missing = sum(1 for s in series.values() for u in s.uln if u is None)
    return replace(data, series=series, troughs=troughs, prednisolone=pred, until=until,
                   x_range=chart_x_range(series, troughs, data.day0, pred), missing_uln=missing)


def update_treatment(data: ChartData, segments: Sequence[Segment],
                     weights: Sequence[tuple[date, float]]) -> ChartData | None:
    """``data`` with the medication ``segments`` and ``weights`` now saved: the steroid line,
    the dose changes and the pulses again; None when day 0 moved."""
    if data.patient_id is None or tacrolimus_start(segments) != data.day0:
        return None
    until = _until(data.series, data.troughs, segments, weights)
    if until is None:
        return None
    time = data.time
    pred = prednisolone_steps(segments, weights, until, time)
    pulses = pulse_courses(segments, sorted(weights))
    return replace(data, prednisolone=pred, until=until,
                   dose_changes=tacrolimus_changes(segments, weights, time), pulses=pulses,
                   pulse_marks=pulse_marks(pulses, time),
                   x_range=chart_x_range(data.series, data.troughs, data.day0, pred))


def _rebuilt(old: AnalyteSeries, pts: tuple[LabResult, ...], data: ChartData) -> AnalyteSeries:
    """The series of ``pts``; the points ``old`` drew keep their values."""
    kept: dict[int, PointValues] = {
        id(p): v for p, v in zip(old.points, zip(old.x, old.y, old.y_uln, old.uln, old.above,
                                                  old.days, strict=True), strict=True)}
    time = data.time
    return analyte_series(old.code, pts, [kept.get(id(p)) or point_values(p, time)
                                          for p in pts])


def _until(series: dict[str, AnalyteSeries], troughs: TroughSeries,
           segments: Sequence[Segment], weights: Sequence[tuple[date, float]]) -> date | None:
    """The last date known (as ``build_chart`` finds it); each series is in date order."""
    known = [s.points[-1].sample_date for s in series.values() if s.points]
    if troughs.points:
        known.append(troughs.points[-1].sample_date)
    known += [d for d, _ in weights]
    known += [s.start for s in segments] + [s.end for s in segments if s.end is not None]
    return max(known) if known else None
