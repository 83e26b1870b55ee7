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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.timeline import to_date


def uln_canonical(analyte: str, unit: str, ref_high: float | None) -> float | None:
    """The upper limit of normal ``ref_high`` (in ``unit``) in the analyte's canonical unit.

    ``None`` when there is no usable ULN: none reported, not positive, or an analyte or unit
    the catalogue does not know (no conversion exists, so none is guessed).
    """
    if ref_high is None or ref_high <= 0:
        return None
    a = ANALYTES.get(analyte)
    if a is None or not a.accepts(unit):
        return None
    return a.to_canonical(ref_high, unit)


def uln_multiple(value: float, analyte: str, unit: str, ref_high: float | None) -> float | None:
    """``value`` (in ``unit``) as a multiple of the result's own ULN ``ref_high`` (in the same
    unit); ``None`` when :func:`uln_canonical` finds no usable ULN."""
    if ref_high is None or uln_canonical(analyte, unit, ref_high) is None:
        return None
    return value / ref_high


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

    @classmethod
    def from_values(cls, v: Mapping[str, Any]) -> LabResult:
        """From a stored lab row's values (``id`` optional; dates as ISO text or ``date``)."""
        sample_date = to_date(v["sample_date"])
        if sample_date is None:
            raise ValueError("a lab result needs a sample date")
        return cls(str(v.get("id") or ""), v["analyte"], sample_date, float(v["value"]),
                   v["unit"], float(v["value_canonical"]), v.get("ref_low"), v.get("ref_high"),
                   v.get("sample_time"))

    @property
    def uln_canonical(self) -> float | None:
        """This result's own upper limit of normal in the canonical unit (None if unknown)."""
        return uln_canonical(self.analyte, self.unit, self.ref_high)

    @property
    def uln_multiple(self) -> float | None:
        """The value as a multiple of this result's own ULN (None if unknown)."""
        return uln_multiple(self.value, self.analyte, self.unit, self.ref_high)
