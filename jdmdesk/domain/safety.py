"""Safety read-outs under tacrolimus: kidney function, electrolytes, glucose, blood pressure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


def schwartz_egfr(height_cm: float | None, creatinine_umol_l: float | None) -> float | None:
    """Bedside Schwartz 2009: 36.5 × height (cm) / creatinine (µmol/L), mL/min/1.73 m² (§5)."""
    if not height_cm or not creatinine_umol_l or height_cm <= 0 or creatinine_umol_l <= 0:
        return None
    return 36.5 * height_cm / creatinine_umol_l


def egfr_trend(points: Sequence[tuple[date, float]]) -> str:
    """'rising', 'falling', 'stable' (<10 % change first to last) or 'insufficient data'."""
    if len(points) < 2:
        return "insufficient data"
    ordered = sorted(points)
    first, last = ordered[0][1], ordered[-1][1]
    change = (last - first) / first if first else 0.0
    if abs(change) < 0.10:
        return "stable"
    return "rising" if change > 0 else "falling"


@dataclass(frozen=True)
class SafetyThresholds:
    """Study-adjustable defaults. Blood pressure uses a simple paediatric stage-1 cut-off."""

    potassium_high: float = 5.5
    potassium_low: float = 3.0
    magnesium_low: float = 0.7
    glucose_high: float = 11.0
    glucose_low: float = 3.0
    sbp_high: float = 130
    dbp_high: float = 80


@dataclass(frozen=True)
class SafetyFlag:
    measure: str
    message: str


def safety_flags(*, potassium: float | None = None, magnesium: float | None = None,
                 glucose: float | None = None, sbp: float | None = None,
                 dbp: float | None = None,
                 t: SafetyThresholds = SafetyThresholds()) -> tuple[SafetyFlag, ...]:
    flags = []
    if potassium is not None and potassium > t.potassium_high:
        flags.append(SafetyFlag("K", f"hyperkalaemia: K {potassium:g} mmol/L"))
    if potassium is not None and potassium < t.potassium_low:
        flags.append(SafetyFlag("K", f"hypokalaemia: K {potassium:g} mmol/L"))
    if magnesium is not None and magnesium < t.magnesium_low:
        flags.append(SafetyFlag("MG", f"hypomagnesaemia: Mg {magnesium:g} mmol/L"))
    if glucose is not None and glucose > t.glucose_high:
        flags.append(SafetyFlag("GLUCOSE", f"hyperglycaemia: glucose {glucose:g} mmol/L"))
    if glucose is not None and glucose < t.glucose_low:
        flags.append(SafetyFlag("GLUCOSE", f"hypoglycaemia: glucose {glucose:g} mmol/L"))
    if (sbp is not None and sbp >= t.sbp_high) or (dbp is not None and dbp >= t.dbp_high):
        flags.append(SafetyFlag("BP", f"high blood pressure: {sbp or '–'}/{dbp or '–'} mmHg"))
    return tuple(flags)


def trough_status(value: float, target_low: float, target_high: float) -> str:
    if value < target_low:
        return "below"
    if value > target_high:
        return "above"
    return "in_range"
