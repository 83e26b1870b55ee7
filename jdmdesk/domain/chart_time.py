"""The enzyme chart's time axis (clinical-reference.md §7): study days since the start of the
first systemic tacrolimus segment (day 0), or calendar dates as UTC epoch seconds for a patient
without tacrolimus; and the months shown along the top (pure, no Qt)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class TimeBase:
    """Maps dates to chart x: study days when there is a tacrolimus start, else epoch seconds."""

    day0: date | None

    @property
    def calendar(self) -> bool:
        return self.day0 is None

    def x(self, d: date) -> float:
        if self.day0 is None:
            return float(calendar.timegm(d.timetuple()))
        return float((d - self.day0).days)

    def day(self, d: date) -> int | None:
        return None if self.day0 is None else (d - self.day0).days


def month_label(day: float) -> str:
    """'3 mo' for a study day near a month boundary (for the months axis)."""
    months = day / DAYS_PER_MONTH
    return f"{months:.0f} mo" if abs(months - round(months)) < 0.05 else f"{months:.1f} mo"
