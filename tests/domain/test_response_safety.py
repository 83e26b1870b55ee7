from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain import medication as med
from jdmdesk.domain.response import (
    CoreSet,
    category,
    column,
    improvement_percent,
    printo_inactive,
    total_improvement_score,
)
from jdmdesk.domain.safety import egfr_trend, safety_flags, schwartz_egfr, trough_status

BASE = CoreSet(phga=6.0, ptga=5.0, mmt8_total=60, chaq_di=1.5, extramuscular_ga=4,
               enzymes={"CK": (1000.0, 145.0), "LD": (400.0, 325.0)})
FOLLOW = CoreSet(phga=3.0, ptga=4.0, mmt8_total=66, chaq_di=1.0, extramuscular_ga=2,
                 enzymes={"CK": (500.0, 145.0), "LD": (300.0, 325.0)})


def test_worked_example_of_the_reference():
    r = total_improvement_score(BASE, FOLLOW)
    by = {i.measure: i for i in r.items}
    assert by["phga"].percent == pytest.approx(30) and by["phga"].points == 17.5
    assert by["ptga"].percent == pytest.approx(10) and by["ptga"].points == 2.5
    assert by["strength"].percent == pytest.approx(7.5) and by["strength"].points == 10
    assert by["chaq"].percent == pytest.approx(16.667, abs=1e-3) and by["chaq"].points == 7.5
    assert by["extramuscular"].percent == pytest.approx(20) and by["extramuscular"].points == 12.5
    assert by["enzyme"].source == "CK" and by["enzyme"].points == 7.5  # 50 % fall
    assert r.score == 57.5 and r.category == "moderate" and r.missing == ()


@pytest.mark.parametrize(("pct", "col"), [(5, 0), (5.0001, 1), (15, 1), (15.01, 2), (25, 2),
                                          (40, 3), (40.01, 4), (-30, 0)])
def test_band_boundaries_are_right_inclusive(pct, col):
    assert column(pct) == col


@pytest.mark.parametrize(("pct", "col"), [(2, 0), (2.1, 1), (10, 1), (20, 2), (30, 3),
                                          (30.1, 4)])
def test_strength_cut_points(pct, col):
    assert column(pct, (2.0, 10.0, 20.0, 30.0)) == col


def test_exactly_fifteen_percent_from_real_values():
    assert column(improvement_percent(6.0, 4.5, 0, 10, False)) == 1  # 15 % exactly


def test_worsening_scores_zero():
    r = total_improvement_score(FOLLOW, BASE)
    assert r.score == 0 and r.category == "none"


@pytest.mark.parametrize(("score", "name"), [(29.9, "none"), (30, "minimal"), (45, "moderate"),
                                             (69.9, "moderate"), (70, "major")])
def test_category_thresholds(score, name):
    assert category(score) == name


def test_missing_measures_are_named_and_score_not_computed():
    r = total_improvement_score(BASE, CoreSet(phga=3.0, mmt8_total=66, chaq_di=1.0))
    assert r.score is None and r.category is None
    assert set(r.missing) == {"ptga", "enzyme", "extramuscular"}
    assert r.partial_score == 17.5 + 10 + 7.5


def test_cmas_and_das_fallbacks():
    b = CoreSet(phga=6, ptga=5, cmas_total=30, chaq_di=1.5, das_total=10,
                enzymes={"CK": (1000.0, 145.0)})
    f = CoreSet(phga=3, ptga=4, cmas_total=40, chaq_di=1.0, das_total=6,
                enzymes={"CK": (500.0, 145.0)})
    by = {i.measure: i for i in total_improvement_score(b, f).items}
    assert by["strength"].source == "cmas_total"
    assert by["strength"].percent == pytest.approx(100 * 10 / 52)
    assert by["extramuscular"].source == "das_total" and by["extramuscular"].points == 12.5


@given(st.lists(st.one_of(st.none(), st.floats(0, 10)), min_size=12, max_size=12))
def test_tis_is_within_0_and_100_when_computable(v):
    b = CoreSet(phga=v[0], ptga=v[1], mmt8_total=None if v[2] is None else v[2] * 8,
                chaq_di=None if v[3] is None else v[3] * 0.3, extramuscular_ga=v[4],
                enzymes={} if v[5] is None else {"CK": (v[5] * 100 + 1, 145.0)})
    f = CoreSet(phga=v[6], ptga=v[7], mmt8_total=None if v[8] is None else v[8] * 8,
                chaq_di=None if v[9] is None else v[9] * 0.3, extramuscular_ga=v[10],
                enzymes={} if v[11] is None else {"CK": (v[11] * 100, 145.0)})
    r = total_improvement_score(b, f)
    assert 0 <= r.partial_score <= 100
    if r.score is not None:
        assert 0 <= r.score <= 100 and r.missing == ()


@given(st.floats(-100, 100), st.floats(-100, 100))
def test_points_monotone_in_percent(a, b):
    lo, hi = sorted((a, b))
    assert column(lo) <= column(hi)


@given(st.floats(0, 10), st.floats(0, 10))
def test_improvement_is_antisymmetric(a, b):
    assert improvement_percent(a, b, 0, 10, False) == pytest.approx(
        -improvement_percent(b, a, 0, 10, False))


def test_printo_cases():
    assert printo_inactive(100, 50, 79, 0.1).status == "inactive"
    three = printo_inactive(100, 50, None, 0.1)
    assert three.status == "inactive" and three.n_available == 3
    assert printo_inactive(100, None, None, 0.1).status == "not_evaluable"  # 2 of 4, 2 missing
    assert printo_inactive(400, 40, 79, 0.1).status == "active"
    assert printo_inactive(400, 50, None, 0.1).status == "not_evaluable"  # missing could decide
    ck_from_ukat = 2.5 * 60  # 2.5 µkat/L converted by the caller
    r = printo_inactive(ck_from_ukat, 48, 78, 0.2)
    assert r.status == "inactive" and r.n_met == 4
    assert dict(r.criteria)["CK ≤ 150 U/L"] is True


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
    assert med.percent_reduction(30, 7.5) == 75
    assert med.percent_reduction(None, 5) is None


def test_schwartz_and_trend():
    assert schwartz_egfr(140, 50) == pytest.approx(102.2)
    assert schwartz_egfr(140, 0) is None and schwartz_egfr(None, 50) is None
    d = date(2024, 1, 1)
    assert egfr_trend([(d, 100.0)]) == "insufficient data"
    assert egfr_trend([(d, 100.0), (date(2024, 3, 1), 85.0)]) == "falling"
    assert egfr_trend([(d, 100.0), (date(2024, 3, 1), 95.0)]) == "stable"


def test_safety_flags_and_trough():
    flags = safety_flags(potassium=5.8, magnesium=0.6, glucose=12, sbp=135, dbp=70)
    assert {f.measure for f in flags} == {"K", "MG", "GLUCOSE", "BP"}
    assert safety_flags(potassium=4.0, magnesium=0.8, glucose=5, sbp=110, dbp=65) == ()
    assert [trough_status(v, 5, 10) for v in (4.9, 5, 10, 10.1)] == \
        ["below", "in_range", "in_range", "above"]
