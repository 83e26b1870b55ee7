"""A physician's summary of one patient, computed from plain record values (no I/O).

Baseline, per-visit scores against it, steroid exposure, tacrolimus troughs, kidney function and
safety flags, following clinical-reference.md §3-6.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from jdmdesk.domain import mdi
from jdmdesk.domain import medication as med
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.parse import format_number
from jdmdesk.domain.printo import PrintoResult, printo_inactive
from jdmdesk.domain.renal import (
    SCHWARTZ_FORMULA,
    SCHWARTZ_NAME,
    egfr_trend,
    schwartz_applies,
    schwartz_egfr,
)
from jdmdesk.domain.safety import SafetyFlag, safety_flags, trough_status
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import (
    age_years,
    completed_years,
    follow_up_days,
    last_record_date,
    study_day,
    to_date,
)
from jdmdesk.domain.tis import TIS_ENZYMES, CoreSet, TisResult, total_improvement_score
from jdmdesk.domain.totals import visit_totals

DAYS_PER_MONTH = 30.44  # as the review header has always shown months
REVIEW_ENZYMES = ("CK", "LD", "ASAT")  # shown per visit (the seed's Figure 1)
# The one window rule for a visit's labs (review, chart of the review and the export's analysis
# table): a result counts for a visit when sampled within ±14 days of it; :func:`nearest_lab`
# picks the closest, the earlier one on ties (baseline enzymes of the TIS: :func:`baseline_lab`).
LAB_WINDOW_DAYS = 14
MEASURES = ("phga", "ptga", "extramuscular_ga", "cmas_total", "mmt8_total", "chaq_di",
            "das_total", "cdasi_activity", "mdi_extent", "mdi_severity", "mdi_global_vas")
Values = Mapping[str, Any]


@dataclass(frozen=True)
class VisitReview:
    visit_date: date
    study_day: int | None
    measures: dict[str, float | None]
    change: dict[str, float | None]  # from baseline
    ck: float | None
    tis: TisResult | None  # None for the baseline visit itself and visits before it
    printo: PrintoResult
    is_baseline: bool = False
    visit_id: str | None = None  # the stored visit's id (for signing from the review)
    enzymes: dict[str, float | None] = field(default_factory=dict)  # nearest CK, LD, ASAT
    signed_by: str | None = None  # the signer's printed name when the visit is signed (locked)
    signed_at: str | None = None  # UTC, ISO 8601
    # "valid", "invalid", "not_bound" (signed before signatures were bound to content) or
    # "unchecked", as verified when the review was read (jdmdesk.db.signatures)
    signature_state: str | None = None
    # what the export's analysis table reads (issue 18), from the same rules as the screen
    visit_number: int = 1  # 1, 2, … in visit-date order
    days_since_first_visit: int = 0
    enzyme_results: dict[str, LabResult | None] = field(default_factory=dict)  # nearest_lab
    pred_eq_mg_day: float | None = None  # daily prednisolone equivalent on the visit date
    pred_eq_mg_kg_day: float | None = None  # per kg of the latest weight on or before it
    cumulative_pred_eq_mg: float | None = None  # tacrolimus start to the visit, inclusive
    tacrolimus_mg_day: float | None = None  # systemic tacrolimus given on the visit date
    trough: LabResult | None = None  # nearest tacrolimus level within the window
    damage: mdi.DamageSummary | None = None  # the Myositis Damage Index, when recorded


@dataclass(frozen=True)
class SteroidSummary:
    current_mg_kg_day: float | None
    current_mg_day: float | None  # None when a steroid dose cannot be computed (mg/m², …)
    start_mg_day: float | None
    cumulative_mg: float | None
    percent_reduction: float | None


@dataclass
class PatientReview:
    study_code: str
    sex: str
    age: float | None  # current age (today), shown apart from the ages that describe the course
    disease_years: float | None
    tacrolimus_start: date | None
    days_on_tacrolimus: int | None  # days on drug (dose > 0) up to today, stops excluded
    follow_up_days: int | None  # tacrolimus start to the last record, never to today
    baseline_date: date | None
    # the rule that chose the baseline, as used (see baseline_rule_used); shown with every TIS
    baseline_rule_code: str = "none"
    baseline_rule: str = ""
    settings_notes: tuple[str, ...] = ()  # e.g. a retired setting read as its fallback
    tacrolimus_text: str = "no tacrolimus recorded"  # header text: since, days on drug, stops
    age_at_tacrolimus_start: float | None = None
    last_record: date | None = None  # the latest visit or lab sample
    visits: list[VisitReview] = field(default_factory=list)
    steroids: SteroidSummary | None = None
    pulses: tuple[med.PulseCourse, ...] = ()  # IV methylprednisolone pulses, reported apart
    troughs: list[tuple[date, float, str]] = field(default_factory=list)
    trough_band: tuple[float, float] = (5.0, 10.0)
    egfr: list[tuple[date, float]] = field(default_factory=list)
    egfr_trend: str = "insufficient data"
    egfr_formula: str = SCHWARTZ_NAME  # the formula the eGFR values come from
    egfr_note: str = ""  # why creatinine results have no eGFR (age outside 1–17)
    flags: tuple[SafetyFlag, ...] = ()
    current_medications: list[Values] = field(default_factory=list)
    adverse_events: list[Values] = field(default_factory=list)

    @property
    def latest(self) -> VisitReview | None:
        return self.visits[-1] if self.visits else None


def lab_points(labs: Sequence[LabResult]) -> list[LabResult]:
    """The results of catalogued analytes, in sample-date order (stable for equal dates)."""
    return sorted((lab for lab in labs if lab.analyte in ANALYTES), key=lambda p: p.sample_date)


def nearest_lab(points: Sequence[LabResult], analyte: str, day: date) -> LabResult | None:
    """The sample closest to ``day`` within the window, preferring the earlier one on ties."""
    best: LabResult | None = None
    for p in points:
        if p.analyte != analyte or abs((p.sample_date - day).days) > LAB_WINDOW_DAYS:
            continue
        if best is None or (abs((p.sample_date - day).days), p.sample_date > day) < \
                (abs((best.sample_date - day).days), best.sample_date > day):
            best = p
    return best


def baseline_lab(points: Sequence[LabResult], analyte: str, day: date,
                 cutoff: date) -> LabResult | None:
    """The baseline result of ``analyte`` for a baseline visit on ``day``: among the samples
    within the window of that visit, the latest on or before ``cutoff`` (day 0 under the
    tacrolimus rule, so the baseline never comes from treatment when an earlier one exists);
    without one, the earliest after it. Equal dates keep the input order (last one wins)."""
    window = [p for p in points
              if p.analyte == analyte and abs((p.sample_date - day).days) <= LAB_WINDOW_DAYS]
    before = [p for p in window if p.sample_date <= cutoff]
    if before:
        return max(before, key=lambda p: p.sample_date)
    after = [p for p in window if p.sample_date > cutoff]
    return min(after, key=lambda p: p.sample_date) if after else None


def core_set(values: Values, points: Sequence[LabResult], day: date,
             baseline_cutoff: date | None = None) -> CoreSet:
    """The core set of a visit on ``day``; enzymes nearest to it, or for a baseline visit
    (``baseline_cutoff`` given) chosen by :func:`baseline_lab`."""
    measures = {**values, **visit_totals(values)}
    enzymes: dict[str, tuple[float, float | None]] = {}
    for code in TIS_ENZYMES:
        p = nearest_lab(points, code, day) if baseline_cutoff is None else \
            baseline_lab(points, code, day, baseline_cutoff)
        if p is not None:  # kept without a ULN too: the TIS decides what that means (§3)
            enzymes[code] = (p.value_canonical, p.uln_canonical)
    return CoreSet(measures.get("phga"), measures.get("ptga"), measures.get("extramuscular_ga"),
                   measures.get("mmt8_total"), measures.get("cmas_total"),
                   measures.get("chaq_di"), measures.get("das_total"), enzymes)


def visit_day(visit: Values) -> date:
    """The date of a visit (required by the catalogue, so never missing in stored data)."""
    day = to_date(visit["visit_date"])
    if day is None:
        raise ValueError("a visit needs a visit date")
    return day


def choose_baseline(visits: Sequence[Values], tac_start: date | None, rule: str) -> int | None:
    """Index of the baseline visit: last on or before tacrolimus start (default), or first."""
    if not visits:
        return None
    if rule == "last_on_or_before_tacrolimus" and tac_start is not None:
        before = [i for i, v in enumerate(visits) if visit_day(v) <= tac_start]
        return before[-1] if before else None
    return 0


BASELINE_RULE_TEXT = {
    "last_on_or_before_tacrolimus": Message("last visit on or before the tacrolimus start"),
    "first_visit": Message("first visit in the study (study setting)"),
    "first_visit_no_tacrolimus": Message("first visit, because no tacrolimus is recorded (the "
                                         "study's rule, last visit on or before the tacrolimus "
                                         "start, cannot apply)"),
    "none": Message("none"),
}


def baseline_rule_used(rule: str, tac_start: date | None, base: date | None,
                       has_visits: bool) -> tuple[str, str]:
    """``(code, label)`` of the baseline rule that :func:`choose_baseline` actually applied.

    Codes are the keys of :data:`BASELINE_RULE_TEXT`; the label names the rule, the baseline
    date and, when there is none, why. It is shown wherever a TIS is (issue 17 A5).
    """
    if base is None:
        why = (Message("no visit on or before the tacrolimus start") if has_visits
               else Message("no visits"))
        return "none", Message("Baseline: none ({why}), so no TIS", why=why)
    if rule == "last_on_or_before_tacrolimus":
        code = "first_visit_no_tacrolimus" if tac_start is None else rule
    else:
        code = "first_visit"
    return code, Message("Baseline: {rule}, visit of {date}", rule=BASELINE_RULE_TEXT[code],
                         date=base.isoformat())


def review_patient(patient: Values, visits: Sequence[Values], meds: Sequence[Values],
                   labs: Sequence[LabResult], adverse_events: Sequence[Values],
                   settings: StudySettings, today: date) -> PatientReview:
    visits = sorted(visits, key=lambda v: v["visit_date"])
    segments = [med.Segment.from_values(m) for m in meds]
    tac = med.tacrolimus_start(segments)
    points = lab_points(labs)
    onset = to_date(patient.get("onset_date"))
    last = last_record_date((v["visit_date"] for v in visits), (p.sample_date for p in points))
    # days on drug count to the last record (as the follow-up does), never on to today
    course = med.tacrolimus_course(segments, today if last is None else min(today, last))
    review = PatientReview(
        study_code=patient["study_code"], sex=patient["sex"],
        age=age_years(patient["birth_date"], today),
        disease_years=None if onset is None else round((today - onset).days / 365.25, 1),
        tacrolimus_start=tac, days_on_tacrolimus=None if course is None else course.days_on,
        tacrolimus_text=tacrolimus_text(course), settings_notes=settings.notices,
        follow_up_days=follow_up_days(tac, last),
        baseline_date=None, age_at_tacrolimus_start=age_years(patient["birth_date"], tac),
        last_record=last,
        trough_band=(settings.tacrolimus_target_low, settings.tacrolimus_target_high),
        adverse_events=sorted(adverse_events, key=lambda a: a["onset_date"]),
    )
    base_index = choose_baseline(visits, tac, settings.baseline_rule)
    base = None
    cutoff: date | None = None
    if base_index is not None:
        base_values = visits[base_index]
        review.baseline_date = visit_day(base_values)
        cutoff = tac if tac is not None and settings.baseline_rule == \
            "last_on_or_before_tacrolimus" else review.baseline_date
        base = (core_set(base_values, points, review.baseline_date, cutoff),
                {**base_values, **visit_totals(base_values)})
    review.baseline_rule_code, review.baseline_rule = baseline_rule_used(
        settings.baseline_rule, tac, review.baseline_date, bool(visits))
    weights = sorted((visit_day(v), float(v["weight_kg"])) for v in visits
                     if v.get("weight_kg") is not None)
    first = visit_day(visits[0]) if visits else None
    for i, v in enumerate(visits):
        day = visit_day(v)
        values = {**v, **visit_totals(v)}
        measures = {m: values.get(m) for m in MEASURES}
        change = {m: None if base is None or measures[m] is None or base[1].get(m) is None
                  else measures[m] - base[1][m] for m in MEASURES}
        # the baseline row shows the enzymes its TIS uses (one rule: baseline_lab)
        results = {code: baseline_lab(points, code, day, cutoff)
                   if i == base_index and cutoff is not None else nearest_lab(points, code, day)
                   for code in REVIEW_ENZYMES}
        enzymes = {code: None if p is None else p.value_canonical for code, p in results.items()}
        ck_value = enzymes["CK"]
        mg_day, mg_kg_day = steroid_on(day, segments, weights)
        tis = None
        if base is not None and base_index is not None and i > base_index:
            tis = total_improvement_score(base[0], core_set(v, points, day),
                                          mmt_max=settings.mmt_max,
                                          enzyme_method=settings.tis_enzyme_method)
        review.visits.append(VisitReview(
            day, study_day(day, tac), measures, change, ck_value, tis,
            printo_inactive(ck_value, values.get("cmas_total"),
                            values.get("mmt8_total"), values.get("phga")),
            is_baseline=i == base_index, visit_id=v.get("id"), enzymes=enzymes,
            visit_number=i + 1, days_since_first_visit=0 if first is None else (day - first).days,
            enzyme_results=results, pred_eq_mg_day=mg_day, pred_eq_mg_kg_day=mg_kg_day,
            cumulative_pred_eq_mg=None if tac is None or day < tac
            else med.cumulative_pred_eq_mg(segments, weights, tac, day),
            tacrolimus_mg_day=med.tacrolimus_mg_on(day, segments, weights),
            trough=nearest_lab(points, "TACROLIMUS", day), damage=mdi.summary(v)))
    review.steroids = _steroids(segments, weights, tac, today)
    review.pulses = med.pulse_courses(segments, weights)
    band = review.trough_band
    review.troughs = [(p.sample_date, p.value_canonical, trough_status(p.value_canonical, *band))
                      for p in points if p.analyte == "TACROLIMUS"]
    heights = sorted((visit_day(v), float(v["height_cm"])) for v in visits
                     if v.get("height_cm") is not None)
    birth = to_date(patient.get("birth_date"))
    outside_ages = 0
    for p in points:
        if p.analyte == "CREATININE":
            if not schwartz_applies(birth, p.sample_date):
                outside_ages += 1
                continue
            height = med.weight_on(p.sample_date, heights)  # same "latest on or before" rule
            egfr = schwartz_egfr(height, p.value_canonical)
            if egfr is not None:
                review.egfr.append((p.sample_date, round(egfr, 1)))
    if outside_ages:
        review.egfr_note = (Message(
            "eGFR not computed for {n} creatinine results outside ages 1–17 ({name}, "
            "{formula}, is valid for ages 1–17 only; adult: not computed)", n=outside_ages,
            name=SCHWARTZ_NAME, formula=SCHWARTZ_FORMULA) if outside_ages != 1 else Message(
            "eGFR not computed for 1 creatinine result outside ages 1–17 ({name}, "
            "{formula}, is valid for ages 1–17 only; adult: not computed)",
            name=SCHWARTZ_NAME, formula=SCHWARTZ_FORMULA))
    review.egfr_trend = egfr_trend(review.egfr)
    latest = {code: next((p.value_canonical for p in reversed(points) if p.analyte == code), None)
              for code in ("K", "MG", "GLUCOSE")}
    bp_visit = next((v for v in reversed(visits)
                     if v.get("sbp") is not None or v.get("dbp") is not None), None)
    bp_day = None if bp_visit is None else visit_day(bp_visit)
    review.flags = safety_flags(
        potassium=latest["K"], magnesium=latest["MG"], glucose=latest["GLUCOSE"],
        sbp=None if bp_visit is None else bp_visit.get("sbp"),
        dbp=None if bp_visit is None else bp_visit.get("dbp"),
        age_years=None if bp_day is None else completed_years(patient["birth_date"], bp_day),
        sex=patient.get("sex"),
        height_cm=None if bp_day is None else med.weight_on(bp_day, heights))
    review.current_medications = [m for m, s in zip(meds, segments, strict=True)
                                  if s.start <= today and (s.end is None or s.end >= today)]
    return review


def steroid_on(day: date, segments: Sequence[med.Segment],
               weights: Sequence[tuple[date, float]]) -> tuple[float | None, float | None]:
    """``(mg/day, mg/kg/day)`` of prednisolone equivalent on ``day``: the review's current dose
    (on today) and the export's dose at each visit; per kg of the latest weight on or before."""
    current = med.pred_eq_on(day, segments, weights)
    weight = med.weight_on(day, weights)
    return current, current / weight if weight and current is not None else None


def _steroids(segments: Sequence[med.Segment], weights: Sequence[tuple[date, float]],
              tac: date | None, today: date) -> SteroidSummary:
    current, per_kg = steroid_on(today, segments, weights)
    if tac is None:
        return SteroidSummary(per_kg, current, None, None, None)
    start = med.pred_eq_on(tac, segments, weights)
    cumulative = med.cumulative_pred_eq_mg(segments, weights, tac, today)
    return SteroidSummary(per_kg, current, start, cumulative,
                          None if start is None or current is None
                          else med.percent_reduction(start, current))


def tacrolimus_text(course: med.TacrolimusCourse | None) -> str:
    """'tacrolimus since 2024-03-01 (150 days on drug, 4.9 months; stopped 2024-04-01,
    restarted 2024-04-15)' for the review header."""
    if course is None:
        return Message("no tacrolimus recorded")
    events = sorted([(d, Message("stopped {date}", date=d.isoformat())) for d in course.stops]
                    + [(d, Message("restarted {date}", date=d.isoformat()))
                       for d in course.restarts])
    return Message("tacrolimus since {date} ({days} days on drug, {months} months{events}{off})",
                   date=course.start.isoformat(), days=course.days_on,
                   months=f"{course.days_on / DAYS_PER_MONTH:.1f}",
                   events=Message("; {events}", events=_joined([e for _, e in events], ", "))
                   if events else "",
                   off="" if course.on_drug else Message("; not on tacrolimus at the last record"))


def _joined(parts: Sequence[str], separator: str) -> str:
    """``parts`` joined, each part a Message the UI translates (", " or "; " between)."""
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out = Message("{first}, {second}" if separator == ", " else "{first}; {second}",
                      first=out, second=part)
    return out


def pulse_text(pulses: Sequence[med.PulseCourse]) -> str:
    """'IV methylprednisolone pulses: 3 doses, 1500 mg in total (2024-03-21 to 2024-03-23)'."""
    if not pulses:
        return Message("IV methylprednisolone pulses: none")
    doses = sum(p.doses for p in pulses)
    totals = [p.total_mg for p in pulses]
    total = Message("total unknown (a dose not convertible to mg)") \
        if any(t is None for t in totals) else Message(
            "{mg} mg in total", mg=format_number(round(sum(t for t in totals if t is not None), 1)))
    dates = _joined([p.start.isoformat() if p.doses == 1 else Message(
        "{start} to {end}", start=p.start.isoformat(), end=p.end.isoformat()) for p in pulses],
        "; ")
    return Message("IV methylprednisolone pulses (reported apart from the daily dose): "
                   "{doses} in {courses}, {total} ({dates})",
                   doses=Message("1 dose") if doses == 1 else Message("{n} doses", n=doses),
                   courses=Message("1 course") if len(pulses) == 1
                   else Message("{n} courses", n=len(pulses)), total=total, dates=dates)


def overdue(last_visit: date | None, interval_days: int, today: date) -> bool:
    return last_visit is not None and today - last_visit > timedelta(days=interval_days)
