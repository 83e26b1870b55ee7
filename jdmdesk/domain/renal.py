"""Kidney function: bedside Schwartz eGFR (2009) and its trend (clinical-reference.md §5).

Missing values and rounding at cut-points follow :mod:`jdmdesk.domain.rounding`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Final

from jdmdesk.domain.rounding import for_compare

SCHWARTZ_K_UMOL: Final = 36.5
EGFR_STABLE_FRACTION: Final = 0.10


def _positive(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


def schwartz_egfr(height_cm: float | None, creatinine_umol_per_l: float | None) -> float | None:
    """Bedside Schwartz eGFR, mL/min/1.73 m² = 36.5 × height (cm) / creatinine (µmol/L) (§5).

    Valid for ages 1–17 (the caller decides on age). ``None`` for missing, non-positive or
    non-finite inputs.
    """
    if height_cm is None or creatinine_umol_per_l is None:
        return None
    if not (_positive(height_cm) and _positive(creatinine_umol_per_l)):
        return None
    return SCHWARTZ_K_UMOL * height_cm / creatinine_umol_per_l


def egfr_trend(points: Sequence[tuple[date, float]]) -> str:
    """Trend of eGFR between the earliest and the latest point (§5).

    "stable" when the change is less than 10 % of the first value, else "rising" or "falling";
    "insufficient data" with fewer than 2 usable points. Points are ordered by date (the input
    order is kept for equal dates); points with a missing or non-positive value are ignored.
    """
    usable = sorted((p for p in points if _positive(p[1])), key=lambda p: p[0])
    if len(usable) < 2:
        return "insufficient data"
    first, last = usable[0][1], usable[-1][1]
    change = (last - first) / first
    if abs(for_compare(change)) < EGFR_STABLE_FRACTION:
        return "stable"
    return "rising" if change > 0 else "falling"
