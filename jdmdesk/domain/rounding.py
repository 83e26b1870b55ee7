"""Rounding before a threshold comparison, shared by every clinical cut-point (§3-§6).

Conventions of the score modules (``tis``, ``printo``, ``renal``, ``safety``):

* ``None`` means *missing*. It is never read as 0 and never replaced by a guess: a result that
  needs a missing value is itself ``None`` (or "missing" / "not_evaluable"), and the result says
  which input was missing.
* Threshold comparisons are made after rounding to :data:`COMPARE_DECIMALS` decimals, so that a
  value that is exactly on a cut-point on paper (15 % computed as ``100 * 1.5 / 10``, CK 150 U/L
  converted from 2.5 µkat/L) lands on the side the reference says, not on the side that binary
  floating point happens to produce.
"""

from __future__ import annotations

from typing import Final

COMPARE_DECIMALS: Final = 6


def for_compare(value: float) -> float:
    """``value`` rounded for a threshold comparison (see module docstring)."""
    return round(value, COMPARE_DECIMALS)
