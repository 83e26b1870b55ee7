"""PRINTO clinically inactive disease (clinical-reference.md §4, Lazarevic 2013).

Missing values and rounding at cut-points follow :mod:`jdmdesk.domain.rounding`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from jdmdesk.domain.rounding import for_compare

PRINTO_CK_MAX_U_PER_L: Final = 150.0
PRINTO_CMAS_MIN: Final = 48.0
PRINTO_MMT8_MIN: Final = 78.0
PRINTO_PHGA_MAX: Final = 0.2
PRINTO_NEEDED: Final = 3


@dataclass(frozen=True)
class PrintoCriterion:
    """One PRINTO criterion: ``status`` is "met", "not met" or "missing"."""

    name: str
    label: str
    value: float | None
    status: str

    @property
    def met(self) -> bool | None:
        """True / False, or ``None`` when missing."""
        return None if self.status == "missing" else self.status == "met"


@dataclass(frozen=True)
class PrintoResult:
    """PRINTO inactive-disease evaluation (§4). ``status``: inactive | active | not_evaluable."""

    criteria: tuple[PrintoCriterion, ...]
    n_available: int
    n_met: int
    status: str


def _criterion(name: str, label: str, value: float | None, ok: bool) -> PrintoCriterion:
    status = "missing" if value is None else ("met" if ok else "not met")
    return PrintoCriterion(name, label, value, status)


def printo_inactive(
    ck_u_per_l: float | None,
    cmas_total: float | None,
    mmt8_total: float | None,
    phga: float | None,
) -> PrintoResult:
    """Clinically inactive disease when at least 3 of 4 criteria hold (§4, Lazarevic 2013).

    Criteria: CK ≤ 150 U/L (already converted to U/L by the caller, e.g. µkat/L × 60), CMAS ≥ 48,
    MMT8 ≥ 78 (of 80), PhGA ≤ 0.2 cm. Status:

    * "inactive" when ≥ 3 criteria are met;
    * "not_evaluable" when fewer than 3 of the 4 are available (the reference, literally);
    * "not_evaluable" also when 3 are available, 2 are met and 1 is missing: the missing
      criterion could still make it 3 of 4, so calling it "active" would be a guess;
    * "active" only when 3 met is impossible even if every missing criterion were met.
    """
    criteria = (
        _criterion("ck", "CK ≤ 150 U/L", ck_u_per_l,
                   ck_u_per_l is not None and for_compare(ck_u_per_l) <= PRINTO_CK_MAX_U_PER_L),
        _criterion("cmas", "CMAS ≥ 48", cmas_total,
                   cmas_total is not None and for_compare(cmas_total) >= PRINTO_CMAS_MIN),
        _criterion("mmt8", "MMT8 ≥ 78", mmt8_total,
                   mmt8_total is not None and for_compare(mmt8_total) >= PRINTO_MMT8_MIN),
        _criterion("phga", "PhGA ≤ 0.2 cm", phga,
                   phga is not None and for_compare(phga) <= PRINTO_PHGA_MAX),
    )
    n_available = sum(c.status != "missing" for c in criteria)
    n_met = sum(c.status == "met" for c in criteria)
    n_missing = len(criteria) - n_available
    if n_met >= PRINTO_NEEDED:
        status = "inactive"
    elif n_available < PRINTO_NEEDED or n_met + n_missing >= PRINTO_NEEDED:
        status = "not_evaluable"
    else:
        status = "active"
    return PrintoResult(criteria, n_available, n_met, status)
