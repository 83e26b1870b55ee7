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
