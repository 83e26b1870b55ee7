"""Plausibility of height and weight across a patient's visits (soft warnings).

A child's height does not fall: a measured height more than ``HEIGHT_DROP_CM`` below the
previous visit's is flagged (2 cm allows for measuring error: stadiometer, posture, shoes).
Weight may change quickly on high-dose steroids, but a change of more than
``WEIGHT_CHANGE_PER_MONTH`` (10 %) of the previous visit's weight per month is flagged; visits
less than a month apart are held to the same 10 % (a kg typed as a lb, a digit dropped).
Both compare with the latest earlier visit that has the measure, and name it in the warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jdmdesk.domain.parse import format_number
from jdmdesk.domain.texts import Message

HEIGHT_DROP_CM = 2.0
WEIGHT_CHANGE_PER_MONTH = 0.10
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Measured:
    """One earlier visit's date, weight (kg) and height (cm)."""

    visit_date: date
    weight_kg: float | None = None
    height_cm: float | None = None


def _previous(on: date, earlier: Sequence[Measured], attr: str) -> Measured | None:
    before = [m for m in earlier if m.visit_date < on and getattr(m, attr) is not None]
    return max(before, key=lambda m: m.visit_date, default=None)


def height_warning(on: date, height_cm: float, earlier: Sequence[Measured]) -> str | None:
    prev = _previous(on, earlier, "height_cm")
    if prev is None or prev.height_cm is None:
        return None
    if height_cm < prev.height_cm - HEIGHT_DROP_CM:
        return Message("height fell from {before} cm at the visit of {date} to {now} cm (more "
                       "than {limit} cm): please confirm", before=format_number(prev.height_cm),
                       date=prev.visit_date.isoformat(), now=format_number(height_cm),
                       limit=format_number(HEIGHT_DROP_CM))
    return None


def weight_warning(on: date, weight_kg: float, earlier: Sequence[Measured]) -> str | None:
    prev = _previous(on, earlier, "weight_kg")
    if prev is None or not prev.weight_kg:
        return None
    months = max((on - prev.visit_date).days / DAYS_PER_MONTH, 1.0)
    change = (weight_kg - prev.weight_kg) / prev.weight_kg
    if abs(change) / months > WEIGHT_CHANGE_PER_MONTH:
        return Message("weight changed from {before} kg at the visit of {date} by {change} in "
                       "{days} days (more than {limit} per month): please confirm",
                       before=format_number(prev.weight_kg), date=prev.visit_date.isoformat(),
                       change=f"{change:+.0%}", days=(on - prev.visit_date).days,
                       limit=f"{WEIGHT_CHANGE_PER_MONTH:.0%}")
    return None


def growth_warnings(on: date | None, weight_kg: float | None, height_cm: float | None,
                    earlier: Sequence[Measured]) -> dict[str, str]:
    """Warnings by field name (``weight_kg``, ``height_cm``) for a visit on ``on``."""
    if on is None or not earlier:
        return {}
    out = {}
    if height_cm is not None and (w := height_warning(on, height_cm, earlier)):
        out["height_cm"] = w
    if weight_kg is not None and (w := weight_warning(on, weight_kg, earlier)):
        out["weight_kg"] = w
    return out
