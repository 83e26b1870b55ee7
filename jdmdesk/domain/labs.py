"""One laboratory result as every reader sees it, and its one conversion to canonical units (§5).

A result is stored as entered (value, unit and the lab's reference range in that unit) together
with ``value_canonical``, the value in the analyte's canonical unit, computed once at save time
with :meth:`Analyte.to_canonical`. The upper limit of normal (ULN) is the result's own
``ref_high``; :func:`uln_canonical` is the only place it is converted to the canonical unit and
:func:`uln_multiple` the only place a value is divided by it. The chart, the physician's review
and the export all read results through :class:`LabResult` or these two functions.

A ULN multiple has no unit, so it is taken in the unit the lab reported (``value / ref_high``):
that is exactly the canonical value over the canonical ULN, without the rounding noise of
converting both, and so the export's three-decimal multiple does not depend on the unit.

Reference limits are checked at entry by :func:`reference_limit_problems`, the one rule for the
lab form and the study's default ranges (issue 15): in canonical units, the ULN lies between
1/1000 and 1000 times the analyte's typical ULN (its default ``ref_high``, §5), the lower limit
is not negative and below the ULN. A value stored before that rule (or written around it) can
still hold a limit such as ``1e-320``; :func:`uln_multiple` then gives ``None``, never ``inf``
or ``NaN``, so no reader and no export sees a number that is not finite.

Censored results (issue 17 A7): a lab reports ``<5`` below its limit of quantification and
``>2000`` above its measurable range. The value stored is the limit (5, 2000) and ``censored``
keeps the flag (``'<'`` or ``'>'``) beside it; every reader shows the two together
(:func:`value_text`) and every export writes them as two columns (``value``, ``censored``).
In scores the limit is used as the value, which is conservative for the questions the study
asks: a ``<x`` result is taken as x (at least as abnormal as it can have been, so a ULN multiple
and a TIS improvement are never overstated) and a ``>x`` result as x (a baseline above the
range counts no higher than its limit, so an improvement from it is never overstated either).
Such a score is marked as resting on a censored result (:attr:`LabResult.censored`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.parse import FieldError, format_number, split_censored
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import to_date

ULN_BOUND_FACTOR: Final = 1000.0  # a lab's ULN within 1/1000 and 1000 times the typical ULN


def uln_canonical(analyte: str, unit: str, ref_high: float | None) -> float | None:
    """The upper limit of normal ``ref_high`` (in ``unit``) in the analyte's canonical unit.

    ``None`` when there is no usable ULN: none reported, not positive, or an analyte or unit
    the catalogue does not know (no conversion exists, so none is guessed).
    """
    if ref_high is None or not math.isfinite(ref_high) or ref_high <= 0:
        return None
    a = ANALYTES.get(analyte)
    if a is None or not a.accepts(unit):
        return None
    uln = a.to_canonical(ref_high, unit)
    return uln if math.isfinite(uln) and uln > 0 else None


def limit_canonical(analyte: str, unit: str, limit: float | None) -> float | None:
    """A reference limit (``ref_low`` or ``ref_high``, in ``unit``) in the analyte's canonical
    unit, by the same conversion as the value; ``None`` without a finite limit or for an
    analyte or unit the catalogue does not know. Unlike :func:`uln_canonical` it does not judge
    whether the limit is usable as a ULN (a lower limit of 0 converts to 0)."""
    if limit is None or not math.isfinite(limit):
        return None
    a = ANALYTES.get(analyte)
    if a is None or not a.accepts(unit):
        return None
    converted = a.to_canonical(limit, unit)
    return converted if math.isfinite(converted) else None


def uln_multiple(value: float, analyte: str, unit: str, ref_high: float | None) -> float | None:
    """``value`` (in ``unit``) as a multiple of the result's own ULN ``ref_high`` (in the same
    unit); ``None`` when :func:`uln_canonical` finds no usable ULN or the quotient is not a
    finite number (a stored limit such as ``1e-320`` would give ``inf``)."""
    if ref_high is None or uln_canonical(analyte, unit, ref_high) is None:
        return None
    multiple = value / ref_high
    return multiple if math.isfinite(multiple) else None


def plausible_uln(analyte: str) -> tuple[float, float]:
    """The range, in the canonical unit, that a lab's upper limit of normal for ``analyte``
    must lie in: 1/1000 to 1000 times the analyte's typical ULN (its default ``ref_high``)."""
    typical = ANALYTES[analyte].default_ref_high
    assert typical is not None and typical > 0, f"{analyte} has no typical ULN"
    return typical / ULN_BOUND_FACTOR, typical * ULN_BOUND_FACTOR


def reference_limit_problems(analyte: str, unit: str, ref_low: object,
                             ref_high: object) -> dict[str, str]:
    """Why a reference range (limits in ``unit``) cannot be stored, per limit (``ref_low``,
    ``ref_high``); empty when it can. A limit of ``None`` is not reported. The analyte and
    unit must be known to the catalogue (callers check those first)."""
    try:
        return dict(_limit_problems(analyte, unit, ref_low, ref_high))
    except TypeError:  # an unhashable limit (never from a form or a file): check it as it is
        return _reference_limit_problems(analyte, unit, ref_low, ref_high)


@lru_cache(maxsize=1024, typed=True)  # typed: 0, 0.0 and False are different limits
def _limit_problems(analyte: str, unit: str, ref_low: object,
                    ref_high: object) -> tuple[tuple[str, str], ...]:
    """Cached: an imported file repeats the same few ranges for thousands of rows."""
    return tuple(_reference_limit_problems(analyte, unit, ref_low, ref_high).items())


def _reference_limit_problems(analyte: str, unit: str, ref_low: object,
                              ref_high: object) -> dict[str, str]:
    a = ANALYTES[analyte]
    low, high = plausible_uln(analyte)
    problems: dict[str, str] = {}
    numbers: dict[str, float] = {}
    for name, limit in (("ref_low", ref_low), ("ref_high", ref_high)):
        if limit is None:
            continue
        if isinstance(limit, bool) or not isinstance(limit, (int, float)) \
                or not math.isfinite(limit):
            problems[name] = Message("a reference limit must be a number")
            continue
        numbers[name] = float(limit)
        canonical = a.to_canonical(float(limit), unit)
        if canonical < 0:
            problems[name] = Message("a reference limit cannot be negative")
        elif name == "ref_high" and canonical <= 0:
            problems[name] = Message("the upper limit of normal must be above 0")
        elif canonical > high or (name == "ref_high" and canonical < low):
            lo = format_number(a.from_canonical(low, unit)) if name == "ref_high" else "0"
            hi = format_number(a.from_canonical(high, unit))
            problems[name] = Message("implausible for {code}: must be {low}–{high} {unit}",
                                     code=a.code, low=lo, high=hi, unit=unit)
    if not problems and len(numbers) == 2 and numbers["ref_high"] <= numbers["ref_low"]:
        problems["ref_high"] = Message("upper limit must be above the lower limit")
    return problems


def value_text(value: float | None, censored: str | None) -> str:
    """A stored value as people read it: ``'<5'`` for a censored result, else the number."""
    if value is None:
        return ""
    return f"{censored or ''}{format_number(value)}"


def split_censored_draft(draft: Mapping[str, str | None]
                         ) -> tuple[dict[str, str | None], str | None]:
    """The lab form's (and the import's) draft with a ``<``/``>`` typed before the value moved
    into the ``censored`` field; and why that cannot be done (or None). The one place where a
    typed ``<5`` becomes value 5 with flag ``'<'``."""
    out = dict(draft)
    value = draft.get("value")
    given = (draft.get("censored") or "").strip() or None
    if value is None or not value.strip():
        if given is not None:
            return out, Message("a censored result needs its limit as the value, e.g. <5")
        return out, None
    try:
        flag, rest = split_censored(value)
    except FieldError as err:
        return out, err.message
    if flag is None:
        return out, None
    if not rest.strip():
        return out, Message("give the limit after '{flag}', e.g. {flag}5", flag=flag)
    if given is not None and given != flag:
        return out, Message("the value says '{flag}' but the censoring flag is '{given}'",
                           flag=flag, given=given)
    out["value"], out["censored"] = rest, flag
    return out, None


@dataclass(frozen=True)
class LabResult:
    """One laboratory result: value and range as entered, plus the canonical value."""

    record_id: str
    analyte: str
    sample_date: date
    value: float
    unit: str
    value_canonical: float
    ref_low: float | None = None
    ref_high: float | None = None
    sample_time: str | None = None
    censored: str | None = None  # '<' or '>': the value is a limit of the method

    @classmethod
    def from_values(cls, v: Mapping[str, Any]) -> LabResult:
        """From a stored lab row's values (``id`` optional; dates as ISO text or ``date``)."""
        sample_date = to_date(v["sample_date"])
        if sample_date is None:
            raise ValueError("a lab result needs a sample date")
        return cls(str(v.get("id") or ""), v["analyte"], sample_date, float(v["value"]),
                   v["unit"], float(v["value_canonical"]), v.get("ref_low"), v.get("ref_high"),
                   v.get("sample_time"), v.get("censored") or None)

    @property
    def value_text(self) -> str:
        """``'<5'`` for a censored result, else the number."""
        return value_text(self.value, self.censored)

    @property
    def uln_canonical(self) -> float | None:
        """This result's own upper limit of normal in the canonical unit (None if unknown)."""
        return uln_canonical(self.analyte, self.unit, self.ref_high)

    @property
    def uln_multiple(self) -> float | None:
        """The value as a multiple of this result's own ULN (None if unknown)."""
        return uln_multiple(self.value, self.analyte, self.unit, self.ref_high)
