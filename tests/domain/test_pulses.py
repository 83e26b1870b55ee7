"""IV steroid pulses against the daily prednisolone equivalent (issue 17 A3, clinical-reference §6).

Pulses are IV methylprednisolone ≥ 10 mg/kg or ≥ 250 mg per dose, given as 1–5 daily doses; they
are reported apart. Every other IV steroid dose counts in the daily prednisolone equivalent.
"""

from __future__ import annotations

import pytest

from jdmdesk.domain import medication as med
from jdmdesk.domain.chart_series import TimeBase, build_chart, prednisolone_steps
from tests.domain.clinical_cases import BASE_VISIT, FOLLOW_VISIT, day, review, tacrolimus, visit


def _seg(drug: str, route: str, dose: float, start: int, end: int | None, unit: str = "mg",
         frequency: str = "od") -> med.Segment:
    return med.Segment(drug, route, dose, unit, frequency, day(start), None if end is None
                       else day(end))


def _values(seg: med.Segment) -> dict[str, object]:
    return {"drug": seg.drug, "route": seg.route, "dose_amount": seg.dose_amount,
            "dose_unit": seg.dose_unit, "frequency": seg.frequency,
            "start_date": seg.start.isoformat(),
            "end_date": None if seg.end is None else seg.end.isoformat()}


PRED = _seg("prednisolone", "oral", 20, 0, None)
IV_MP_40 = _seg("methylprednisolone", "iv", 40, 20, 24)  # the worked case: not a pulse
PULSE = _seg("methylprednisolone", "iv", 500, 30, 32)
WEIGHTS = [(day(-10), 30.0)]


def test_iv_methylprednisolone_40_mg_daily_counts_in_the_daily_dose():
    # before the fix every IV steroid was a "pulse": days 20–24 showed 20 mg, not 70
    assert not med.is_pulse_dose(IV_MP_40, 30.0)
    assert med.pred_eq_on(day(22), [PRED, IV_MP_40], WEIGHTS) == 20 + 40 * 1.25
    total = med.cumulative_pred_eq_mg([PRED, IV_MP_40], WEIGHTS, day(0), day(29))
    assert total == 30 * 20 + 5 * 50
    steps = prednisolone_steps([PRED, IV_MP_40], WEIGHTS, day(29), TimeBase(day(0)))
    assert (day(20), day(25), pytest.approx(70 / 30)) in steps.runs


@pytest.mark.parametrize("seg, weight, pulse", [
    (PULSE, 30.0, True),                                                        # ≥ 250 mg
    (_seg("methylprednisolone", "iv", 200, 1, 1), 20.0, True),                  # 10 mg/kg
    (_seg("methylprednisolone", "iv", 200, 1, 1), 25.0, False),                 # 8 mg/kg
    (_seg("methylprednisolone", "iv", 30, 1, 3, unit="mg/kg"), None, True),
    (_seg("methylprednisolone", "iv", 1, 1, None, unit="g", frequency="once"), None, True),
    (_seg("methylprednisolone", "iv", 500, 1, 6), 30.0, False),                 # 6 daily doses
    (_seg("methylprednisolone", "iv", 500, 1, None), 30.0, False),              # no end: not 1–5
    (_seg("methylprednisolone", "oral", 500, 1, 3), 30.0, False),
    (_seg("dexamethasone", "iv", 300, 1, 1), 30.0, False),
])
def test_pulse_rule(seg, weight, pulse):
    assert med.is_pulse_dose(seg, weight) is pulse
    assert (med.pred_equivalent_mg_day(seg, weight) is None) is pulse


def test_pulses_are_reported_apart_with_count_total_and_dates():
    meds = [tacrolimus(0), _values(PRED), _values(IV_MP_40), _values(PULSE)]
    visits = [visit(-3, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    rv = review(visits, [], meds, today=day(40))
    assert rv.pulses == (med.PulseCourse(day(30), day(32), 3, 500.0, 1500.0),)
    # the pulse is not in the daily dose; the IV 40 mg is
    assert rv.steroids.cumulative_mg == 41 * 20 + 5 * 50
    from jdmdesk.domain.review import pulse_text
    text = pulse_text(rv.pulses)
    assert "3 doses" in text and "1500 mg" in text and day(30).isoformat() in text
    chart = build_chart(None, [], [med.Segment.from_values(m) for m in meds], WEIGHTS)
    assert chart.pulses == rv.pulses


def test_a_single_non_pulse_dose_counts_on_its_day_only():
    once = _seg("dexamethasone", "iv", 3, 5, None, frequency="once")
    assert med.pred_eq_on(day(5), [once], WEIGHTS) == pytest.approx(3 * 6.67)
    assert med.pred_eq_on(day(6), [once], WEIGHTS) == 0
    assert med.cumulative_pred_eq_mg([once], WEIGHTS, day(0), day(30)) == pytest.approx(20.01)
