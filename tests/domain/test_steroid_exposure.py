"""Steroid exposure from dose segments (§6); the score formulas are in test_scores.py."""

from datetime import date

import pytest

from jdmdesk.domain import medication as med


def test_steroid_equivalents_and_cumulative_dose():
    d = date(2024, 1, 1)
    pred = med.Segment("prednisolone", "oral", 20, "mg", "od", d, date(2024, 1, 10))
    mp = med.Segment("methylprednisolone", "oral", 8, "mg", "od", date(2024, 1, 6), None)
    pulse = med.Segment("methylprednisolone", "iv", 500, "mg", "once", d, d)
    dexa = med.Segment("dexamethasone", "oral", 1.5, "mg", "bd", d, d)
    assert med.pred_equivalent_mg_day(mp, 30) == 10
    assert med.pred_equivalent_mg_day(pulse, 30) is None
    assert med.pred_equivalent_mg_day(dexa, 30) == pytest.approx(20.01)
    weights = [(d, 20.0)]
    assert med.pred_eq_on(date(2024, 1, 7), [pred, mp, pulse], weights) == 30
    total = med.cumulative_pred_eq_mg([pred, mp], weights, d, date(2024, 1, 12))
    assert total == 10 * 20 + 7 * 10  # overlapping segments add; open one runs to the end


def test_unknown_steroid_dose_is_not_counted_as_zero():
    d = date(2024, 1, 1)
    per_m2 = med.Segment("prednisolone", "oral", 40, "mg/m2", "od", d, None)
    assert med.pred_eq_on(d, [per_m2], [(d, 20.0)]) is None
    assert med.cumulative_pred_eq_mg([per_m2], [(d, 20.0)], d, date(2024, 1, 3)) is None
    per_kg = med.Segment("prednisolone", "oral", 1, "mg/kg", "od", d, None)
    assert med.pred_eq_on(d, [per_kg], []) is None  # no weight yet
    assert med.pred_eq_on(d, [per_kg], [(d, 25.0)]) == 25


def test_cumulative_dose_matches_a_day_by_day_sum():
    from datetime import timedelta

    from hypothesis import given, settings
    from hypothesis import strategies as st

    base = date(2024, 1, 1)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30), st.integers(1, 40),
                              st.sampled_from(["mg", "mg/kg"])), min_size=1, max_size=4),
           st.lists(st.tuples(st.integers(-10, 60), st.integers(10, 60)), max_size=3),
           st.integers(0, 40), st.integers(0, 70))
    def check(segs, weights, a, length):
        segments = [med.Segment("prednisolone", "oral", dose, unit, "od",
                                base + timedelta(days=s), base + timedelta(days=s + n))
                    for s, n, dose, unit in segs]
        w = sorted({(base + timedelta(days=d), float(kg)) for d, kg in weights})
        start, end = base + timedelta(days=a), base + timedelta(days=a + length)
        daily = []
        day = start
        while day <= end:
            daily.append(med.pred_eq_on(day, segments, w))
            day += timedelta(days=1)
        expected = None if any(x is None for x in daily) else sum(daily)
        got = med.cumulative_pred_eq_mg(segments, w, start, end)
        assert (got is None) == (expected is None)
        if got is not None:
            assert got == pytest.approx(expected)

    check()
