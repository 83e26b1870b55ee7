"""Study days and ages (clinical-reference.md §7)."""

from __future__ import annotations

from datetime import date


def to_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def study_day(day: str | date, tacrolimus_start: str | date | None) -> int | None:
    """Days since the start of the first tacrolimus segment (day 0); negative before it."""
    d, start = to_date(day), to_date(tacrolimus_start)
    if d is None or start is None:
        return None
    return (d - start).days


def age_years(birth: str | date | None, on: str | date | None) -> float | None:
    """Age in years with one decimal, as exports report it."""
    b, d = to_date(birth), to_date(on)
    if b is None or d is None:
        return None
    return round((d - b).days / 365.25, 1)
