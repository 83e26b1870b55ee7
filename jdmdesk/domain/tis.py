"""ACR/EULAR 2016 Total Improvement Score for JDM (clinical-reference.md §3).

Missing values and rounding at cut-points follow :mod:`jdmdesk.domain.rounding`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from jdmdesk.domain.fields import MEASURE_LABELS, field_label
from jdmdesk.domain.rounding import for_compare
from jdmdesk.domain.texts import Message


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
    p = for_compare(percent)
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
        if for_compare(score) >= threshold:
            return name
    return "none"


@dataclass(frozen=True)
class CoreSet:
    """Core set measures of one assessment (§2). Every field is optional (``None`` = missing).

    ``enzymes`` maps an analyte code (CK, ALDOLASE, ALAT, ASAT, LD) to
    ``(value_canonical, uln_canonical)``, both in the canonical unit U/L (§5); the ULN is
    ``None`` when the result has no reference high. Such a result still counts: at baseline it
    makes the most abnormal enzyme undecidable, at follow-up the relative method does not need
    it. The mapping is copied into a read-only view, so later changes to the caller's dict do
    not leak in.
    """

    phga: float | None = None
    ptga: float | None = None
    extramuscular_ga: float | None = None
    mmt8_total: float | None = None
    cmas_total: float | None = None
    chaq_di: float | None = None
    das_total: float | None = None
    enzymes: Mapping[str, tuple[float, float | None]] = field(
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

    @property
    def reason(self) -> str:
        """Why the TIS is not computable (the notes of the missing items, a :class:`Message`
        the UI translates); empty when it is."""
        return _joined([_item_reason(it) for it in self.items if it.points is None])

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
    label = field_label(source)
    if baseline is None and follow_up is None:
        return Message("{field_label} missing at baseline and follow-up", field_label=label)
    if baseline is None:
        return Message("{field_label} missing at baseline", field_label=label)
    return Message("{field_label} missing at follow-up", field_label=label)


def _item_reason(item: TisItem) -> str:
    """One missing item in :attr:`TisResult.reason`: its measure, then why (the measure once
    when the note already starts with it)."""
    label = MEASURE_LABELS[item.name]
    if item.source is not None and field_label(item.source) == label:
        return item.note
    return Message("{measure_label}: {note}", measure_label=label, note=item.note)


def _joined(parts: list[str]) -> str:
    """``parts`` joined by "; ", kept as messages so that each part is translated."""
    if not parts:
        return ""
    out = parts[-1]
    for part in reversed(parts[:-1]):
        out = Message("{first}; {rest}", first=part, rest=out)
    return out


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
                   Message("neither MMT8 nor CMAS present at both baseline and follow-up"))


def _extramuscular_item(baseline: CoreSet, follow_up: CoreSet) -> TisItem:
    """Extramuscular global activity when present at both visits, else DAS total (§3)."""
    if _paired(baseline.extramuscular_ga, follow_up.extramuscular_ga):
        return _scale_item("extramuscular", "extramuscular_ga", baseline.extramuscular_ga,
                           follow_up.extramuscular_ga, VAS_RANGE, False)
    if _paired(baseline.das_total, follow_up.das_total):
        return _scale_item("extramuscular", "das_total", baseline.das_total, follow_up.das_total,
                           DAS_RANGE, False)
    return TisItem("extramuscular", None, None, None, None, None,
                   Message("neither extramuscular global activity nor DAS total present at "
                           "both visits"))


def _valid_pair(pair: tuple[float, float | None] | None) -> bool:
    """A (value, ULN) pair that can form a ULN multiple: both present, value ≥ 0, ULN > 0."""
    if pair is None:
        return False
    value, uln = pair
    return value is not None and uln is not None and value >= 0 and uln > 0


def most_abnormal_enzyme(enzymes: Mapping[str, tuple[float, float | None]]) -> str | None:
    """Code of the enzyme with the largest value ÷ ULN among :data:`TIS_ENZYMES` (§3).

    Codes outside :data:`TIS_ENZYMES` are ignored. ``None`` when no eligible enzyme is present,
    and also when any eligible enzyme is present without a usable ULN (missing or not positive):
    its ULN multiple is unknown, so which enzyme is "most abnormal" cannot be decided without
    guessing. Ties go to the first code in :data:`TIS_ENZYMES` order.
    """
    present = [code for code in TIS_ENZYMES if code in enzymes]
    if not present or not all(_valid_pair(enzymes[code]) for code in present):
        return None
    def ratio(code: str) -> float:
        value, uln = enzymes[code]
        assert uln is not None  # checked by _valid_pair above
        return value / uln

    best = present[0]
    for code in present[1:]:
        if ratio(code) > ratio(best):
            best = code
    return best


def enzymes_without_uln(enzymes: Mapping[str, tuple[float, float | None]]) -> tuple[str, ...]:
    """The eligible enzymes present without a usable ULN, in :data:`TIS_ENZYMES` order."""
    return tuple(code for code in TIS_ENZYMES
                 if code in enzymes and not _valid_pair(enzymes[code]))


def enzyme_percent_change(
    baseline: tuple[float, float | None], follow_up: tuple[float, float | None],
    method: str = "relative",
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
        b_uln, f_uln = baseline[1], follow_up[1]
        if not (_valid_pair(baseline) and _valid_pair(follow_up)) or b_uln is None \
                or f_uln is None:
            return None
        b, f = baseline[0] / b_uln, follow_up[0] / f_uln
    if b <= 0:
        return None
    return 100.0 * (b - f) / b


def _enzyme_item(baseline: CoreSet, follow_up: CoreSet, method: str) -> TisItem:
    """The enzyme term: most abnormal enzyme at baseline, followed at follow-up (§3)."""
    code = most_abnormal_enzyme(baseline.enzymes)
    if code is None:
        lacking = enzymes_without_uln(baseline.enzymes)
        note: str = (Message("no CK, aldolase, ALAT, ASAT or LD at baseline") if not lacking else
                Message("{enzymes} at baseline without a reference high (ULN): the most "
                        "abnormal enzyme cannot be decided", enzymes=", ".join(lacking)))
        return TisItem("enzyme", None, None, None, None, None, note)
    b_pair = baseline.enzymes[code]
    f_pair = follow_up.enzymes.get(code)
    if f_pair is None or f_pair[0] is None:
        return TisItem("enzyme", code, b_pair[0], None, None, None,
                       Message("{code} (most abnormal at baseline) missing at follow-up",
                               code=code))
    pct = enzyme_percent_change(b_pair, f_pair, method)
    note = "" if pct is not None else _enzyme_note(code, method)
    return TisItem("enzyme", code, b_pair[0], f_pair[0], pct, tis_points("enzyme", pct), note)


def _enzyme_note(code: str, method: str) -> str:
    """Why the enzyme's percent change is not computable although both values are present."""
    if method == "relative":
        return Message("{code}: percent change not computable (the baseline value is 0)",
                       code=code)
    return Message("{code}: change in multiples of the ULN not computable (no reference high "
                   "at follow-up, or the baseline value is 0)", code=code)


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
