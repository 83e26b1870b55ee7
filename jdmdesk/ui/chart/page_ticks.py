"""Tick positions for the printed chart's axes: round linear steps and month starts."""

from __future__ import annotations

import calendar as cal
import math
from datetime import UTC, datetime


def nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(raw))
    return next(m * e for m in (1, 2, 2.5, 5, 10) if m * e >= raw)


def linear_ticks(lo: float, hi: float, most: int) -> list[float]:
    step = nice_step((hi - lo) / most)
    first = math.ceil(lo / step)
    return [round(k * step, 9) for k in range(first, math.floor(hi / step) + 1)]


def date_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Month starts (every n months) for a calendar axis in UTC epoch seconds."""
    a = datetime.fromtimestamp(lo, UTC)
    b = datetime.fromtimestamp(hi, UTC)
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24) if months / s <= 8), 60)
    out = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        x = float(cal.timegm((y, m, 1, 0, 0, 0)))
        if lo <= x <= hi and (m - 1) % step == 0:
            out.append((x, f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
