"""Response and disease-state scores: ACR/EULAR 2016 TIS and PRINTO inactive disease.

clinical-reference.md §3 (Rider et al. 2017) and §4 (Lazarevic et al. 2013). Missing measures
are named, never guessed: a TIS with any of its six measures missing is not computable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Points per improvement column: (≤5 % or worse, >5–15, >15–25, >25–40, >40)
PHGA_POINTS = (0.0, 7.5, 15.0, 17.5, 20.0)
PTGA_POINTS = (0.0, 2.5, 5.0, 7.5, 10.0)
STRENGTH_POINTS = (0.0, 10.0, 20.0, 27.5, 32.5)  # cut-points 2/10/20/30 %
CHAQ_POINTS = (0.0, 5.0, 7.5, 7.5, 10.0)
ENZYME_POINTS = (0.0, 2.5, 5.0, 7.5, 7.5)
EXTRAMUSCULAR_POINTS = (0.0, 7.5, 12.5, 15.0, 20.0)
STANDARD_CUTS = (5.0, 15.0, 25.0, 40.0)
STRENGTH_CUTS = (2.0, 10.0, 20.0, 30.0)
JDM_THRESHOLDS = (("major", 70.0), ("moderate", 45.0), ("minimal", 30.0))
ENZYMES_FOR_TIS = ("CK", "ALDOLASE", "ALAT", "ASAT", "LD")
MEASURES = ("phga", "ptga", "strength", "chaq", "enzyme", "extramuscular")


def improvement_percent(baseline: float | None, follow_up: float | None, scale_min: float,
                        scale_max: float, higher_is_better: bool) -> float | None:
    """100 × improvement / range; negative is worsening (§3)."""
    if baseline is None or follow_up is None:
        return None
    change = follow_up - baseline if higher_is_better else baseline - follow_up
    return 100.0 * change / (scale_max - scale_min)


def column(percent: float, cuts: tuple[float, ...] = STANDARD_CUTS) -> int:
    """Right-inclusive bins: exactly 15 % is in the >5–15 % column."""
    p = round(percent, 6)
    for i, cut in enumerate(cuts):
        if p <= cut:
            return i
    return len(cuts)


@dataclass(frozen=True)
class CoreSet:
    phga: float | None = None
    ptga: float | None = None
    extramuscular_ga: float | None = None
    mmt8_total: float | None = None
    cmas_total: float | None = None
    chaq_di: float | None = None
    das_total: float | None = None
    # analyte code -> (value in canonical unit, upper limit of normal in canonical unit)
    enzymes: Mapping[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class TisItem:
    measure: str
    source: str  # which measure was used (e.g. "mmt8_total" or "cmas_total", "CK")
    baseline: float | None
    follow_up: float | None
    percent: float | None
    points: float | None


@dataclass(frozen=True)
class TisResult:
    items: tuple[TisItem, ...]
    missing: tuple[str, ...]
    score: float | None
    category: str | None
    partial_score: float

    @property
    def computable(self) -> bool:
        return self.score is not None


def category(score: float) -> str:
    for name, threshold in JDM_THRESHOLDS:
        if score >= threshold:
            return name
    return "none"


def _item(measure: str, source: str, b: float | None, f: float | None, lo: float, hi: float,
          better_high: bool, points: tuple[float, ...],
          cuts: tuple[float, ...] = STANDARD_CUTS) -> TisItem:
    pct = improvement_percent(b, f, lo, hi, better_high)
    pts = None if pct is None else points[column(pct, cuts)]
    return TisItem(measure, source, b, f, pct, pts)


def _enzyme_item(base: CoreSet, follow: CoreSet, method: str) -> TisItem:
    ratios = {code: v / uln for code, (v, uln) in base.enzymes.items()
              if code in ENZYMES_FOR_TIS and uln > 0}
    if not ratios:
        return TisItem("enzyme", "", None, None, None, None)
    code = max(ratios, key=lambda c: ratios[c])  # most abnormal at baseline
    b_value, b_uln = base.enzymes[code]
    if code not in follow.enzymes:
        return TisItem("enzyme", code, b_value, None, None, None)
    f_value, f_uln = follow.enzymes[code]
    if method == "uln_multiple" and f_uln > 0:
        b, f = b_value / b_uln, f_value / f_uln
    else:
        b, f = b_value, f_value
    if b <= 0:
        return TisItem("enzyme", code, b_value, f_value, None, None)
    pct = 100.0 * (b - f) / b
    return TisItem("enzyme", code, b_value, f_value, pct, ENZYME_POINTS[column(pct)])


def total_improvement_score(baseline: CoreSet, follow_up: CoreSet, *, mmt_max: float = 80.0,
                            enzyme_method: str = "relative") -> TisResult:
    """ACR/EULAR 2016 Total Improvement Score of ``follow_up`` against ``baseline``."""
    b, f = baseline, follow_up
    if b.mmt8_total is not None and f.mmt8_total is not None:
        strength = _item("strength", "mmt8_total", b.mmt8_total, f.mmt8_total, 0, mmt_max,
                         True, STRENGTH_POINTS, STRENGTH_CUTS)
    else:
        strength = _item("strength", "cmas_total", b.cmas_total, f.cmas_total, 0, 52, True,
                         STRENGTH_POINTS, STRENGTH_CUTS)
    if b.extramuscular_ga is not None and f.extramuscular_ga is not None:
        extra = _item("extramuscular", "extramuscular_ga", b.extramuscular_ga,
                      f.extramuscular_ga, 0, 10, False, EXTRAMUSCULAR_POINTS)
    else:
        extra = _item("extramuscular", "das_total", b.das_total, f.das_total, 0, 20, False,
                      EXTRAMUSCULAR_POINTS)
    items = (
        _item("phga", "phga", b.phga, f.phga, 0, 10, False, PHGA_POINTS),
        _item("ptga", "ptga", b.ptga, f.ptga, 0, 10, False, PTGA_POINTS),
        strength,
        _item("chaq", "chaq_di", b.chaq_di, f.chaq_di, 0, 3, False, CHAQ_POINTS),
        _enzyme_item(b, f, enzyme_method),
        extra,
    )
    missing = tuple(i.measure for i in items if i.points is None)
    partial = sum(i.points for i in items if i.points is not None)
    score = None if missing else partial
    return TisResult(items, missing, score, None if score is None else category(score),
                     partial)


@dataclass(frozen=True)
class PrintoResult:
    criteria: tuple[tuple[str, bool | None], ...]  # (criterion, met / not met / None missing)
    n_available: int
    n_met: int
    status: str  # inactive | active | not_evaluable


PRINTO_LABELS = ("CK ≤ 150 U/L", "CMAS ≥ 48", "MMT8 ≥ 78", "PhGA ≤ 0.2 cm")


def printo_inactive(ck_u_per_l: float | None, cmas_total: float | None,
                    mmt8_total: float | None, phga: float | None) -> PrintoResult:
    """Clinically inactive when at least 3 of the 4 criteria hold (§4).

    With fewer than 3 available the result is not evaluable; with 3 available and one of them
    not met, the missing fourth could still decide, so that is not evaluable either: "active"
    only when 3 met has become impossible.
    """
    checks = (
        None if ck_u_per_l is None else ck_u_per_l <= 150,
        None if cmas_total is None else cmas_total >= 48,
        None if mmt8_total is None else mmt8_total >= 78,
        None if phga is None else phga <= 0.2,
    )
    available = sum(c is not None for c in checks)
    met = sum(c is True for c in checks)
    missing = 4 - available
    if met >= 3:
        status = "inactive"
    elif available < 3 or met + missing >= 3:
        status = "not_evaluable"
    else:
        status = "active"
    return PrintoResult(tuple(zip(PRINTO_LABELS, checks, strict=True)), available, met, status)
