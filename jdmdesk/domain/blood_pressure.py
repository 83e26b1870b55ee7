"""Paediatric blood pressure categories by the 2017 AAP guideline (Flynn et al., Pediatrics 2017).

Ages 1 to < 13 years: against the normative tables for age, sex and height
(:mod:`jdmdesk.domain.bp_reference`), each cut-off capped by the adult-style value, whichever is
lower: elevated ≥ 90th percentile (or ≥ 120/80), stage 1 hypertension ≥ 95th percentile (or
≥ 130/80), stage 2 ≥ 95th percentile + 12 mmHg (or ≥ 140/90).
From 13 years: elevated 120-129/< 80, stage 1 ≥ 130/80, stage 2 ≥ 140/90.

The tables list a height in cm for each height-percentile column; the column nearest the child's
measured height is used (how the tables are read at the bedside), so no growth reference is
needed. Without a height the 50th-percentile column is used, and said. Without age or sex the
adult-style cut-offs are used, and said. Systolic and diastolic are classified apart and the
higher category counts. Readings are compared as entered (whole mmHg).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from jdmdesk.domain.bp_reference import HEIGHT_PERCENTILES, TABLE
from jdmdesk.domain.texts import Message

SOURCE: Final = "AAP 2017"
CATEGORIES: Final = ("normal", "elevated", "stage 1 hypertension", "stage 2 hypertension")
ADULT_FROM_AGE: Final = 13
STAGE2_MARGIN: Final = 12  # mmHg above the 95th percentile


@dataclass(frozen=True)
class Norm:
    """One column of Table 4/5: a height and its BP percentiles (mmHg)."""

    sex: str
    age: int
    height_percentile: int
    height_cm: float
    sbp: tuple[int, int, int]  # 50th, 90th, 95th
    dbp: tuple[int, int, int]


@dataclass(frozen=True)
class Cutoffs:
    """The lower edges of elevated, stage 1 and stage 2 for one of systolic / diastolic."""

    elevated: float
    stage1: float
    stage2: float

    def category(self, value: float | None) -> int:
        if value is None:
            return 0
        return 3 if value >= self.stage2 else 2 if value >= self.stage1 else \
            1 if value >= self.elevated else 0


@dataclass(frozen=True)
class BpAssessment:
    category: str  # one of CATEGORIES
    systolic: Cutoffs
    diastolic: Cutoffs
    basis: str  # the rule used, for people: "≥ 95th percentile for age 11, boy, height 146 cm"
    reason: str  # which value crossed which cut-off (empty when normal)

    @property
    def hypertension(self) -> bool:
        return self.category.endswith("hypertension")


@cache
def norms() -> dict[tuple[str, int], tuple[Norm, ...]]:
    """The tables by (sex, age), columns in height-percentile order."""
    out: dict[tuple[str, int], list[Norm]] = {}
    for line in TABLE.strip().splitlines():
        sex, age, hp, cm, s50, s90, s95, d50, d90, d95 = line.split()
        out.setdefault((sex, int(age)), []).append(Norm(
            sex, int(age), int(hp), float(cm), (int(s50), int(s90), int(s95)),
            (int(d50), int(d90), int(d95))))
    return {k: tuple(v) for k, v in out.items()}


def norm_for(sex: str, age: int, height_cm: float | None) -> Norm:
    """The table column for a child: the height column nearest the measured height, or the
    50th-percentile column when the height is unknown."""
    columns = norms()[(sex, age)]
    if height_cm is None:
        return columns[HEIGHT_PERCENTILES.index(50)]
    return min(columns, key=lambda n: (abs(n.height_cm - height_cm), n.height_percentile))


def adult_cutoffs(sbp_stage1: float = 130, dbp_stage1: float = 80) -> tuple[Cutoffs, Cutoffs]:
    return (Cutoffs(120, sbp_stage1, max(140, sbp_stage1 + 10)),
            Cutoffs(dbp_stage1, dbp_stage1, max(90, dbp_stage1 + 10)))


def assess_bp(sbp: float | None, dbp: float | None, *, age_years: int | None = None,
              sex: str | None = None, height_cm: float | None = None,
              sbp_stage1: float = 130, dbp_stage1: float = 80) -> BpAssessment | None:
    """The AAP 2017 category of one reading; None when neither value is known.

    ``age_years`` is the completed years on the day of the reading. ``sbp_stage1`` and
    ``dbp_stage1`` are the adult-style stage 1 cut-offs (a study setting; also the caps for
    younger children).
    """
    if sbp is None and dbp is None:
        return None
    sex_word = {"M": Message("boy"), "F": Message("girl")}.get(sex or "")
    s_table: tuple[int, int, int] | None = None
    d_table: tuple[int, int, int] | None = None
    if age_years is not None and 1 <= age_years < ADULT_FROM_AGE and sex_word is not None:
        norm = norm_for(sex or "", age_years, height_cm)
        s90, s95 = norm.sbp[1], norm.sbp[2]
        d90, d95 = norm.dbp[1], norm.dbp[2]
        s_table = (s90, s95, s95 + STAGE2_MARGIN)
        d_table = (d90, d95, d95 + STAGE2_MARGIN)
        systolic = Cutoffs(min(s90, 120), min(s95, sbp_stage1), min(s95 + STAGE2_MARGIN, 140))
        diastolic = Cutoffs(min(d90, 80), min(d95, dbp_stage1), min(d95 + STAGE2_MARGIN, 90))
        height = (Message("height {height} cm", height=f"{height_cm:g}")
                  if height_cm is not None
                  else Message("height unknown: 50th height percentile"))
        basis = Message("for age {age}, {sex}, {height} ({source})", age=age_years,
                        sex=sex_word, height=height, source=SOURCE)
    else:
        systolic, diastolic = adult_cutoffs(sbp_stage1, dbp_stage1)
        if age_years is not None and age_years >= ADULT_FROM_AGE:
            basis = Message("cut-offs from age {age} ({source})", age=ADULT_FROM_AGE,
                            source=SOURCE)
        elif age_years is not None and age_years < 1:
            basis = Message("under 1 year: no {source} table, adult-style cut-offs shown",
                            source=SOURCE)
        else:
            basis = Message("age or sex not recorded: adult-style cut-offs ({source})",
                            source=SOURCE)
    level_s, level_d = systolic.category(sbp), diastolic.category(dbp)
    level = max(level_s, level_d)
    reasons = [_reason(name, value, cut, level, table)
               for name, value, cut, lvl, table in (
                   ("systolic", sbp, systolic, level_s, s_table),
                   ("diastolic", dbp, diastolic, level_d, d_table))
               if lvl == level and level > 0]
    reason = (Message("{first} and {second}", first=reasons[0], second=reasons[1])
              if len(reasons) == 2 else reasons[0] if reasons else "")
    return BpAssessment(CATEGORIES[level], systolic, diastolic, basis, reason)


_LABELS: Final = (Message("90th percentile"), Message("95th percentile"),
                  Message("95th percentile + 12 mmHg"))
# the categories as people read them (CATEGORIES stay the English values)
CATEGORY_TEXTS: Final = (Message("normal"), Message("elevated"),
                         Message("stage 1 hypertension"), Message("stage 2 hypertension"))
_SIDES: Final = {"systolic": Message("systolic"), "diastolic": Message("diastolic")}


def _reason(name: str, value: float | None, cut: Cutoffs, level: int,
            table: tuple[int, int, int] | None) -> str:
    """"systolic 124 ≥ 95th percentile (118 mmHg)" or "diastolic 82 ≥ 80 mmHg"."""
    edge = (cut.elevated, cut.stage1, cut.stage2)[level - 1]
    side, shown, limit = _SIDES[name], _fmt(value), f"{edge:g}"
    if table is not None and table[level - 1] == edge:
        return Message("{side} {value} ≥ {percentile} ({limit} mmHg)", side=side, value=shown,
                       percentile=_LABELS[level - 1], limit=limit)
    if table is not None:
        return Message("{side} {value} ≥ {limit} mmHg (lower than the {percentile})",
                       side=side, value=shown, limit=limit, percentile=_LABELS[level - 1])
    return Message("{side} {value} ≥ {limit} mmHg", side=side, value=shown, limit=limit)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"
