"""Tests of jdmdesk.domain.printo (clinically inactive disease) against clinical-reference.md §4."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain.printo import printo_inactive

# ---------------------------------------------------------------- §4 PRINTO


def test_printo_three_of_four_met_is_inactive():
    r = printo_inactive(ck_u_per_l=100.0, cmas_total=50.0, mmt8_total=79.0, phga=0.5)
    assert r.status == "inactive"
    assert (r.n_available, r.n_met) == (4, 3)
    assert [c.status for c in r.criteria] == ["met", "met", "met", "not met"]
    assert [c.name for c in r.criteria] == ["ck", "cmas", "mmt8", "phga"]


def test_printo_three_available_all_met_is_inactive():
    r = printo_inactive(ck_u_per_l=None, cmas_total=50.0, mmt8_total=79.0, phga=0.0)
    assert r.status == "inactive"
    assert r.criteria[0].status == "missing" and r.criteria[0].met is None


def test_printo_two_available_is_not_evaluable_even_if_both_met():
    r = printo_inactive(ck_u_per_l=None, cmas_total=None, mmt8_total=80.0, phga=0.0)
    assert r.status == "not_evaluable"
    assert (r.n_available, r.n_met) == (2, 2)


def test_printo_two_available_none_met_is_still_not_evaluable():
    r = printo_inactive(ck_u_per_l=None, cmas_total=None, mmt8_total=60.0, phga=3.0)
    assert r.status == "not_evaluable"


def test_printo_four_available_two_met_is_active():
    r = printo_inactive(ck_u_per_l=100.0, cmas_total=40.0, mmt8_total=70.0, phga=0.1)
    assert r.status == "active"
    assert (r.n_available, r.n_met) == (4, 2)


def test_printo_three_available_two_met_is_not_evaluable():
    r = printo_inactive(ck_u_per_l=100.0, cmas_total=None, mmt8_total=70.0, phga=0.1)
    assert r.status == "not_evaluable"
    assert (r.n_available, r.n_met) == (3, 2)


def test_printo_three_available_one_met_is_active():
    r = printo_inactive(ck_u_per_l=100.0, cmas_total=None, mmt8_total=70.0, phga=1.0)
    assert r.status == "active"


def test_printo_ck_converted_from_2_5_ukat_is_on_the_boundary_and_met():
    r = printo_inactive(ck_u_per_l=2.5 * 60, cmas_total=None, mmt8_total=None, phga=None)
    assert r.criteria[0].status == "met"
    assert printo_inactive(150.1, None, None, None).criteria[0].status == "not met"


@pytest.mark.parametrize(
    ("args", "index", "status"),
    [
        ((None, 48.0, None, None), 1, "met"),
        ((None, 47.0, None, None), 1, "not met"),
        ((None, None, 78.0, None), 2, "met"),
        ((None, None, 77.9, None), 2, "not met"),
        ((None, None, None, 0.2), 3, "met"),
        ((None, None, None, 0.1 * 3 - 0.1), 3, "met"),  # 0.20000000000000004
        ((None, None, None, 0.3), 3, "not met"),
    ],
)
def test_printo_criterion_boundaries(args, index, status):
    assert printo_inactive(*args).criteria[index].status == status


@given(st.tuples(*(st.one_of(st.none(), st.floats(0, 200)) for _ in range(4))))
def test_printo_status_is_consistent(args):
    r = printo_inactive(*args)
    missing = 4 - r.n_available
    assert r.n_available == sum(a is not None for a in args)
    assert (r.status == "inactive") == (r.n_met >= 3)
    if r.status == "active":
        assert r.n_available >= 3 and r.n_met + missing < 3
    if r.status == "not_evaluable":
        assert r.n_available < 3 or r.n_met + missing >= 3


