"""Study days and ages (clinical-reference.md §7)."""

from __future__ import annotations

from collections.abc import Iterable
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


def last_record_date(*dates: Iterable[str | date | None]) -> date | None:
    """The latest of the given record dates (visits, lab samples): where a patient's data ends."""
    known = [d for group in dates for v in group if (d := to_date(v)) is not None]
    return max(known) if known else None


def follow_up_days(start: str | date | None, last_record: str | date | None) -> int | None:
    """Days from ``start`` (tacrolimus day 0) to the last record, never to today; None when
    either is unknown or the data end before the start."""
    days = study_day(last_record, start) if last_record is not None else None
    return None if days is None or days < 0 else days


def completed_years(birth: str | date | None, on: str | date | None) -> int | None:
    """Whole years of age on a day (birthdays counted by the calendar), as age tables use."""
    b, d = to_date(birth), to_date(on)
    if b is None or d is None:
        return None
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))
