"""Chart series from plain values: study days, ULN multiples, steroid steps, tacrolimus changes."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain.chart_series import (
    NO_TACROLIMUS_NOTE,
    TimeBase,
    build_analyte,
    build_chart,
    point_tooltip,
    prednisolone_steps,
    tacrolimus_changes,
)
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import Segment

D0 = date(2025, 1, 13)


def lp(d, value, unit="U/L", ref_high=145.0, code="CK", rid="r"):
    factor = 60.0 if unit == "\u00b5kat/L" else 1.0
    return LabResult(rid, code, d, value, unit, value * factor, 0.0, ref_high)


def seg(drug, dose, start, end=None, unit="mg", freq="od", route="oral"):
    return Segment(drug, route, dose, unit, freq, start, end)


TAC = seg("tacrolimus", 2, D0, freq="bd")


def test_days_since_tacrolimus_and_uln_multiples_use_each_results_own_range():
    pts = [lp(date(2025, 1, 6), 1850), lp(date(2025, 2, 12), 15, "\u00b5kat/L", 2.4),
           lp(date(2025, 3, 14), 100, ref_high=None)]
    s = build_analyte("CK", pts, TimeBase(D0))
    assert s.x == (-7.0, 30.0, 60.0) and s.days == (-7, 30, 60)
    assert s.y == (1850.0, 900.0, 100.0)
    assert s.y_uln[0] == 1850 / 145 and math.isclose(s.y_uln[1], 900 / 144)
    assert math.isnan(s.y_uln[2])
    assert s.above == (True, True, False)
    assert s.above_xy(uln_mode=False) == ([-7.0, 30.0], [1850.0, 900.0])


def test_uln_line_steps_where_the_range_changes_and_breaks_where_unknown():
    pts = [lp(date(2025, 1, 1), 200), lp(date(2025, 1, 11), 200, ref_high=170),
           lp(date(2025, 1, 21), 200, ref_high=None), lp(date(2025, 1, 31), 200)]
    s = build_analyte("CK", pts, TimeBase(date(2025, 1, 1)))
    assert s.uln_x[:4] == (0.0, 10.0, 10.0, 20.0)
    assert s.uln_y[:4] == (145.0, 145.0, 170.0, 170.0)
    assert math.isnan(s.uln_y[4]) and s.uln_x[5:] == (30.0, 30.0)


def test_without_tacrolimus_x_is_utc_epoch_seconds_and_a_note_says_why():
    data = build_chart("p", [lp(date(2025, 1, 6), 900)], [seg("prednisolone", 20, D0)], [])
    assert data.calendar and data.note == NO_TACROLIMUS_NOTE
    assert data.series["CK"].x == (float(calendar.timegm(date(2025, 1, 6).timetuple())),)
    assert data.series["CK"].days == (None,)


def test_with_tacrolimus_day_zero_is_the_first_systemic_start():
    segs = [seg("tacrolimus", 1, date(2025, 1, 1), route="topical"), TAC,
            seg("tacrolimus", 3, date(2025, 3, 1), freq="bd")]
    data = build_chart("p", [lp(date(2025, 1, 20), 300)], segs, [])
    assert data.day0 == D0 and data.note is None
    assert data.series["CK"].x == (7.0,)
    assert data.x_range == (0.0, 7.0)


def test_prednisolone_mg_per_kg_uses_latest_weight_on_or_before_each_day():
    segs = [seg("prednisolone", 30, date(2025, 1, 1), date(2025, 1, 31)),
            seg("methylprednisolone", 8, date(2025, 2, 1)),  # 10 mg prednisolone-equivalent
            seg("methylprednisolone", 500, date(2025, 1, 5), date(2025, 1, 5), route="iv")]
    weights = [(date(2025, 1, 10), 30.0), (date(2025, 2, 10), 25.0)]
    steps = prednisolone_steps(segs, weights, date(2025, 2, 28), TimeBase(date(2025, 1, 1)))
    # before the first weight (10 Jan) the nearest weight is used, and said; the IV pulse is not
    # a daily dose
    assert steps.runs[0] == (date(2025, 1, 1), date(2025, 2, 1), 1.0)
    assert steps.nearest_weight == (date(2025, 1, 10), 30.0)
    assert steps.value_on(date(2025, 1, 20)) == 1.0
    assert steps.value_on(date(2025, 2, 5)) == 10 / 30
    assert steps.value_on(date(2025, 2, 20)) == 10 / 25
    assert steps.x == (0.0, 31.0, 31.0, 40.0, 40.0, 59.0)
    assert steps.max_value == 1.0


def test_prednisolone_line_starts_at_the_drugs_start_not_the_first_weight():
    # the demo's shape: prednisolone from day -155, the first weight on day -3 (issue 16 item 18)
    day0 = date(2025, 1, 13)
    segs = [seg("prednisolone", 40, day0 - timedelta(days=155), day0 + timedelta(days=30)),
            seg("prednisolone", 20, day0 + timedelta(days=31))]
    weights = [(day0 - timedelta(days=3), 40.0)]
    steps = prednisolone_steps(segs, weights, day0 + timedelta(days=60), TimeBase(day0))
    assert steps.x[0] == -155.0 and steps.y[0] == 1.0
    assert steps.nearest_weight == (day0 - timedelta(days=3), 40.0)
    assert steps.value_on(day0 + timedelta(days=40)) == 0.5
    # weighed before the drug started: nothing estimated, nothing said
    early = prednisolone_steps(segs, [(day0 - timedelta(days=200), 40.0)],
                               day0 + timedelta(days=60), TimeBase(day0))
    assert early.nearest_weight is None and early.x[0] == -155.0
    # no weight at all: no mg/kg/day, a gap rather than a guess
    assert all(v is None for *_, v in prednisolone_steps(
        segs, [], day0 + timedelta(days=60), TimeBase(day0)).runs)


def test_mg_per_kg_doses_and_gaps_between_segments():
    segs = [seg("prednisolone", 2, date(2025, 1, 1), date(2025, 1, 9), unit="mg/kg"),
            seg("prednisolone", 10, date(2025, 1, 20), date(2025, 1, 25))]
    steps = prednisolone_steps(segs, [(date(2024, 12, 1), 20.0)], date(2025, 1, 30),
                               TimeBase(date(2025, 1, 1)))
    assert [(a.day, b.day, v) for a, b, v in steps.runs] == [(1, 10, 2.0), (10, 20, 0.0),
                                                            (20, 26, 0.5), (26, 31, 0.0)]


def test_tacrolimus_dose_changes_restarts_and_stops():
    segs = [TAC, seg("tacrolimus", 3, date(2025, 2, 24), date(2025, 3, 31), freq="bd"),
            seg("tacrolimus", 2, date(2025, 4, 1), date(2025, 4, 30), freq="bd"),
            seg("tacrolimus", 2, date(2025, 6, 1), freq="bd")]
    segs[0] = seg("tacrolimus", 2, D0, date(2025, 2, 23), freq="bd")
    changes = tacrolimus_changes(segs, [], TimeBase(D0))
    assert [(c.x, c.kind, c.daily_mg) for c in changes] == [
        (42.0, "increase", 6.0), (78.0, "decrease", 4.0), (108.0, "stop", None),
        (139.0, "restart", 4.0)]
    assert [c.label for c in changes] == ["tac \u21916 mg/d", "tac \u21934 mg/d", "tac stop",
                                          "tac 4 mg/d"]


def test_troughs_and_target_band_pass_through():
    pts = [lp(date(2025, 1, 27), 7.5, "ng/mL", 10, code="TACROLIMUS")]
    data = build_chart("p", pts, [TAC], [], target_band=(4.0, 8.0))
    assert data.troughs.x == (14.0,) and data.troughs.y == (7.5,)
    assert data.target_band == (4.0, 8.0)
    assert not data.series["CK"].present


def test_tooltip_names_analyte_value_unit_uln_date_and_day():
    p = LabResult("r", "ASAT", date(2025, 2, 1), 1.5, "\u00b5kat/L", 90.0, 0.0, 0.5, "08:30")
    assert point_tooltip(p, 19).splitlines() == [
        "ASAT: 1.5 \u00b5kat/L (90 U/L)", "ULN: 0.5 \u00b5kat/L \u2014 3.00 \u00d7 ULN",
        "2025-02-01 08:30 \u00b7 day 19"]


@given(value=st.floats(0.1, 50_000), ref=st.floats(1, 5_000),
       unit=st.sampled_from(["U/L", "\u00b5kat/L"]))
def test_uln_multiple_is_unit_independent(value, ref, unit):
    factor = 60.0 if unit == "\u00b5kat/L" else 1.0
    s = build_analyte("CK", [lp(D0, value, unit, ref)], TimeBase(D0))
    assert math.isclose(s.y_uln[0], value / ref, rel_tol=1e-9)
    assert s.above[0] == (value * factor > ref * factor)


def test_a_0_mg_segment_is_a_stop_and_the_next_dose_a_restart():
    segs = [seg("tacrolimus", 2, D0, date(2025, 2, 9), freq="bd"),
            seg("tacrolimus", 0, date(2025, 2, 10), date(2025, 3, 9), freq="bd"),
            seg("tacrolimus", 1, date(2025, 3, 10), freq="bd")]
    changes = tacrolimus_changes(segs, [], TimeBase(D0))
    assert [(c.x, c.kind, c.daily_mg) for c in changes] == [
        (28.0, "stop", None), (56.0, "restart", 2.0)]


def test_pulse_courses_are_marked_from_first_day_to_after_the_last_dose():
    mp = seg("methylprednisolone", 500, D0 + timedelta(days=7), D0 + timedelta(days=9),
             route="iv")
    data = build_chart("p", [], [TAC, mp], [(D0, 40.0)])
    assert [(m.x_start, m.x_end, m.label) for m in data.pulse_marks] == [
        (7.0, 10.0, "IV MP 3\u00d7500 mg")]
    assert len(data.pulses) == 1
