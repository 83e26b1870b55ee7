"""Tests of jdmdesk.domain.tis (Total Improvement Score) against clinical-reference.md §3."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain.tis import (
    CHAQ_POINTS,
    ENZYME_POINTS,
    EXTRAMUSCULAR_POINTS,
    PHGA_POINTS,
    PTGA_POINTS,
    STANDARD_CUTS,
    STRENGTH_CUTS,
    STRENGTH_POINTS,
    TIS_MEASURES,
    CoreSet,
    enzyme_percent_change,
    improvement_percent,
    most_abnormal_enzyme,
    points_column,
    tis_category,
    tis_points,
    total_improvement_score,
)

# §3 worked example; CK 1000 → 500 U/L (ULN 145) is a 50 % fall = 7.5 enzyme points.
BASE = CoreSet(phga=6.0, ptga=5.0, mmt8_total=60.0, chaq_di=1.5, extramuscular_ga=4.0,
               enzymes={"CK": (1000.0, 145.0), "LD": (400.0, 325.0)})
FOLLOW = CoreSet(phga=3.0, ptga=4.0, mmt8_total=66.0, chaq_di=1.0, extramuscular_ga=2.0,
                 enzymes={"CK": (500.0, 145.0), "LD": (390.0, 325.0)})


def with_(core: CoreSet, **changes: object) -> CoreSet:
    values = {name: getattr(core, name) for name in core.__dataclass_fields__}
    values.update(changes)
    return CoreSet(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- §3 worked example


def test_worked_example_items():
    r = total_improvement_score(BASE, FOLLOW)
    expected = {
        "phga": (30.0, 17.5, "phga"),
        "ptga": (10.0, 2.5, "ptga"),
        "strength": (7.5, 10.0, "mmt8_total"),
        "chaq": (100 * 0.5 / 3, 7.5, "chaq_di"),
        "enzyme": (50.0, 7.5, "CK"),
        "extramuscular": (20.0, 12.5, "extramuscular_ga"),
    }
    assert tuple(i.name for i in r.items) == TIS_MEASURES
    for name, (percent, points, source) in expected.items():
        item = r.item(name)
        assert item.percent == pytest.approx(percent), name
        assert item.points == points, name
        assert item.source == source, name
    assert r.item("chaq").percent == pytest.approx(16.7, abs=0.05)


def test_worked_example_total_is_57_5_moderate():
    r = total_improvement_score(BASE, FOLLOW)
    assert r.missing == ()
    assert r.score == 57.5
    assert r.partial_score == 57.5
    assert r.category == "moderate"
    assert sum(i.points for i in r.items if i.name != "enzyme") == 50.0


def test_item_lookup_unknown_name_raises():
    with pytest.raises(KeyError):
        total_improvement_score(BASE, FOLLOW).item("cdasi")


# ---------------------------------------------------------------- percent and bands


def test_improvement_percent_direction():
    assert improvement_percent(6, 3, 0, 10, higher_is_better=False) == pytest.approx(30)
    assert improvement_percent(60, 66, 0, 80, higher_is_better=True) == pytest.approx(7.5)
    assert improvement_percent(3, 6, 0, 10, higher_is_better=False) == pytest.approx(-30)


@pytest.mark.parametrize(("baseline", "follow_up"), [(None, 3.0), (6.0, None), (None, None)])
def test_improvement_percent_missing_is_none_not_zero(baseline, follow_up):
    assert improvement_percent(baseline, follow_up, 0, 10, False) is None


@pytest.mark.parametrize(("lo", "hi"), [(0, 0), (10, 0)])
def test_improvement_percent_rejects_empty_scale(lo, hi):
    with pytest.raises(ValueError):
        improvement_percent(1, 2, lo, hi, True)


@pytest.mark.parametrize(
    ("percent", "column"),
    [(-30, 0), (0, 0), (5, 0), (5.01, 1), (15, 1), (15.01, 2), (25, 2), (25.01, 3), (40, 3),
     (40.01, 4), (100, 4)],
)
def test_standard_bands_are_right_inclusive(percent, column):
    assert points_column(percent, STANDARD_CUTS) == column


@pytest.mark.parametrize(
    ("percent", "column"),
    [(-5, 0), (2, 0), (2.01, 1), (10, 1), (10.01, 2), (20, 2), (20.01, 3), (30, 3), (30.01, 4)],
)
def test_strength_bands_use_2_10_20_30(percent, column):
    assert points_column(percent, STRENGTH_CUTS) == column


@pytest.mark.parametrize(
    ("follow_up", "points"),
    # PhGA from 6.0: drops of 0.5 / 1.5 / 2.5 / 4.0 cm are exactly 5 / 15 / 25 / 40 %.
    [(5.5, 0.0), (4.5, 7.5), (3.5, 15.0), (2.0, 17.5), (1.9, 20.0)],
)
def test_phga_points_at_computed_boundaries(follow_up, points):
    pct = improvement_percent(6.0, follow_up, 0, 10, higher_is_better=False)
    assert tis_points("phga", pct) == points


@pytest.mark.parametrize(
    ("baseline", "follow_up", "exact", "points"),
    [(2.2, 0.7, 15, 7.5), (1.1, 0.6, 5, 0.0), (3.2, 1.7, 15, 7.5)],
)
def test_float_noise_at_a_cut_point_does_not_change_the_column(baseline, follow_up, exact,
                                                              points):
    pct = improvement_percent(baseline, follow_up, 0, 10, higher_is_better=False)
    assert pct > exact  # binary floating point lands just above the cut-point ...
    assert tis_points("phga", pct) == points  # ... and rounding puts it back (right-inclusive)


@pytest.mark.parametrize(
    ("follow_up", "points"),
    # MMT8 from 60 of 80: gains of 1.6 / 8 / 16 / 24 are exactly 2 / 10 / 20 / 30 %.
    [(61.6, 0.0), (61.7, 10.0), (68.0, 10.0), (76.0, 20.0), (84.0, 27.5), (84.1, 32.5)],
)
def test_mmt8_points_at_strength_boundaries(follow_up, points):
    b = CoreSet(mmt8_total=60.0)
    f = CoreSet(mmt8_total=follow_up)
    assert total_improvement_score(b, f, mmt_max=80.0).item("strength").points == points


def test_mmt_max_parameter_is_used():
    b, f = CoreSet(mmt8_total=100.0), CoreSet(mmt8_total=115.0)  # bilateral MMT8, max 150
    item = total_improvement_score(b, f, mmt_max=150.0).item("strength")
    assert item.percent == pytest.approx(10.0)
    assert item.points == 10.0


def test_points_tables_match_reference():
    assert PHGA_POINTS == (0, 7.5, 15, 17.5, 20)
    assert PTGA_POINTS == (0, 2.5, 5, 7.5, 10)
    assert STRENGTH_POINTS == (0, 10, 20, 27.5, 32.5)
    assert CHAQ_POINTS == (0, 5, 7.5, 7.5, 10)
    assert ENZYME_POINTS == (0, 2.5, 5, 7.5, 7.5)
    assert EXTRAMUSCULAR_POINTS == (0, 7.5, 12.5, 15, 20)
    best = sum(t[-1] for t in (PHGA_POINTS, PTGA_POINTS, STRENGTH_POINTS, CHAQ_POINTS,
                               ENZYME_POINTS, EXTRAMUSCULAR_POINTS))
    assert best == 100


def test_worsening_everywhere_scores_zero():
    worse = CoreSet(phga=9.0, ptga=8.0, mmt8_total=50.0, chaq_di=2.5, extramuscular_ga=7.0,
                    enzymes={"CK": (3000.0, 145.0)})
    r = total_improvement_score(BASE, worse)
    assert all(i.percent is not None and i.percent < 0 for i in r.items)
    assert [i.points for i in r.items] == [0.0] * 6
    assert r.score == 0.0
    assert r.category == "none"


# ---------------------------------------------------------------- missing and fallbacks


def test_missing_measure_makes_score_none_and_is_named():
    r = total_improvement_score(BASE, with_(FOLLOW, phga=None))
    assert r.score is None
    assert r.category is None
    assert r.missing == ("phga",)
    assert r.partial_score == 57.5 - 17.5
    assert r.item("phga").points is None
    assert "follow-up" in r.item("phga").note


def test_several_missing_measures_are_all_named_in_table_order():
    r = total_improvement_score(with_(BASE, chaq_di=None), with_(FOLLOW, ptga=None, enzymes={}))
    assert r.missing == ("ptga", "chaq", "enzyme")
    assert r.score is None


def test_everything_missing():
    r = total_improvement_score(CoreSet(), CoreSet())
    assert r.missing == TIS_MEASURES
    assert r.score is None and r.category is None and r.partial_score == 0


def test_cmas_is_used_when_mmt8_is_missing_at_one_visit():
    b = with_(BASE, cmas_total=40.0)
    f = with_(FOLLOW, mmt8_total=None, cmas_total=46.0)  # 6 / 52 = 11.5 % → >10–20 → 20 pts
    item = total_improvement_score(b, f).item("strength")
    assert item.source == "cmas_total"
    assert (item.baseline, item.follow_up) == (40.0, 46.0)
    assert item.percent == pytest.approx(100 * 6 / 52)
    assert item.points == 20.0


def test_mmt8_preferred_when_both_present():
    b = with_(BASE, cmas_total=20.0)
    f = with_(FOLLOW, cmas_total=52.0)
    assert total_improvement_score(b, f).item("strength").source == "mmt8_total"


def test_strength_missing_when_neither_pair_is_complete():
    b = with_(BASE, mmt8_total=60.0, cmas_total=None)
    f = with_(FOLLOW, mmt8_total=None, cmas_total=46.0)
    r = total_improvement_score(b, f)
    assert r.missing == ("strength",)
    assert r.item("strength").source is None


def test_das_is_used_when_extramuscular_global_is_missing():
    b = with_(BASE, extramuscular_ga=None, das_total=10.0)
    f = with_(FOLLOW, das_total=6.0)  # 4 / 20 = 20 % → 12.5
    item = total_improvement_score(b, f).item("extramuscular")
    assert item.source == "das_total"
    assert item.percent == pytest.approx(20.0)
    assert item.points == 12.5


def test_das_range_is_20_not_10():
    b = with_(BASE, extramuscular_ga=None, das_total=10.0)
    f = with_(FOLLOW, das_total=7.0)  # 3 / 20 = 15 % (not 30 %) → 7.5
    assert total_improvement_score(b, f).item("extramuscular").points == 7.5


def test_extramuscular_missing_without_either_pair():
    b = with_(BASE, extramuscular_ga=None, das_total=None)
    r = total_improvement_score(b, FOLLOW)
    assert r.missing == ("extramuscular",)


# ---------------------------------------------------------------- enzyme term


def test_most_abnormal_enzyme_is_largest_uln_multiple_not_largest_value():
    enzymes = {"CK": (300.0, 145.0), "ASAT": (120.0, 30.0), "LD": (600.0, 325.0)}
    assert most_abnormal_enzyme(enzymes) == "ASAT"


def test_enzyme_term_follows_baseline_choice_even_if_another_changes_more():
    b = with_(BASE, enzymes={"CK": (300.0, 145.0), "ASAT": (120.0, 30.0)})
    f = with_(FOLLOW, enzymes={"CK": (100.0, 145.0), "ASAT": (114.0, 30.0)})  # ASAT −5 %
    item = total_improvement_score(b, f).item("enzyme")
    assert item.source == "ASAT"
    assert item.percent == pytest.approx(5.0)
    assert item.points == 0.0


def test_non_tis_analytes_are_ignored():
    assert most_abnormal_enzyme({"CRP": (90.0, 5.0), "CK": (200.0, 145.0)}) == "CK"
    assert most_abnormal_enzyme({"CRP": (90.0, 5.0)}) is None


def test_enzyme_tie_goes_to_reference_order():
    assert most_abnormal_enzyme({"LD": (650.0, 325.0), "CK": (290.0, 145.0)}) == "CK"


def test_unknown_uln_at_baseline_makes_choice_and_term_missing():
    enzymes = {"CK": (1000.0, 145.0), "ALDOLASE": (30.0, 0.0)}
    assert most_abnormal_enzyme(enzymes) is None
    r = total_improvement_score(with_(BASE, enzymes=enzymes), FOLLOW)
    assert r.missing == ("enzyme",)


def test_followed_enzyme_missing_at_follow_up_makes_term_missing():
    f = with_(FOLLOW, enzymes={"LD": (200.0, 325.0)})  # CK was the most abnormal
    r = total_improvement_score(BASE, f)
    assert r.missing == ("enzyme",)
    assert r.score is None
    item = r.item("enzyme")
    assert item.source == "CK" and item.baseline == 1000.0 and item.follow_up is None
    assert "CK" in item.note


def test_uln_multiple_method_corrects_for_a_change_of_reference_range():
    b = CoreSet(enzymes={"CK": (1000.0, 200.0)})
    f = CoreSet(enzymes={"CK": (500.0, 100.0)})  # value halves, ULN multiple stays 5×
    assert total_improvement_score(b, f).item("enzyme").percent == pytest.approx(50.0)
    item = total_improvement_score(b, f, enzyme_method="uln_multiple").item("enzyme")
    assert item.percent == pytest.approx(0.0)
    assert item.points == 0.0


@given(
    b=st.floats(1, 100_000), f=st.floats(0, 100_000), uln=st.floats(1, 1_000),
)
def test_uln_multiple_equals_relative_when_ulns_are_equal(b, f, uln):
    relative = enzyme_percent_change((b, uln), (f, uln), "relative")
    multiple = enzyme_percent_change((b, uln), (f, uln), "uln_multiple")
    assert multiple == pytest.approx(relative, rel=1e-9, abs=1e-9)


def test_zero_baseline_enzyme_has_no_relative_change():
    assert enzyme_percent_change((0.0, 145.0), (10.0, 145.0)) is None


@pytest.mark.parametrize("method", ["relative", "uln_multiple"])
def test_missing_enzyme_value_gives_no_percent(method):
    missing = (None, 145.0)
    assert enzyme_percent_change((1000.0, 145.0), missing, method) is None
    assert enzyme_percent_change(missing, (500.0, 145.0), method) is None


def test_unknown_enzyme_method_raises():
    with pytest.raises(ValueError):
        total_improvement_score(BASE, FOLLOW, enzyme_method="range")


def test_coreset_copies_the_enzyme_mapping():
    enzymes = {"CK": (1000.0, 145.0)}
    core = CoreSet(enzymes=enzymes)
    enzymes["CK"] = (1.0, 145.0)
    assert core.enzymes["CK"] == (1000.0, 145.0)


# ---------------------------------------------------------------- categories


@pytest.mark.parametrize(
    ("score", "category"),
    [(0, "none"), (29.99, "none"), (30, "minimal"), (44.99, "minimal"), (45, "moderate"),
     (69.99, "moderate"), (70, "major"), (100, "major"), (None, None)],
)
def test_jdm_category_thresholds(score, category):
    assert tis_category(score) == category


def _unchanged(**kw: object) -> tuple[CoreSet, CoreSet]:
    b = CoreSet(phga=10.0, ptga=10.0, mmt8_total=40.0, chaq_di=1.5, extramuscular_ga=4.0,
                enzymes={"CK": (500.0, 145.0)})
    f = with_(b, phga=0.0, ptga=0.0, **kw)  # PhGA 20 + parent 10 = 30
    return b, f


@pytest.mark.parametrize(
    ("changes", "score", "category"),
    [
        ({}, 30.0, "minimal"),
        ({"extramuscular_ga": 1.0}, 45.0, "moderate"),  # 30 % → 15
        ({"mmt8_total": 66.0, "chaq_di": 1.0}, 70.0, "major"),  # 32.5 % → 32.5; 16.7 % → 7.5
    ],
)
def test_category_at_exact_thresholds_through_the_full_score(changes, score, category):
    r = total_improvement_score(*_unchanged(**changes))
    assert r.score == score
    assert r.category == category


# ---------------------------------------------------------------- properties

vas = st.one_of(st.none(), st.floats(0, 10))
enzyme_pair = st.tuples(st.floats(0, 100_000), st.floats(1, 1_000))
core_sets = st.builds(
    CoreSet,
    phga=vas, ptga=vas, extramuscular_ga=vas,
    mmt8_total=st.one_of(st.none(), st.floats(0, 80)),
    cmas_total=st.one_of(st.none(), st.floats(0, 52)),
    chaq_di=st.one_of(st.none(), st.floats(0, 3)),
    das_total=st.one_of(st.none(), st.floats(0, 20)),
    enzymes=st.dictionaries(st.sampled_from(["CK", "ALDOLASE", "ALAT", "ASAT", "LD"]),
                            enzyme_pair, max_size=5),
)


@given(core_sets, core_sets, st.sampled_from(["relative", "uln_multiple"]))
def test_tis_is_within_0_100_and_is_the_sum_of_items(b, f, method):
    r = total_improvement_score(b, f, enzyme_method=method)
    assert 0 <= r.partial_score <= 100
    assert set(r.missing) == {i.name for i in r.items if i.points is None}
    if r.missing:
        assert r.score is None and r.category is None
    else:
        assert r.score is not None and 0 <= r.score <= 100
        assert r.score == sum(i.points for i in r.items)


@given(st.sampled_from(TIS_MEASURES), st.floats(-200, 200), st.floats(-200, 200))
def test_points_are_monotone_in_percent(measure, p1, p2):
    lo, hi = sorted((p1, p2))
    assert tis_points(measure, lo) <= tis_points(measure, hi)


finite = st.floats(-1_000, 1_000)


@given(finite, finite, st.booleans())
def test_improvement_percent_is_antisymmetric(a, b, higher_is_better):
    forward = improvement_percent(a, b, 0, 10, higher_is_better)
    assert forward == -improvement_percent(b, a, 0, 10, higher_is_better)
    assert forward == -improvement_percent(a, b, 0, 10, not higher_is_better)
