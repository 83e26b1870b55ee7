"""Clinical scores for JDM Desk: response (TIS), inactive disease, steroids, kidney and safety.

Every rule cites docs ``clinical-reference.md`` (§2-§6). Pure Python standard library only.

Conventions used throughout:

* ``None`` means *missing*. It is never read as 0 and never replaced by a guess: a result that
  needs a missing value is itself ``None`` (or "missing" / "not_evaluable"), and the result says
  which input was missing.
* Threshold comparisons are made after rounding to :data:`COMPARE_DECIMALS` decimals, so that a
  value that is exactly on a cut-point on paper (15 % computed as ``100 * 1.5 / 10``, CK 150 U/L
  converted from 2.5 µkat/L) lands on the side the reference says, not on the side that binary
  floating point happens to produce.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Final

COMPARE_DECIMALS: Final = 6


def _r(value: float) -> float:
    """Round for threshold comparisons (see module docstring)."""
    return round(value, COMPARE_DECIMALS)


# ---------------------------------------------------------------------------------------------
# §3 ACR/EULAR 2016 Total Improvement Score: percent change and points tables
# ---------------------------------------------------------------------------------------------


def improvement_percent(
    baseline: float | None,
    follow_up: float | None,
    scale_min: float,
    scale_max: float,
    higher_is_better: bool,
) -> float | None:
    """Absolute percent improvement on a scale (§3).

    ``100 × improvement / (scale_max − scale_min)`` where improvement is ``baseline − follow_up``
    for "higher = worse" measures and ``follow_up − baseline`` for "higher = better" measures.
    A negative result is worsening. ``None`` when either value is missing.

    Raises ``ValueError`` for a scale whose range is not positive or for non-finite values.
    """
    if not scale_max > scale_min:
        raise ValueError(f"scale range must be positive, got {scale_min}..{scale_max}")
    if baseline is None or follow_up is None:
        return None
    if not (math.isfinite(baseline) and math.isfinite(follow_up)):
        raise ValueError("baseline and follow-up must be finite numbers")
    change = follow_up - baseline if higher_is_better else baseline - follow_up
    return 100.0 * change / (scale_max - scale_min)


# Column cut-points in percent, right-inclusive (§3): ≤5 % (or worse) → column 0, >5–15 → 1,
# >15–25 → 2, >25–40 → 3, >40 → 4. The MMT8/CMAS row uses 2 / 10 / 20 / 30 %.
STANDARD_CUTS: Final[tuple[float, float, float, float]] = (5.0, 15.0, 25.0, 40.0)
STRENGTH_CUTS: Final[tuple[float, float, float, float]] = (2.0, 10.0, 20.0, 30.0)

# Points per column (§3, Rider et al. 2017 Table 3).
PHGA_POINTS: Final = (0.0, 7.5, 15.0, 17.5, 20.0)
PTGA_POINTS: Final = (0.0, 2.5, 5.0, 7.5, 10.0)
STRENGTH_POINTS: Final = (0.0, 10.0, 20.0, 27.5, 32.5)
CHAQ_POINTS: Final = (0.0, 5.0, 7.5, 7.5, 10.0)
ENZYME_POINTS: Final = (0.0, 2.5, 5.0, 7.5, 7.5)
EXTRAMUSCULAR_POINTS: Final = (0.0, 7.5, 12.5, 15.0, 20.0)

# The six TIS measures, in the order of the §3 table; these names appear in TisResult.missing.
TIS_MEASURES: Final = ("phga", "ptga", "strength", "chaq", "enzyme", "extramuscular")

TIS_POINTS: Final[Mapping[str, tuple[float, ...]]] = MappingProxyType({
    "phga": PHGA_POINTS,
    "ptga": PTGA_POINTS,
    "strength": STRENGTH_POINTS,
    "chaq": CHAQ_POINTS,
    "enzyme": ENZYME_POINTS,
    "extramuscular": EXTRAMUSCULAR_POINTS,
})
TIS_CUTS: Final[Mapping[str, tuple[float, ...]]] = MappingProxyType({
    name: STRENGTH_CUTS if name == "strength" else STANDARD_CUTS for name in TIS_MEASURES
})

# Scale ranges (§2/§3). MMT8's maximum is a parameter of total_improvement_score (80 / 150 / 260).
VAS_RANGE: Final = (0.0, 10.0)
CMAS_RANGE: Final = (0.0, 52.0)
CHAQ_RANGE: Final = (0.0, 3.0)
DAS_RANGE: Final = (0.0, 20.0)

# JDM thresholds (§3), highest first. Adult myositis would be 20 / 40 / 60.
JDM_CATEGORY_THRESHOLDS: Final = (("major", 70.0), ("moderate", 45.0), ("minimal", 30.0))

# Enzymes eligible for the TIS enzyme term (§3), in tie-break order.
TIS_ENZYMES: Final = ("CK", "ALDOLASE", "ALAT", "ASAT", "LD")
ENZYME_METHODS: Final = ("relative", "uln_multiple")


def points_column(percent: float, cuts: Sequence[float] = STANDARD_CUTS) -> int:
    """Column index 0–4 of the §3 points table for ``percent`` (right-inclusive bins).

    The percent is rounded to :data:`COMPARE_DECIMALS` first, so exactly 15 % computed as
    ``100 * 1.5 / 10`` (15.000000000000002) is in the ">5–15 %" column.
    """
    p = _r(percent)
    for index, cut in enumerate(cuts):
        if p <= cut:
            return index
    return len(cuts)


def tis_points(measure: str, percent: float | None) -> float | None:
    """Points of one TIS ``measure`` (a name in :data:`TIS_MEASURES`) for ``percent`` (§3)."""
    if percent is None:
        return None
    return TIS_POINTS[measure][points_column(percent, TIS_CUTS[measure])]


def tis_category(score: float | None) -> str | None:
    """JDM response category (§3): "major" ≥ 70, "moderate" ≥ 45, "minimal" ≥ 30, else "none"."""
    if score is None:
        return None
    for name, threshold in JDM_CATEGORY_THRESHOLDS:
        if _r(score) >= threshold:
            return name
    return "none"


@dataclass(frozen=True)
class CoreSet:
    """Core set measures of one assessment (§2). Every field is optional (``None`` = missing).

    ``enzymes`` maps an analyte code (CK, ALDOLASE, ALAT, ASAT, LD) to
    ``(value_canonical, uln_canonical)``, both in the canonical unit U/L (§5). The mapping is
    copied into a read-only view, so later changes to the caller's dict do not leak in.
    """

    phga: float | None = None
    ptga: float | None = None
    extramuscular_ga: float | None = None
    mmt8_total: float | None = None
    cmas_total: float | None = None
    chaq_di: float | None = None
    das_total: float | None = None
    enzymes: Mapping[str, tuple[float, float]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "enzymes", MappingProxyType(dict(self.enzymes)))


@dataclass(frozen=True)
class TisItem:
    """One of the six TIS measures (§3).

    ``source`` is the measure actually used: e.g. "mmt8_total" or "cmas_total" for strength,
    "extramuscular_ga" or "das_total" for extramuscular activity, the analyte code for the enzyme
    term; ``None`` when no source had the values needed. ``note`` says why an item is missing
    (empty when it was computed).
    """

    name: str
    source: str | None
    baseline: float | None
    follow_up: float | None
    percent: float | None
    points: float | None
    note: str = ""

    @property
    def computable(self) -> bool:
        """True when the item has points."""
        return self.points is not None


@dataclass(frozen=True)
class TisResult:
    """Total Improvement Score of a follow-up against a baseline (§3).

    ``score`` is ``None`` when any of the six measures is missing: not computable rather than
    guessed. ``partial_score`` is the sum of the computable items, for display only; it is not a
    TIS and must not be categorised.
    """

    items: tuple[TisItem, ...]
    missing: tuple[str, ...]
    score: float | None
    category: str | None
    partial_score: float
    enzyme_method: str

    def item(self, name: str) -> TisItem:
        """The item called ``name`` (one of :data:`TIS_MEASURES`)."""
        for it in self.items:
            if it.name == name:
                return it
        raise KeyError(name)


def _scale_item(
    name: str,
    source: str,
    baseline: float | None,
    follow_up: float | None,
    scale: tuple[float, float],
    higher_is_better: bool,
) -> TisItem:
    """A TIS item for a measure on a bounded scale (§3 percent-of-range rule)."""
    pct = improvement_percent(baseline, follow_up, scale[0], scale[1], higher_is_better)
    note = "" if pct is not None else _missing_note(source, baseline, follow_up)
    return TisItem(name, source, baseline, follow_up, pct, tis_points(name, pct), note)


def _missing_note(source: str, baseline: float | None, follow_up: float | None) -> str:
    """Why a scale item could not be computed."""
    where = [w for w, v in (("baseline", baseline), ("follow-up", follow_up)) if v is None]
    return f"{source} missing at {' and '.join(where)}"


def _paired(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None


def _strength_item(baseline: CoreSet, follow_up: CoreSet, mmt_max: float) -> TisItem:
    """MMT8 when present at both visits, else CMAS (§3: "MMT8 or CMAS")."""
    if _paired(baseline.mmt8_total, follow_up.mmt8_total):
        return _scale_item("strength", "mmt8_total", baseline.mmt8_total, follow_up.mmt8_total,
                           (0.0, mmt_max), True)
    if _paired(baseline.cmas_total, follow_up.cmas_total):
        return _scale_item("strength", "cmas_total", baseline.cmas_total, follow_up.cmas_total,
                           CMAS_RANGE, True)
    return TisItem("strength", None, None, None, None, None,
                   "neither MMT8 nor CMAS present at both baseline and follow-up")


def _extramuscular_item(baseline: CoreSet, follow_up: CoreSet) -> TisItem:
    """Extramuscular global activity when present at both visits, else DAS total (§3)."""
    if _paired(baseline.extramuscular_ga, follow_up.extramuscular_ga):
        return _scale_item("extramuscular", "extramuscular_ga", baseline.extramuscular_ga,
                           follow_up.extramuscular_ga, VAS_RANGE, False)
    if _paired(baseline.das_total, follow_up.das_total):
        return _scale_item("extramuscular", "das_total", baseline.das_total, follow_up.das_total,
                           DAS_RANGE, False)
    return TisItem("extramuscular", None, None, None, None, None,
                   "neither extramuscular global nor DAS total present at both visits")


def _valid_pair(pair: tuple[float, float] | None) -> bool:
    """A (value, ULN) pair that can form a ULN multiple: both present, value ≥ 0, ULN > 0."""
    if pair is None:
        return False
    value, uln = pair
    return value is not None and uln is not None and value >= 0 and uln > 0


def most_abnormal_enzyme(enzymes: Mapping[str, tuple[float, float]]) -> str | None:
    """Code of the enzyme with the largest value ÷ ULN among :data:`TIS_ENZYMES` (§3).

    Codes outside :data:`TIS_ENZYMES` are ignored. ``None`` when no eligible enzyme is present,
    and also when any eligible enzyme is present without a usable ULN (missing or not positive):
    its ULN multiple is unknown, so which enzyme is "most abnormal" cannot be decided without
    guessing. Ties go to the first code in :data:`TIS_ENZYMES` order.
    """
    present = [code for code in TIS_ENZYMES if code in enzymes]
    if not present or not all(_valid_pair(enzymes[code]) for code in present):
        return None
    best = present[0]
    for code in present[1:]:
        value, uln = enzymes[code]
        best_value, best_uln = enzymes[best]
        if value / uln > best_value / best_uln:
            best = code
    return best


def enzyme_percent_change(
    baseline: tuple[float, float], follow_up: tuple[float, float], method: str = "relative"
) -> float | None:
    """Percent improvement of the followed enzyme (§3; the method is a study setting [verify]).

    * ``"relative"`` (default): ``100 × (baseline − follow-up) / baseline`` on the values.
    * ``"uln_multiple"``: the same formula on ULN multiples (value ÷ that visit's ULN). This
      equals "relative" when both visits have the same ULN, and corrects for a change of lab or
      reference range between visits.

    Pairs are ``(value, uln)``. ``None`` when the baseline is 0 (no relative change exists) or a
    needed ULN is missing / not positive. Raises ``ValueError`` for an unknown method.
    """
    if method not in ENZYME_METHODS:
        raise ValueError(f"unknown enzyme method {method!r}; expected one of {ENZYME_METHODS}")
    if method == "relative":
        b, f = baseline[0], follow_up[0]
        if b is None or f is None:
            return None
    else:
        if not (_valid_pair(baseline) and _valid_pair(follow_up)):
            return None
        b, f = baseline[0] / baseline[1], follow_up[0] / follow_up[1]
    if b <= 0:
        return None
    return 100.0 * (b - f) / b


def _enzyme_item(baseline: CoreSet, follow_up: CoreSet, method: str) -> TisItem:
    """The enzyme term: most abnormal enzyme at baseline, followed at follow-up (§3)."""
    code = most_abnormal_enzyme(baseline.enzymes)
    if code is None:
        note = ("no CK, aldolase, ALAT, ASAT or LD with a usable ULN at baseline"
                if not any(c in baseline.enzymes for c in TIS_ENZYMES)
                else "an enzyme at baseline lacks a usable ULN; most abnormal one unknown")
        return TisItem("enzyme", None, None, None, None, None, note)
    b_pair = baseline.enzymes[code]
    f_pair = follow_up.enzymes.get(code)
    if f_pair is None or f_pair[0] is None:
        return TisItem("enzyme", code, b_pair[0], None, None, None,
                       f"{code} (most abnormal at baseline) missing at follow-up")
    pct = enzyme_percent_change(b_pair, f_pair, method)
    note = "" if pct is not None else f"{code}: percent change not computable ({method})"
    return TisItem("enzyme", code, b_pair[0], f_pair[0], pct, tis_points("enzyme", pct), note)


def total_improvement_score(
    baseline: CoreSet,
    follow_up: CoreSet,
    *,
    mmt_max: float = 80.0,
    enzyme_method: str = "relative",
) -> TisResult:
    """ACR/EULAR 2016 Total Improvement Score for JDM (§3).

    Six measures: PhGA, parent/patient global, strength (MMT8 if present at both visits, else
    CMAS), CHAQ, the enzyme most abnormal at baseline, and extramuscular activity (extramuscular
    global if present at both visits, else DAS total, range 20). ``mmt_max`` is the MMT version's
    maximum (80 one side, 150 bilateral, 260 MMT24). ``enzyme_method`` is "relative" or
    "uln_multiple" (see :func:`enzyme_percent_change`).
    """
    if enzyme_method not in ENZYME_METHODS:
        raise ValueError(f"unknown enzyme method {enzyme_method!r}")
    b, f = baseline, follow_up
    items = (
        _scale_item("phga", "phga", b.phga, f.phga, VAS_RANGE, False),
        _scale_item("ptga", "ptga", b.ptga, f.ptga, VAS_RANGE, False),
        _strength_item(b, f, mmt_max),
        _scale_item("chaq", "chaq_di", b.chaq_di, f.chaq_di, CHAQ_RANGE, False),
        _enzyme_item(b, f, enzyme_method),
        _extramuscular_item(b, f),
    )
    missing = tuple(it.name for it in items if it.points is None)
    partial = sum(it.points for it in items if it.points is not None)
    score = None if missing else partial
    return TisResult(items, missing, score, tis_category(score), partial, enzyme_method)


# ---------------------------------------------------------------------------------------------
# §4 PRINTO clinically inactive disease
# ---------------------------------------------------------------------------------------------

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
                   ck_u_per_l is not None and _r(ck_u_per_l) <= PRINTO_CK_MAX_U_PER_L),
        _criterion("cmas", "CMAS ≥ 48", cmas_total,
                   cmas_total is not None and _r(cmas_total) >= PRINTO_CMAS_MIN),
        _criterion("mmt8", "MMT8 ≥ 78", mmt8_total,
                   mmt8_total is not None and _r(mmt8_total) >= PRINTO_MMT8_MIN),
        _criterion("phga", "PhGA ≤ 0.2 cm", phga,
                   phga is not None and _r(phga) <= PRINTO_PHGA_MAX),
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


# ---------------------------------------------------------------------------------------------
# §6 Corticosteroids as prednisolone-equivalent mg
# ---------------------------------------------------------------------------------------------

PRED_EQUIVALENCE: Final[Mapping[str, float]] = MappingProxyType({
    "prednisolone": 1.0,
    "prednisone": 1.0,
    "methylprednisolone": 1.25,
    "dexamethasone": 6.67,
    "hydrocortisone": 0.25,
})


def prednisolone_equivalent_mg(drug: str, daily_mg: float | None) -> float | None:
    """Daily dose of ``drug`` as prednisolone-equivalent mg (§6, BNF factors).

    ``None`` for a drug that is not a systemic corticosteroid in :data:`PRED_EQUIVALENCE` or for
    a missing dose. Raises ``ValueError`` for a negative dose.
    """
    factor = PRED_EQUIVALENCE.get(drug)
    if factor is None or daily_mg is None:
        return None
    if daily_mg < 0:
        raise ValueError(f"negative dose: {daily_mg}")
    return daily_mg * factor


@dataclass(frozen=True)
class DoseSegment:
    """A steroid dose segment (§6): ``end_date`` ``None`` means still running."""

    start_date: date
    end_date: date | None
    daily_pred_eq_mg: float | None


def _segment_fields(segment: Any) -> tuple[date, date | None, float | None]:
    """(start, end, daily mg) from a 3-tuple or an object with DoseSegment's attributes."""
    if isinstance(segment, tuple):
        start, end, daily = segment
        return start, end, daily
    return segment.start_date, segment.end_date, segment.daily_pred_eq_mg


def _overlap_days(seg_start: date, seg_end: date, start: date, end: date) -> int:
    """Number of days in both [seg_start, seg_end] and [start, end], inclusive."""
    first, last = max(seg_start, start), min(seg_end, end)
    return max(0, (last - first).days + 1)


def cumulative_dose_mg(segments: Sequence[Any], start: date, end: date) -> float | None:
    """Cumulative prednisolone-equivalent mg over the days of [start, end], inclusive (§6).

    ``segments`` are :class:`DoseSegment` objects or ``(start_date, end_date | None,
    daily_pred_eq_mg)`` tuples. Both segment dates are inclusive; an open-ended segment runs to
    ``end``; overlapping segments add (e.g. two concurrent steroids). ``None`` when a segment that
    overlaps the window has a missing daily dose: an unknown dose is not 0.
    Raises ``ValueError`` when ``end`` is before ``start`` or a segment ends before it starts.
    """
    if end < start:
        raise ValueError(f"window end {end} is before its start {start}")
    total = 0.0
    for segment in segments:
        seg_start, seg_end, daily = _segment_fields(segment)
        if seg_end is not None and seg_end < seg_start:
            raise ValueError(f"segment ends ({seg_end}) before it starts ({seg_start})")
        days = _overlap_days(seg_start, seg_end if seg_end is not None else end, start, end)
        if days == 0:
            continue
        if daily is None:
            return None
        total += days * daily
    return total


def percent_reduction(start_dose: float | None, current_dose: float | None) -> float | None:
    """Percent reduction ``100 × (start − current) / start`` (§6 steroid taper).

    Negative when the dose went up. ``None`` when either dose is missing or the starting dose is
    not positive (no reduction from zero exists).
    """
    if start_dose is None or current_dose is None or start_dose <= 0:
        return None
    return 100.0 * (start_dose - current_dose) / start_dose


# ---------------------------------------------------------------------------------------------
# §5 Kidney function (bedside Schwartz 2009)
# ---------------------------------------------------------------------------------------------

SCHWARTZ_K_UMOL: Final = 36.5
EGFR_STABLE_FRACTION: Final = 0.10


def _positive(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


def schwartz_egfr(height_cm: float | None, creatinine_umol_per_l: float | None) -> float | None:
    """Bedside Schwartz eGFR, mL/min/1.73 m² = 36.5 × height (cm) / creatinine (µmol/L) (§5).

    Valid for ages 1–17 (the caller decides on age). ``None`` for missing, non-positive or
    non-finite inputs.
    """
    if height_cm is None or creatinine_umol_per_l is None:
        return None
    if not (_positive(height_cm) and _positive(creatinine_umol_per_l)):
        return None
    return SCHWARTZ_K_UMOL * height_cm / creatinine_umol_per_l


def egfr_trend(points: Sequence[tuple[date, float]]) -> str:
    """Trend of eGFR between the earliest and the latest point (§5).

    "stable" when the change is less than 10 % of the first value, else "rising" or "falling";
    "insufficient data" with fewer than 2 usable points. Points are ordered by date (the input
    order is kept for equal dates); points with a missing or non-positive value are ignored.
    """
    usable = sorted((p for p in points if _positive(p[1])), key=lambda p: p[0])
    if len(usable) < 2:
        return "insufficient data"
    first, last = usable[0][1], usable[-1][1]
    change = (last - first) / first
    if abs(_r(change)) < EGFR_STABLE_FRACTION:
        return "stable"
    return "rising" if change > 0 else "falling"


# ---------------------------------------------------------------------------------------------
# §6 Tacrolimus safety read-outs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SafetyThresholds:
    """Study-adjustable alert thresholds for tacrolimus adverse effects (§6), canonical units (§5).

    Blood pressure: ``sbp ≥ 130`` or ``dbp ≥ 80`` mmHg is a simplification of the paediatric
    stage-1 hypertension cut-off (which depends on age, sex and height percentile); it is a
    default that a study may adjust, not a diagnosis. Glucose thresholds are for random glucose.
    """

    potassium_high: float = 5.5  # mmol/L, flag when above
    potassium_low: float = 3.0  # mmol/L, flag when below
    magnesium_low: float = 0.7  # mmol/L, flag when below
    glucose_high: float = 11.0  # mmol/L, flag when above
    glucose_low: float = 3.0  # mmol/L, flag when below
    sbp_high: float = 130.0  # mmHg, flag when at or above
    dbp_high: float = 80.0  # mmHg, flag when at or above

    def __post_init__(self) -> None:
        if not self.potassium_low < self.potassium_high:
            raise ValueError("potassium_low must be below potassium_high")
        if not self.glucose_low < self.glucose_high:
            raise ValueError("glucose_low must be below glucose_high")


DEFAULT_SAFETY_THRESHOLDS: Final = SafetyThresholds()


@dataclass(frozen=True)
class SafetyFlag:
    """One safety alert. ``code`` is stable for programs; ``message`` is for people."""

    code: str
    measure: str
    value: float | None
    threshold: float
    message: str


def _lab_flags(
    measure: str, unit: str, value: float | None, low: float | None, high: float | None,
    low_code: str, high_code: str,
) -> list[SafetyFlag]:
    """Flags of one laboratory value against an optional low and high threshold."""
    if value is None:
        return []
    if high is not None and _r(value) > high:
        return [SafetyFlag(high_code, measure, value, high,
                           f"{measure} {value:g} {unit} is above {high:g} {unit} ({high_code})")]
    if low is not None and _r(value) < low:
        return [SafetyFlag(low_code, measure, value, low,
                           f"{measure} {value:g} {unit} is below {low:g} {unit} ({low_code})")]
    return []


def _bp_flags(sbp: float | None, dbp: float | None, t: SafetyThresholds) -> list[SafetyFlag]:
    """One high-blood-pressure flag when systolic or diastolic reaches its threshold."""
    high_sbp = sbp is not None and sbp >= t.sbp_high
    high_dbp = dbp is not None and dbp >= t.dbp_high
    if not (high_sbp or high_dbp):
        return []
    shown = f"{_fmt(sbp)}/{_fmt(dbp)} mmHg"
    limit = f"{t.sbp_high:g}/{t.dbp_high:g} mmHg"
    return [SafetyFlag("hypertension", "blood pressure", sbp if high_sbp else dbp,
                       t.sbp_high if high_sbp else t.dbp_high,
                       f"blood pressure {shown} is at or above {limit} (hypertension)")]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def safety_flags(
    *,
    potassium: float | None = None,
    magnesium: float | None = None,
    glucose: float | None = None,
    sbp: float | None = None,
    dbp: float | None = None,
    thresholds: SafetyThresholds = DEFAULT_SAFETY_THRESHOLDS,
) -> tuple[SafetyFlag, ...]:
    """Safety flags for known tacrolimus adverse effects (§6); missing inputs give no flag.

    Potassium high / low (hyper-/hypokalaemia), magnesium low (hypomagnesaemia), glucose high /
    low (hyper-/hypoglycaemia), blood pressure high (see :class:`SafetyThresholds`).
    """
    t = thresholds
    flags = [
        *_lab_flags("potassium", "mmol/L", potassium, t.potassium_low, t.potassium_high,
                    "hypokalaemia", "hyperkalaemia"),
        *_lab_flags("magnesium", "mmol/L", magnesium, t.magnesium_low, None,
                    "hypomagnesaemia", ""),
        *_lab_flags("glucose", "mmol/L", glucose, t.glucose_low, t.glucose_high,
                    "hypoglycaemia", "hyperglycaemia"),
        *_bp_flags(sbp, dbp, t),
    ]
    return tuple(flags)


def trough_status(value: float, target_low: float, target_high: float) -> str:
    """Tacrolimus trough against the study's target range (§6 [verify]: a study setting).

    "below", "in_range" (bounds inclusive) or "above". Raises ``ValueError`` when the range is
    reversed.
    """
    if target_low > target_high:
        raise ValueError(f"target range reversed: {target_low} > {target_high}")
    v = _r(value)
    if v < target_low:
        return "below"
    if v > target_high:
        return "above"
    return "in_range"
