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
SCHWARTZ_NAME: Final = "bedside Schwartz 2009"
SCHWARTZ_FORMULA: Final = "36.5 × height (cm) / creatinine (µmol/L)"
SCHWARTZ_AGES: Final = (1, 18)  # valid from the 1st to before the 18th birthday (ages 1–17)


def completed_years(birth: date, on: date) -> int:
    """Age in whole years on ``on`` (birthdays on 29 February fall on 1 March)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def schwartz_applies(birth: date | None, on: date) -> bool:
    """Whether bedside Schwartz is valid on ``on``: ages 1–17 (§5). Not for an adult (CKiD U25
    would be the formula from 18 to 25; it is not implemented, so nothing is computed), nor
    without a birth date."""
    if birth is None:
        return False
    low, high = SCHWARTZ_AGES
    return low <= completed_years(birth, on) < high


def _positive(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


def schwartz_egfr(height_cm: float | None, creatinine_umol_per_l: float | None) -> float | None:
    """Bedside Schwartz eGFR, mL/min/1.73 m² = 36.5 × height (cm) / creatinine (µmol/L) (§5).

    Valid for ages 1–17: the caller checks :func:`schwartz_applies` first. ``None`` for
    missing, non-positive or non-finite inputs.
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
