"""The analysis table (``analysis_visits``): one row per patient-visit, from the review's rules.

Every derived number of a row is read from the physician's review of that patient
(:func:`jdmdesk.domain.review.review_patient`), so screen and table cannot disagree (issue 18):
visit number, baseline flag and days since the first visit, change from baseline of each
core-set measure, TIS and its category, PRINTO inactive disease, the prednisolone equivalent on
the visit date and cumulated since the tacrolimus start, the tacrolimus dose on the visit date.

Laboratory values follow the review's one window rule (:func:`jdmdesk.domain.review.nearest_lab`,
:data:`~jdmdesk.domain.review.LAB_WINDOW_DAYS`): for each analyte, the sample closest to the
visit within ±14 days, the earlier one on ties; with it the offset in days (sample date minus
visit date) and the multiple of that result's own upper limit of normal
(:func:`jdmdesk.domain.labs.uln_multiple`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import export_queries as eq
from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.fields import Kind
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.review import (
    LAB_WINDOW_DAYS,
    MEASURES,
    VisitReview,
    lab_points,
    nearest_lab,
    review_patient,
)
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import age_years
from jdmdesk.export.columns import (
    Column,
    Getter,
    Table,
    _derived_visit,
    _key_columns,
    _sex_column,
    entered_columns,
)
from jdmdesk.export.streams import PatientPeek

ANALYSIS_ANALYTES: tuple[str, ...] = tuple(ANALYTES)
TIS_CATEGORIES = (("major", "Major improvement (TIS ≥ 70)"),
                  ("moderate", "Moderate improvement (TIS ≥ 45)"),
                  ("minimal", "Minimal improvement (TIS ≥ 30)"),
                  ("none", "No improvement (TIS < 30)"))
PRINTO_STATUSES = (("inactive", "Clinically inactive (≥ 3 of 4 PRINTO criteria met)"),
                   ("active", "Active (3 criteria met is impossible)"),
                   ("not_evaluable", "Not evaluable (too few criteria available)"))
MEASURE_LABELS = {"phga": "PhGA", "ptga": "PtGA", "extramuscular_ga": "Extramuscular GA",
                  "cmas_total": "CMAS total", "mmt8_total": "MMT8 total",
                  "chaq_di": "CHAQ DI", "das_total": "DAS total",
                  "cdasi_activity": "CDASI activity", "mdi_extent": "MDI extent",
                  "mdi_severity": "MDI severity", "mdi_global_vas": "MDI global damage"}
REVIEW_KEY = "_review"  # the visit's VisitReview in an analysis record
POINTS_KEY = "_points"  # the patient's lab results by analyte in an analysis record
LABS_KEY = "_labs"  # the visit's chosen result per analyte, chosen once per record


def _vr(rec: dict[str, Any]) -> VisitReview:
    review: VisitReview = rec[REVIEW_KEY]
    return review


def _review(fn: Callable[[VisitReview], Any], digits: int | None = None) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> Any:
        value = fn(_vr(rec))
        if digits is not None and isinstance(value, float):
            return round(value, digits)
        return value
    return get


def visit_lab(rec: dict[str, Any], code: str) -> LabResult | None:
    """The visit's result of ``code`` by the review's window rule (the review's own choice for
    the enzymes it shows and the trough, :func:`nearest_lab` for the other analytes). Chosen
    once per record and analyte: the value, offset and ULN columns share the choice."""
    chosen: dict[str, LabResult | None] = rec.setdefault(LABS_KEY, {})
    if code in chosen:
        return chosen[code]
    vr = _vr(rec)
    if code == "TACROLIMUS":
        lab = vr.trough
    elif code in vr.enzyme_results:
        lab = vr.enzyme_results[code]
    else:  # the analyte's own results: nearest_lab skips every other analyte anyway
        lab = nearest_lab(rec[POINTS_KEY].get(code, ()), code, vr.visit_date)
    chosen[code] = lab
    return lab


def _lab(code: str, what: str) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> Any:
        p = visit_lab(rec, code)
        if p is None:
            return None
        if what == "value":
            return p.value_canonical
        if what == "offset":
            return (p.sample_date - _vr(rec).visit_date).days
        multiple = p.uln_multiple
        return None if multiple is None else round(multiple, 3)
    return get


def _change(measure: str) -> Callable[[VisitReview], float | None]:
    return lambda v: v.change[measure]


def _printo_met(rec: dict[str, Any], ctx: PatientContext) -> int:
    return _vr(rec).printo.n_met


def _lab_columns() -> list[Column]:
    cols: list[Column] = []
    window = (f"the sample closest to the visit date within ±{LAB_WINDOW_DAYS} days (the "
              "earlier one on ties), the review's window rule")
    for code in ANALYSIS_ANALYTES:
        a = ANALYTES[code]
        stem = f"lab_{code.lower()}"
        cols += [
            Column(stem, Message("{analyte_label} at the visit", analyte_label=a.name),
                   Kind.DECIMAL, _lab(code, "value"),
                   unit=a.canonical_unit, origin="derived", source=f"lab.value_canonical[{code}]",
                   description=f"In the canonical unit; {window}; empty if none"),
            Column(f"{stem}_offset_days",
                   Message("{analyte_label}: sample day minus visit day", analyte_label=a.name),
                   Kind.INTEGER, _lab(code, "offset"), unit="days",
                   range=(-LAB_WINDOW_DAYS, LAB_WINDOW_DAYS), origin="derived",
                   source=f"lab.sample_date[{code}]",
                   description="Negative when the sample was taken before the visit"),
            Column(f"{stem}_uln_multiple",
                   Message("{analyte_label}: multiple of the upper limit of normal",
                           analyte_label=a.name),
                   Kind.DECIMAL, _lab(code, "uln"), origin="derived",
                   source=f"lab.value[{code}]",
                   description="value / ref_high of that result (its own lab's ULN); empty "
                               "without a reference limit"),
        ]
    return cols


def _review_columns() -> list[Column]:
    cols = [
        Column("visit_number", Message("Visit number"), Kind.INTEGER,
               _review(lambda v: v.visit_number),
               range=(1, 10_000), origin="derived", source="visit.visit_date",
               description="1, 2, … in visit-date order within the patient"),
        Column("baseline", Message("Baseline visit"), Kind.BOOLEAN,
               _review(lambda v: v.is_baseline),
               origin="derived", source="visit.visit_date",
               description="1 for the visit the review uses as baseline (the study's "
                           "baseline rule), else 0"),
        Column("days_since_first_visit", Message("Days since the first visit"), Kind.INTEGER,
               _review(lambda v: v.days_since_first_visit), unit="days",
               range=(0, 100_000), origin="derived", source="visit.visit_date",
               description="A time axis for every patient, with or without tacrolimus"),
    ]
    for m in MEASURES:
        cols.append(Column(f"{m}_change", Message("{measure_label}: change from baseline",
                                                  measure_label=MEASURE_LABELS[m]),
                           Kind.DECIMAL, _review(_change(m), 4),
                           origin="derived", source=f"visit.{m}",
                           description="Visit value minus the baseline visit's value; empty "
                                       "without a baseline or either value"))
    cols += [
        Column("tis", Message("Total Improvement Score"), Kind.DECIMAL,
               _review(lambda v: None if v.tis is None else v.tis.score, 4), range=(0, 100),
               unit="points", origin="derived", source="visit",
               description="ACR/EULAR TIS against the baseline visit (§3); empty for the "
                           "baseline, visits before it, and when a measure is missing"),
        Column("tis_category", Message("TIS response category"), Kind.CODE,
               _review(lambda v: None if v.tis is None else v.tis.category),
               codes=TIS_CATEGORIES, origin="derived", source="visit"),
        Column("printo_status", Message("PRINTO inactive disease"), Kind.CODE,
               _review(lambda v: v.printo.status), codes=PRINTO_STATUSES, origin="derived",
               source="visit", description="CK ≤ 150 U/L (the visit's CK by the window rule), "
                                           "CMAS ≥ 48, MMT8 ≥ 78, PhGA ≤ 0.2; ≥ 3 of 4"),
        Column("printo_criteria_met", Message("PRINTO criteria met"), Kind.INTEGER, _printo_met,
               range=(0, 4), origin="derived", source="visit"),
        Column("printo_criteria_available", Message("PRINTO criteria available"), Kind.INTEGER,
               _review(lambda v: v.printo.n_available), range=(0, 4), origin="derived",
               source="visit"),
        Column("pred_eq_mg_day", Message("Prednisolone equivalent on the visit date"), Kind.DECIMAL,
               _review(lambda v: v.pred_eq_mg_day, 4), unit="mg/day", origin="derived",
               source="medication",
               description="Sum over the daily systemic corticosteroids given that day (BNF "
                           "factors; IV pulses apart); empty when a dose cannot be computed"),
        Column("pred_eq_mg_kg_day",
               Message("Prednisolone equivalent per kg on the visit date"),
               Kind.DECIMAL, _review(lambda v: v.pred_eq_mg_kg_day, 4), unit="mg/kg/day",
               origin="derived", source="medication",
               description="Per kg of the latest visit weight on or before the visit"),
        Column("pred_eq_cumulative_mg", "Cumulative prednisolone equivalent since the "
               "tacrolimus start", Kind.DECIMAL, _review(lambda v: v.cumulative_pred_eq_mg, 2),
               unit="mg", origin="derived", source="medication",
               description="Daily doses summed from day 0 to the visit date, inclusive; empty "
                           "before day 0, without tacrolimus or with an unknown dose"),
        Column("tacrolimus_mg_day", Message("Tacrolimus dose on the visit date"), Kind.DECIMAL,
               _review(lambda v: v.tacrolimus_mg_day, 4), unit="mg/day", origin="derived",
               source="medication", description="Systemic tacrolimus given that day; 0 when "
                                                "none; empty when a dose cannot be computed"),
    ]
    return cols


def analysis_table(*, identified: bool) -> Table:
    """Row per visit, wide: patient covariates, visit values, totals, review numbers, labs."""
    from jdmdesk.domain.fields import RECORD_TYPES

    visit = RECORD_TYPES["visit"]
    cols = _key_columns(visit)
    cols.append(_sex_column())
    cols.append(Column("tacrolimus_start_age", Message("Age at the first tacrolimus start"),
                       Kind.DECIMAL,
                       lambda rec, ctx: age_years(ctx.birth_date, ctx.tacrolimus_start),
                       unit="years", origin="derived", source="medication.start_date"))
    cols += entered_columns(visit, identified=identified, include_free_text=False)
    cols += _derived_visit()
    cols += _review_columns()
    cols += _lab_columns()
    return Table("analysis_visits", "Analysis: one row per visit", "visit", tuple(cols),
                 "Wide table for analysis: one row per visit with the patient's sex, the visit "
                 "values, derived totals, the review's numbers (baseline, change, TIS, PRINTO, "
                 "steroid and tacrolimus doses) and the laboratory values of the visit by the "
                 f"review's window rule (±{LAB_WINDOW_DAYS} days, nearest sample).")


def analysis_records(db: Database, contexts: dict[str, PatientContext],
                     settings: StudySettings, today: date) -> Iterator[dict[str, Any]]:
    """Live visit records, ordered as every export stream, each with its ``VisitReview``
    (``_review``) and the patient's lab results (``_points``)."""
    def stream(kind: str) -> PatientPeek[dict[str, Any]]:
        return PatientPeek((str(r["patient_id"]), r) for r in eq.iter_records(db, kind))

    visits, meds = stream("visit"), stream("medication")
    labs = PatientPeek(eq.iter_lab_values(db))
    for patient in eq.iter_records(db, "patient"):
        pid = patient["patient_id"]
        mine = list(visits.take(pid))
        segs = list(meds.take(pid))
        results = [LabResult.from_values(r) for r in labs.take(pid)]
        if not mine or pid not in contexts:
            continue
        review = review_patient(patient, mine, segs, results, [], settings, today)
        points: dict[str, list[LabResult]] = {}
        for p in lab_points(results):  # sample-date order kept within each analyte
            points.setdefault(p.analyte, []).append(p)
        by_id = {v.visit_id: v for v in review.visits}
        for rec in mine:
            yield {**rec, REVIEW_KEY: by_id[rec["id"]], POINTS_KEY: points}
