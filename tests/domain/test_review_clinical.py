"""Worked clinical cases of issue 17 part A against domain/review.py (clinical-reference §3-7)."""

from __future__ import annotations

import pytest

from tests.domain.clinical_cases import BASE_VISIT, FOLLOW_VISIT, lab, review, visit


def _tis_case(ck_uln: float | None, *, method: str = "relative", follow_ck_uln: float | None = 145):
    visits = [visit(-3, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -3, 3000, ck_uln), lab("CK", 90, 300, follow_ck_uln),
            lab("ASAT", -3, 60, 30), lab("ASAT", 90, 58, 30)]
    return review(visits, labs, tis_enzyme_method=method).visits[-1].tis


def test_most_abnormal_enzyme_with_its_uln_is_followed():
    tis = _tis_case(145)
    assert tis.item("enzyme").source == "CK" and tis.item("enzyme").points == 7.5
    assert tis.score == 50.0 and tis.category == "moderate"


def test_baseline_enzyme_without_uln_makes_tis_not_computable_and_says_why():
    # before the fix CK was dropped: ASAT followed, 0 points, TIS 42.5 "minimal"
    tis = _tis_case(None)
    assert tis.score is None and tis.category is None
    assert tis.item("enzyme").source is None
    assert "CK" in tis.reason and "reference high" in tis.reason
    assert tis.partial_score == 42.5


@pytest.mark.parametrize("method, computable", [("relative", True), ("uln_multiple", False)])
def test_follow_up_enzyme_without_uln(method, computable):
    tis = _tis_case(145, method=method, follow_ck_uln=None)
    assert (tis.score == 50.0) is computable
    assert tis.item("enzyme").source == "CK"
