"""The case series report's numbers, assembled from each patient's review (pure, no I/O).

Every number is read from :func:`jdmdesk.domain.review.review_patient` (scores, TIS, PRINTO,
prednisolone equivalent, follow-up) or computed by the same domain functions the review uses
(:func:`~jdmdesk.domain.timeline.age_years`, :func:`~jdmdesk.domain.review.baseline_lab`,
:func:`~jdmdesk.domain.review.nearest_lab`, :meth:`LabResult.uln_multiple`,
:func:`~jdmdesk.domain.medication.percent_reduction`), so the report cannot disagree with the
screen. Pseudonymised: study codes and study days (days since tacrolimus start) only.

* Table 1: sex, ages from the dates (one decimal), disease duration at start, prior second-line
  agents (:data:`SECOND_LINE_AGENTS` started before day 0) and follow-up on tacrolimus in months
  (day 0 to the last visit or lab sample, never to today).
* Outcomes: the baseline visit (the study's baseline rule, as the review applied it) against the
  last visit after it. Baseline enzymes follow the TIS's baseline rule (:func:`baseline_lab`);
  follow-up enzymes are the last visit's (:func:`nearest_lab`, as its review row).
* Figures: each patient's CK, LD and ASAT from day 0 (:func:`since_start`), and CK as ULN
  multiples of all patients with the median at each month (:func:`ck_uln_group`).
* Adverse events from day 0 by category and CTCAE grade (:func:`adverse_event_table`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from jdmdesk.domain import codes
from jdmdesk.domain.chart_series import (
    ChartData,
    StepSeries,
    TroughSeries,
    build_analyte,
)
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import Segment, percent_reduction
from jdmdesk.domain.review import (
    BASELINE_RULE_TEXT,
    DAYS_PER_MONTH,
    REVIEW_ENZYMES,
    PatientReview,
    VisitReview,
    baseline_lab,
    lab_points,
    nearest_lab,
)
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP, Message
from jdmdesk.domain.timeline import age_years, to_date

Values = Mapping[str, Any]
# Systemic agents other than corticosteroids that count as "second-line" before tacrolimus.
SECOND_LINE_AGENTS = ("methotrexate", "hydroxychloroquine", "ivig", "mycophenolate",
                      "ciclosporin", "rituximab", "cyclophosphamide")
DRUG_LABELS = dict(codes.DRUGS)
NO_TACROLIMUS = QT_TRANSLATE_NOOP("", "no tacrolimus recorded")  # tr() at the UI (#21)
NOT_COMPUTABLE = QT_TRANSLATE_NOOP("Catalogue", "not computable")  # a TIS category's cell

# (key, label, unit) of each outcome reported at baseline and at the last follow-up
TIMED_OUTCOMES: tuple[tuple[str, str, str], ...] = (
    ("study_day", "Study day", "day 0 = tacrolimus start"),
    ("ck", "CK", "U/L"), ("ck_uln", "CK", "× ULN"),
    ("ld", "LD", "U/L"), ("ld_uln", "LD", "× ULN"),
    ("asat", "ASAT", "U/L"), ("asat_uln", "ASAT", "× ULN"),
    ("cmas", "CMAS", "0–52"), ("mmt8", "MMT8", "0–80"), ("chaq", "CHAQ DI", "0–3"),
    ("das_skin", "DAS skin", "0–9"), ("cdasi_activity", "CDASI activity", "0–100"),
    ("phga", "Physician global", "0–10"),
    ("pred_mg_kg_day", "Prednisolone eq.", "mg/kg/day"),
    ("physical_activity", "Physical activity", "0–4"),
    ("printo", "PRINTO inactive disease", "status"),
)
# outcomes reported once, at the last follow-up
FINAL_OUTCOMES: tuple[tuple[str, str, str], ...] = (
    ("pred_reduction_pct", "Prednisolone eq. reduction", "%"),
    ("tis", "TIS", "0–100"), ("tis_category", "TIS category", "ACR/EULAR 2016"),
)
_MEASURE_OF = {"cmas": "cmas_total", "mmt8": "mmt8_total", "chaq": "chaq_di",
               "cdasi_activity": "cdasi_activity", "phga": "phga"}


@dataclass(frozen=True)
class PatientInput:
    """What the service reads for one patient: the stored values and the review of them."""

    patient: Values
    visits: Sequence[Values]  # each with its "id"
    medications: Sequence[Values]
    labs: Sequence[LabResult]
    review: PatientReview
    chart: ChartData


@dataclass(frozen=True)
class Characteristics:
    """One row of Table 1; ``excluded`` says why a patient is not in the case series."""

    study_code: str
    sex: str
    age_at_start_y: float | None
    age_at_onset_y: float | None
    disease_duration_at_start_y: float | None
    prior_second_line: tuple[str, ...]
    follow_up_months: float | None
    excluded: str = ""


@dataclass(frozen=True)
class OutcomeRow:
    study_code: str
    baseline: dict[str, Any]
    last: dict[str, Any]
    final: dict[str, Any]
    baseline_rule: str  # the rule the review applied (no date: pseudonymised)
    note: str = ""  # why a column is empty (no baseline, no follow-up, TIS not computable)


@dataclass(frozen=True)
class UlnCourse:
    study_code: str
    days: tuple[int, ...]
    multiples: tuple[float, ...]


@dataclass(frozen=True)
class MedianPoint:
    month: int
    day: int
    median: float
    n: int


@dataclass(frozen=True)
class AdverseEventTable:
    """Counts of adverse events with onset on or after day 0: ``counts[category][grade]``."""

    counts: dict[str, dict[str, int]]
    patients: dict[str, int]  # patients with at least one event of the category
    before_start: int  # events before day 0, not counted above
    total: int


@dataclass(frozen=True)
class CaseSeries:
    study_name: str
    synthetic: bool
    table1: tuple[Characteristics, ...]
    outcomes: tuple[OutcomeRow, ...]
    enzyme_charts: tuple[ChartData, ...]  # one per included patient, from day 0
    ck_uln: tuple[UlnCourse, ...]
    ck_median: tuple[MedianPoint, ...]
    adverse_events: AdverseEventTable
    settings: StudySettings = field(default_factory=StudySettings)

    @property
    def included(self) -> tuple[Characteristics, ...]:
        return tuple(c for c in self.table1 if not c.excluded)


def characteristics(p: PatientInput) -> Characteristics:
    r = p.review
    birth, onset, start = (to_date(p.patient.get("birth_date")),
                           to_date(p.patient.get("onset_date")), r.tacrolimus_start)
    prior: list[str] = []
    for m in p.medications:
        seg = Segment.from_values(m)
        label = DRUG_LABELS.get(seg.drug, seg.drug)
        if seg.drug in SECOND_LINE_AGENTS and start is not None and seg.start < start \
                and seg.route != "topical" and label not in prior:
            prior.append(label)
    months = None if r.follow_up_days is None else \
        round(r.follow_up_days / DAYS_PER_MONTH, 1)
    return Characteristics(
        r.study_code, r.sex, age_years(birth, start), age_years(birth, onset),
        age_years(onset, start), tuple(prior), months,
        NO_TACROLIMUS if start is None else "")


def _enzyme_values(out: dict[str, Any], results: Mapping[str, LabResult | None]) -> None:
    for code in REVIEW_ENZYMES:
        result = results.get(code)
        out[code.lower()] = None if result is None else result.value_canonical
        out[f"{code.lower()}_uln"] = None if result is None else result.uln_multiple


def _visit_values(v: VisitReview, raw: Values) -> dict[str, Any]:
    out: dict[str, Any] = {"study_day": v.study_day}
    for key, measure in _MEASURE_OF.items():
        out[key] = v.measures.get(measure)
    out["das_skin"] = raw.get("das_skin")
    activity = raw.get("physical_activity")
    out["physical_activity"] = None if activity in (None, "") else int(activity)
    out["pred_mg_kg_day"] = v.pred_eq_mg_kg_day
    out["printo"] = v.printo.status
    return out


def outcome_row(p: PatientInput) -> OutcomeRow:
    r = p.review
    raw = {v.get("id"): v for v in p.visits}
    base = next((v for v in r.visits if v.is_baseline), None)
    after = [v for v in r.visits if base is not None and v.visit_date > base.visit_date]
    last = after[-1] if after else None
    baseline: dict[str, Any] = {}
    follow: dict[str, Any] = {}
    final: dict[str, Any] = {key: None for key, _, _ in FINAL_OUTCOMES}
    notes: list[str] = []
    rule = BASELINE_RULE_TEXT.get(r.baseline_rule_code, r.baseline_rule_code)
    if base is None:
        notes.append(r.baseline_rule)  # "Baseline: none (why), so no TIS": no date
    else:
        baseline = _visit_values(base, raw.get(base.visit_id, {}))
        # the TIS's baseline enzymes: latest on or before day 0 under the tacrolimus rule
        cutoff = r.tacrolimus_start if r.baseline_rule_code == "last_on_or_before_tacrolimus" \
            and r.tacrolimus_start is not None else base.visit_date
        points = lab_points(p.labs)
        _enzyme_values(baseline, {code: baseline_lab(points, code, base.visit_date, cutoff)
                                  for code in REVIEW_ENZYMES})
    if last is None:
        if base is not None:
            notes.append(Message("no visit after the baseline"))
    else:
        follow = _visit_values(last, raw.get(last.visit_id, {}))
        _enzyme_values(follow, last.enzyme_results)
        final["pred_reduction_pct"] = percent_reduction(baseline.get("pred_mg_kg_day"),
                                                        follow["pred_mg_kg_day"])
        if last.tis is not None:
            final["tis"] = last.tis.score
            final["tis_category"] = last.tis.category or NOT_COMPUTABLE
            if last.tis.score is None:
                notes.append(Message("TIS not computable: {reason}", reason=last.tis.reason))
    return OutcomeRow(r.study_code, baseline, follow, final, rule, _joined(notes))


def _joined(notes: Sequence[str]) -> str:
    """The notes as one '; '-separated text that the UI translates part by part."""
    out = ""
    for note in notes:
        out = Message("{first}; {second}", first=out, second=note) if out else note
    return out


@dataclass(frozen=True)
class Spread:
    """Median and range of one outcome over the patients who have it."""

    median: float
    low: float
    high: float
    n: int


def spread(values: Sequence[Any]) -> Spread | None:
    known = sorted(float(v) for v in values if isinstance(v, int | float))
    if not known:
        return None
    return Spread(statistics.median(known), known[0], known[-1], len(known))


def outcome_summary(rows: Sequence[OutcomeRow]) -> dict[str, tuple[Any, Any]]:
    """Per outcome key ``(baseline, last)`` across patients: a :class:`Spread` for numbers;
    for PRINTO the number inactive of those evaluable; for the TIS category the count of
    each category. Built from the same rows as the per-patient table."""
    out: dict[str, tuple[Any, Any]] = {}
    for key, _, _ in TIMED_OUTCOMES:
        if key == "printo":
            def inactive(rows_at: list[dict[str, Any]]) -> tuple[int, int]:
                seen = [r.get("printo") for r in rows_at
                        if r.get("printo") in ("inactive", "active")]
                return sum(1 for s in seen if s == "inactive"), len(seen)
            out[key] = (inactive([r.baseline for r in rows]), inactive([r.last for r in rows]))
        else:
            out[key] = (spread([r.baseline.get(key) for r in rows]),
                        spread([r.last.get(key) for r in rows]))
    for key, _, _ in FINAL_OUTCOMES:
        if key == "tis_category":
            found = [r.final.get(key) for r in rows if r.final.get(key)]
            out[key] = (None, {c: found.count(c) for c in dict.fromkeys(found)})
        else:
            out[key] = (None, spread([r.final.get(key) for r in rows]))
    return out


def since_start(chart: ChartData) -> ChartData:
    """The chart's CK, LD and ASAT from day 0 on (the seed's Figure 1): no steroid line, no
    troughs, no dose marks; each result keeps its own ULN (the dashed reference line)."""
    if chart.day0 is None:
        return chart
    day0 = chart.day0
    series = {code: build_analyte(code, [p for p in s.points if p.sample_date >= day0],
                                  chart.time)
              for code, s in chart.series.items() if code in REVIEW_ENZYMES}
    xs = [x for s in series.values() for x in s.x]
    return replace(chart, series=series, prednisolone=StepSeries(), dose_changes=(),
                   troughs=TroughSeries(), pulses=(), pulse_marks=(),
                   x_range=(0.0, max([*xs, 1.0])) if xs else None,
                   missing_uln=sum(1 for s in series.values() for u in s.uln if u is None))


def ck_uln_course(p: PatientInput) -> UlnCourse:
    start = p.review.tacrolimus_start
    pairs = [((lab.sample_date - start).days, lab.uln_multiple) for lab in lab_points(p.labs)
             if start is not None and lab.analyte == "CK" and lab.sample_date >= start]
    kept = [(d, m) for d, m in pairs if m is not None and m > 0]
    return UlnCourse(p.review.study_code, tuple(d for d, _ in kept),
                     tuple(m for _, m in kept))


def ck_uln_group(patients: Sequence[PatientInput]) -> tuple[MedianPoint, ...]:
    """The median CK ULN multiple at each whole month since day 0: per patient the result
    nearest to that day within the review's lab window (:func:`nearest_lab`), over the patients
    who have one; a month with fewer than two such patients (in a series of two or more) has
    no median and is left out."""
    starts = [(p, p.review.tacrolimus_start) for p in patients]
    spans = [(p.review.follow_up_days or 0) for p, s in starts if s is not None]
    if not spans:
        return ()
    out = []
    for month in range(0, int(max(spans) / DAYS_PER_MONTH) + 2):
        day = round(month * DAYS_PER_MONTH)
        values = []
        for p, start in starts:
            if start is None:
                continue
            lab = nearest_lab(lab_points(p.labs), "CK", start + timedelta(days=day))
            if lab is not None and lab.sample_date >= start and lab.uln_multiple is not None:
                values.append(lab.uln_multiple)
        if values and len(values) >= min(2, len(spans)):
            out.append(MedianPoint(month, day, statistics.median(values), len(values)))
    return tuple(out)


def adverse_event_table(patients: Sequence[PatientInput]) -> AdverseEventTable:
    counts: dict[str, dict[str, int]] = {}
    who: dict[str, set[str]] = {}
    before = total = 0
    for p in patients:
        start = p.review.tacrolimus_start
        for ae in p.review.adverse_events:
            onset = to_date(ae.get("onset_date"))
            if start is None or onset is None or onset < start:
                before += 1
                continue
            category, grade = str(ae.get("category") or "other"), str(ae.get("grade") or "?")
            counts.setdefault(category, {}).setdefault(grade, 0)
            counts[category][grade] += 1
            who.setdefault(category, set()).add(p.review.study_code)
            total += 1
    order = [code for code, _ in codes.AE_CATEGORIES]
    ordered = {c: counts[c] for c in sorted(counts, key=lambda c: (
        order.index(c) if c in order else len(order), c))}
    return AdverseEventTable(ordered, {c: len(s) for c, s in who.items()}, before, total)


def assemble(patients: Sequence[PatientInput], settings: StudySettings) -> CaseSeries:
    """The whole report's data; ``patients`` in the order the report lists them."""
    table1 = tuple(characteristics(p) for p in patients)
    included = [p for p, c in zip(patients, table1, strict=True) if not c.excluded]
    return CaseSeries(
        settings.study_name, settings.synthetic, table1,
        tuple(outcome_row(p) for p in included),
        tuple(since_start(p.chart) for p in included),
        tuple(ck_uln_course(p) for p in included),
        ck_uln_group(included),
        adverse_event_table(included), settings,
    )

