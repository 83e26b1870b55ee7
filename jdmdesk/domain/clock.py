"""The one clock of the app: injected from the composition root into every service and into the
window's idle auto-lock, so tests move time instead of waiting for it.

``now()`` is the instant (aware, UTC) for stamps and lockouts; ``today()`` the calendar date the
user lives in (validation's "date in the future", ages, overdue visits); ``monotonic()`` seconds
for measuring idle time, which must not jump when the wall clock is changed.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def today(self) -> date:
        """Today's calendar date for the person at the computer."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go backwards."""
        ...


class SystemClock:
    """The computer's clock (local calendar date, UTC instants, monotonic seconds)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().date()

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK = SystemClock()


class FixedClock:
    """A clock that stands still until it is set or advanced (tests, reproducible runs).

    ``today()`` is the UTC date of ``now()``; ``monotonic()`` counts the time advanced.
    """

    def __init__(self, now: datetime) -> None:
        self._now = _aware_utc(now)
        self._monotonic = 0.0

    @classmethod
    def on(cls, day: date, hour: int = 12) -> FixedClock:
        """Noon UTC (by default) of ``day``."""
        return cls(datetime(day.year, day.month, day.day, hour, tzinfo=UTC))

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, delta: timedelta | None = None, *, seconds: float = 0,
                minutes: float = 0) -> None:
        step = (delta or timedelta()) + timedelta(seconds=seconds, minutes=minutes)
        if step < timedelta():
            raise ValueError("a clock advances forwards: use set() to go back")
        self._now += step
        self._monotonic += step.total_seconds()

    def set(self, now: datetime) -> None:
        """Jump the wall clock (as a user or NTP may); monotonic time does not move."""
        self._now = _aware_utc(now)


def _aware_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("a clock needs a timezone-aware datetime")
    return moment.astimezone(UTC)
