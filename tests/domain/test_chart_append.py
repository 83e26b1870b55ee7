"""append_labs (the chart's incremental path) against build_chart over all the results."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from jdmdesk.domain.chart_series import append_labs, build_chart
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import Segment

D0 = date(2025, 3, 1)
CODES = ("CK", "LD", "ASAT", "ALAT", "ALDOLASE", "TACROLIMUS", "CRP")
SEGMENTS = {
    "none": [],
    "tacrolimus and open prednisolone": [
        Segment("tacrolimus", "oral", 2, "mg", "bd", D0, None),
        Segment("prednisolone", "oral", 30, "mg", "od", D0 - timedelta(20), None)],
    "prednisolone only, ended": [
        Segment("prednisolone", "oral", 1, "mg/kg", "od", D0, D0 + timedelta(40))],
}
WEIGHTS = [(D0 - timedelta(5), 30.0), (D0 + timedelta(60), 31.5)]

lab = st.builds(
    lambda n, code, day, value, uln, time: LabResult(
        f"r{n}", code, D0 + timedelta(days=day), value, "U/L", value,
        0.0, uln, time),
    st.integers(0, 10**9), st.sampled_from(CODES), st.integers(-60, 400),
    st.floats(0.5, 5000, allow_nan=False), st.one_of(st.none(), st.sampled_from([30.0, 145.0])),
    st.one_of(st.none(), st.sampled_from(["08:00", "14:30"])))


def ordered(labs: list[LabResult]) -> list[LabResult]:
    """As the chart's query returns them: by date and time (NULL first), then saving order."""
    return sorted(labs, key=lambda p: (p.sample_date, p.sample_time or ""))


def chart(labs: list[LabResult], kind: str):
    chart_codes = CODES[:-1]  # CRP is not on the chart; the query leaves it out
    return build_chart("p", [p for p in ordered(labs) if p.analyte in chart_codes],
                       SEGMENTS[kind], WEIGHTS, title="P-1")


@settings(max_examples=300, deadline=None)
@given(old=st.lists(lab, max_size=30), new=st.lists(lab, min_size=1, max_size=4),
       kind=st.sampled_from(sorted(SEGMENTS)))
def test_append_draws_what_a_full_redraw_draws(old, new, kind):
    ids = [f"id{i}" for i in range(len(old) + len(new))]
    old = [_with_id(p, i) for p, i in zip(old, ids, strict=False)]
    new = [_with_id(p, i) for p, i in zip(new, ids[len(old):], strict=False)]
    before = chart(old, kind)
    after = append_labs(before, new, SEGMENTS[kind], WEIGHTS)
    full = chart(old + new, kind)
    if after is None:  # refused: some new result is dated before a point of its series
        drawn = {code: s.points for code, s in before.series.items()}
        drawn["TACROLIMUS"] = before.troughs.points
        assert any(drawn.get(p.analyte) and (p.sample_date, p.sample_time or "") <
                   (drawn[p.analyte][-1].sample_date, drawn[p.analyte][-1].sample_time or "")
                   for p in new)
        return
    assert repr(after) == repr(full)  # repr: NaN (no ULN) compares equal to itself


def _with_id(p: LabResult, record_id: str) -> LabResult:
    return LabResult(record_id, p.analyte, p.sample_date, p.value, p.unit, p.value_canonical,
                     p.ref_low, p.ref_high, p.sample_time)


def test_a_later_result_appends_and_extends_the_open_steroid_line():
    old = [_with_id(LabResult("x", "CK", D0 + timedelta(d), 900.0 - d, "U/L", 900.0 - d, 0.0,
                              145.0), f"a{d}") for d in range(0, 60, 7)]
    before = chart(old, "tacrolimus and open prednisolone")
    late = _with_id(LabResult("x", "CK", D0 + timedelta(200), 120.0, "U/L", 120.0, 0.0, 145.0),
                    "late")
    after = append_labs(before, [late], SEGMENTS["tacrolimus and open prednisolone"], WEIGHTS)
    assert after is not None
    assert after.series["CK"].x[-1] == 200.0
    assert after.prednisolone.x[-1] > before.prednisolone.x[-1]
    assert repr(after) == repr(chart([*old, late], "tacrolimus and open prednisolone"))


def test_a_result_dated_before_the_last_point_needs_a_full_redraw():
    old = [_with_id(LabResult("x", "CK", D0 + timedelta(d), 500.0, "U/L", 500.0, 0.0, 145.0),
                    f"a{d}") for d in (0, 10, 20)]
    before = chart(old, "none")
    early = _with_id(LabResult("x", "CK", D0 + timedelta(5), 400.0, "U/L", 400.0, 0.0, 145.0),
                     "early")
    assert append_labs(before, [early], [], WEIGHTS) is None
