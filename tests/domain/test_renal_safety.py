"""Tests of jdmdesk.domain.renal and jdmdesk.domain.safety against clinical-reference.md §5-§6."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jdmdesk.domain.renal import egfr_trend, schwartz_egfr
from jdmdesk.domain.safety import (
    DEFAULT_SAFETY_THRESHOLDS,
    SafetyThresholds,
    safety_flags,
    trough_status,
)

# ---------------------------------------------------------------- §5 kidney


def test_schwartz_reference_value():
    assert schwartz_egfr(140, 50) == pytest.approx(102.2)


@pytest.mark.parametrize(("height", "creat"), [(None, 50), (140, None), (0, 50), (140, 0),
                                               (-140, 50), (140, -5)])
def test_schwartz_missing_or_nonpositive_is_none(height, creat):
    assert schwartz_egfr(height, creat) is None


D = [date(2026, 1, 1) + timedelta(days=30 * i) for i in range(4)]


@pytest.mark.parametrize(
    ("points", "trend"),
    [
        ([], "insufficient data"),
        ([(D[0], 100.0)], "insufficient data"),
        ([(D[0], 100.0), (D[1], 120.0)], "rising"),
        ([(D[0], 100.0), (D[1], 80.0)], "falling"),
        ([(D[0], 100.0), (D[1], 109.9)], "stable"),
        ([(D[0], 100.0), (D[1], 90.1)], "stable"),
        ([(D[0], 100.0), (D[1], 110.0)], "rising"),  # exactly 10 % is not "less than 10 %"
        ([(D[0], 100.0), (D[1], 90.0)], "falling"),
        ([(D[0], 100.0), (D[1], 60.0), (D[2], 102.0)], "stable"),  # first vs last only
        ([(D[1], 80.0), (D[0], 100.0)], "falling"),  # ordered by date, not input order
    ],
)
def test_egfr_trend(points, trend):
    assert egfr_trend(points) == trend


# ---------------------------------------------------------------- safety flags


@pytest.mark.parametrize(
    ("kwargs", "codes"),
    [
        ({}, []),
        ({"potassium": 5.6}, ["hyperkalaemia"]),
        ({"potassium": 5.5}, []),
        ({"potassium": 3.0}, []),
        ({"potassium": 2.9}, ["hypokalaemia"]),
        ({"magnesium": 0.69}, ["hypomagnesaemia"]),
        ({"magnesium": 0.7}, []),
        ({"magnesium": 5.0}, []),
        ({"glucose": 11.1}, ["hyperglycaemia"]),
        ({"glucose": 11.0}, []),
        ({"glucose": 2.9}, ["hypoglycaemia"]),
        ({"sbp": 130.0}, ["hypertension"]),
        ({"dbp": 80.0}, ["hypertension"]),
        ({"sbp": 129.0, "dbp": 79.0}, []),
        ({"sbp": 140.0, "dbp": 90.0}, ["hypertension"]),  # one flag for both
        ({"potassium": 6.0, "magnesium": 0.5, "glucose": 12.0, "sbp": 135.0},
         ["hyperkalaemia", "hypomagnesaemia", "hyperglycaemia", "hypertension"]),
    ],
)
def test_safety_flags_default_thresholds(kwargs, codes):
    assert [f.code for f in safety_flags(**kwargs)] == codes


def test_safety_flag_messages_name_the_value_and_limit():
    (flag,) = safety_flags(potassium=6.1)
    assert "6.1" in flag.message and "5.5" in flag.message and "potassium" in flag.message
    (bp,) = safety_flags(sbp=None, dbp=85.0)
    assert "—/85" in bp.message


def test_safety_thresholds_are_adjustable():
    study = SafetyThresholds(sbp_high=140.0, dbp_high=90.0, potassium_high=6.0)
    assert safety_flags(sbp=135.0, dbp=85.0, potassium=5.8, thresholds=study) == ()
    assert DEFAULT_SAFETY_THRESHOLDS.sbp_high == 130.0


def test_safety_thresholds_reject_reversed_limits():
    with pytest.raises(ValueError):
        SafetyThresholds(potassium_low=6.0, potassium_high=5.0)


@pytest.mark.parametrize(
    ("value", "status"),
    [(4.9, "below"), (5.0, "in_range"), (7.5, "in_range"), (10.0, "in_range"), (10.1, "above")],
)
def test_trough_status(value, status):
    assert trough_status(value, 5.0, 10.0) == status


def test_trough_status_rejects_reversed_range():
    with pytest.raises(ValueError):
        trough_status(7.0, 10.0, 5.0)


