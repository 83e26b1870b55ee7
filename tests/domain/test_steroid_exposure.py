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


# --- one home: the factors, the daily and cumulative dose live in domain.medication ----------


@pytest.mark.parametrize(
    ("drug", "mg", "expected"),
    [("prednisolone", 20, 20), ("prednisone", 20, 20), ("methylprednisolone", 8, 10),
     ("dexamethasone", 1.5, 10.005), ("hydrocortisone", 20, 5)],
)
def test_prednisolone_equivalents(drug, mg, expected):
    assert med.prednisolone_equivalent_mg(drug, mg) == pytest.approx(expected)
    segment = med.Segment(drug, "oral", mg, "mg", "od", JAN1, None)
    assert med.pred_equivalent_mg_day(segment, None) == pytest.approx(expected)


def test_equivalence_table_matches_reference():
    assert dict(med.STEROID_FACTORS) == {"prednisolone": 1, "prednisone": 1,
                                         "methylprednisolone": 1.25, "dexamethasone": 6.67,
                                         "hydrocortisone": 0.25}
    with pytest.raises(TypeError):
        med.STEROID_FACTORS["prednisolone"] = 2.0  # type: ignore[index]


@pytest.mark.parametrize(("drug", "mg"), [("tacrolimus", 2.0), ("methotrexate", 15.0),
                                          ("prednisolone", None)])
def test_prednisolone_equivalent_none_for_non_steroid_or_missing_dose(drug, mg):
    assert med.prednisolone_equivalent_mg(drug, mg) is None


def test_chart_and_review_use_the_one_factor_table(monkeypatch):
    """Changing the factor in domain.medication changes the chart's and the review's doses:
    neither keeps a table of its own."""
    from jdmdesk.domain.chart_series import TimeBase, prednisolone_steps
    from jdmdesk.domain.review import _steroids

    segments = [med.Segment("prednisone", "oral", 20, "mg", "od", JAN1, None)]
    weights = [(JAN1, 20.0)]

    def doses() -> tuple[float | None, float | None, float | None]:
        steps = prednisolone_steps(segments, weights, JAN31, TimeBase(JAN1))
        summary = _steroids(segments, weights, JAN1, JAN31)
        return steps.value_on(JAN1), summary.current_mg_day, summary.cumulative_mg

    assert doses() == (1.0, 20.0, 620.0)
    monkeypatch.setattr(med, "STEROID_FACTORS", {**med.STEROID_FACTORS, "prednisone": 0.5})
    assert doses() == (0.5, 10.0, 310.0)


JAN1, JAN31 = date(2026, 1, 1), date(2026, 1, 31)


def _pred(dose, start, end=None, unit="mg"):
    return med.Segment("prednisolone", "oral", dose, unit, "od", start, end)


def test_cumulative_dose_with_overlapping_and_open_segments():
    segments = [
        _pred(20, date(2025, 12, 20), date(2026, 1, 10)),  # Jan 1–10: 10 days × 20 = 200
        _pred(10, date(2026, 1, 11)),  # open, Jan 11–31: 21 days × 10 = 210
        _pred(5, date(2026, 1, 5), date(2026, 1, 6)),  # overlaps the first: 2 × 5 = 10
        _pred(99, date(2026, 2, 1)),  # after the window
        _pred(99, date(2025, 11, 1), date(2025, 12, 31)),  # before the window
    ]
    assert med.cumulative_pred_eq_mg(segments, [], JAN1, JAN31) == pytest.approx(420.0)


def test_cumulative_dose_counts_both_end_days():
    assert med.cumulative_pred_eq_mg([_pred(7.5, JAN1, JAN1)], [], JAN1, JAN1) == 7.5
    assert med.cumulative_pred_eq_mg([_pred(1, JAN1, JAN31)], [], JAN1, JAN31) == 31.0


def test_cumulative_dose_unknown_daily_dose_in_window_is_none():
    per_m2 = _pred(40, JAN1, JAN1, unit="mg/m2")
    assert med.cumulative_pred_eq_mg([_pred(10, JAN1), per_m2], [], JAN1, JAN31) is None
    # outside the window an unknown dose does not matter
    early = _pred(40, date(2025, 1, 1), date(2025, 1, 2), unit="mg/m2")
    assert med.cumulative_pred_eq_mg([_pred(10, JAN1), early], [], JAN1, JAN31) == 310.0


def test_cumulative_dose_empty_and_reversed_windows():
    assert med.cumulative_pred_eq_mg([], [], JAN1, JAN31) == 0.0
    assert med.cumulative_pred_eq_mg([_pred(10, JAN1)], [], JAN31, JAN1) == 0.0


def test_splitting_a_segment_does_not_change_the_cumulative_dose():
    from datetime import timedelta

    from hypothesis import given
    from hypothesis import strategies as st

    @given(offset=st.integers(-60, 60), length=st.integers(0, 120),
           split=st.integers(0, 120), dose=st.floats(0, 100))
    def check(offset, length, split, dose):
        start = JAN1 + timedelta(days=offset)
        end = start + timedelta(days=length)
        cut = start + timedelta(days=min(split, length))
        whole = med.cumulative_pred_eq_mg([_pred(dose, start, end)], [], JAN1, JAN31)
        parts = [_pred(dose, start, cut)]
        if cut < end:
            parts.append(_pred(dose, cut + timedelta(days=1), end))
        assert med.cumulative_pred_eq_mg(parts, [], JAN1, JAN31) == pytest.approx(whole)

    check()


@pytest.mark.parametrize(
    ("start", "current", "expected"),
    [(40, 10, 75.0), (40, 40, 0.0), (40, 50, -25.0), (40, 0, 100.0),
     (0, 0, None), (None, 5, None), (40, None, None)],
)
def test_percent_reduction(start, current, expected):
    result = med.percent_reduction(start, current)
    assert result == (None if expected is None else pytest.approx(expected))
