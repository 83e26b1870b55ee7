"""Tacrolimus safety read-outs: adverse-effect flags and the trough against its target (§6).

Missing values and rounding at cut-points follow :mod:`jdmdesk.domain.rounding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from jdmdesk.domain.blood_pressure import CATEGORIES, CATEGORY_TEXTS, assess_bp
from jdmdesk.domain.rounding import for_compare
from jdmdesk.domain.texts import Message


@dataclass(frozen=True)
class SafetyThresholds:
    """Study-adjustable alert thresholds for tacrolimus adverse effects (§6), canonical units (§5).

    Blood pressure: ``sbp_high``/``dbp_high`` are the adult-style stage 1 cut-offs of the 2017 AAP
    guideline (≥ 130/80 mmHg), used from 13 years and as the cap below it; children of 1 to 12
    years are flagged at the 95th percentile for age, sex and height when that is lower
    (:mod:`jdmdesk.domain.blood_pressure`). A screening flag, not a diagnosis. Glucose thresholds
    are for random glucose.
    """

    potassium_high: float = 5.5  # mmol/L, flag when above
    potassium_low: float = 3.0  # mmol/L, flag when below
    magnesium_low: float = 0.7  # mmol/L, flag when below
    glucose_high: float = 11.0  # mmol/L, flag when above
    glucose_low: float = 3.0  # mmol/L, flag when below
    sbp_high: float = 130.0  # mmHg, flag when at or above
    dbp_high: float = 80.0  # mmHg, flag when at or above

    def __post_init__(self) -> None:
        if not self.potassium_low < self.potassium_high:
            raise ValueError("potassium_low must be below potassium_high")
        if not self.glucose_low < self.glucose_high:
            raise ValueError("glucose_low must be below glucose_high")


DEFAULT_SAFETY_THRESHOLDS: Final = SafetyThresholds()


@dataclass(frozen=True)
class SafetyFlag:
    """One safety alert. ``code`` is stable for programs; ``message`` is for people."""

    code: str
    measure: str
    value: float | None
    threshold: float
    message: str


def _lab_flags(
    measure: str, unit: str, value: float | None, low: float | None, high: float | None,
    low_code: str, high_code: str,
) -> list[SafetyFlag]:
    """Flags of one laboratory value against an optional low and high threshold."""
    if value is None:
        return []
    if high is not None and for_compare(value) > high:
        return [SafetyFlag(high_code, measure, value, high,
                           Message("{measure} {value} {unit} is above {limit} {unit} ({code})",
                                   measure=measure, value=f"{value:g}", unit=unit,
                                   limit=f"{high:g}", code=high_code))]
    if low is not None and for_compare(value) < low:
        return [SafetyFlag(low_code, measure, value, low,
                           Message("{measure} {value} {unit} is below {limit} {unit} ({code})",
                                   measure=measure, value=f"{value:g}", unit=unit,
                                   limit=f"{low:g}", code=low_code))]
    return []


def _bp_flags(sbp: float | None, dbp: float | None, t: SafetyThresholds,
              age_years: int | None, sex: str | None,
              height_cm: float | None) -> list[SafetyFlag]:
    """One hypertension flag (AAP 2017 stage 1 or 2) naming the rule that fired."""
    bp = assess_bp(sbp, dbp, age_years=age_years, sex=sex, height_cm=height_cm,
                   sbp_stage1=t.sbp_high, dbp_stage1=t.dbp_high)
    if bp is None or not bp.hypertension:
        return []
    high_sbp = bp.systolic.category(sbp) >= 2
    shown = f"{_fmt(sbp)}/{_fmt(dbp)} mmHg"
    return [SafetyFlag("hypertension", "blood pressure", sbp if high_sbp else dbp,
                       bp.systolic.stage1 if high_sbp else bp.diastolic.stage1,
                       Message("blood pressure {shown}: {category} \u2014 {reason} {basis}",
                               shown=shown, category=CATEGORY_TEXTS[CATEGORIES.index(bp.category)],
                               reason=bp.reason,
                               basis=bp.basis))]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def safety_flags(
    *,
    potassium: float | None = None,
    magnesium: float | None = None,
    glucose: float | None = None,
    sbp: float | None = None,
    dbp: float | None = None,
    thresholds: SafetyThresholds = DEFAULT_SAFETY_THRESHOLDS,
    age_years: int | None = None,
    sex: str | None = None,
    height_cm: float | None = None,
) -> tuple[SafetyFlag, ...]:
    """Safety flags for known tacrolimus adverse effects (§6); missing inputs give no flag.

    Potassium high / low (hyper-/hypokalaemia), magnesium low (hypomagnesaemia), glucose high /
    low (hyper-/hypoglycaemia), blood pressure high (see :class:`SafetyThresholds`; ``age_years``
    in completed years, ``sex`` and ``height_cm`` on the day of the reading).
    """
    t = thresholds
    flags = [
        *_lab_flags("potassium", "mmol/L", potassium, t.potassium_low, t.potassium_high,
                    "hypokalaemia", "hyperkalaemia"),
        *_lab_flags("magnesium", "mmol/L", magnesium, t.magnesium_low, None,
                    "hypomagnesaemia", ""),
        *_lab_flags("glucose", "mmol/L", glucose, t.glucose_low, t.glucose_high,
                    "hypoglycaemia", "hyperglycaemia"),
        *_bp_flags(sbp, dbp, t, age_years, sex, height_cm),
    ]
    return tuple(flags)


def trough_status(value: float, target_low: float, target_high: float) -> str:
    """Tacrolimus trough against the study's target range (§6 [verify]: a study setting).

    "below", "in_range" (bounds inclusive) or "above". Raises ``ValueError`` when the range is
    reversed.
    """
    if target_low > target_high:
        raise ValueError(f"target range reversed: {target_low} > {target_high}")
    v = for_compare(value)
    if v < target_low:
        return "below"
    if v > target_high:
        return "above"
    return "in_range"
