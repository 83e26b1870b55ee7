"""Export tables: their columns (read from the data dictionary) and the pseudonymised rows.

One :class:`Table` per output table. Each :class:`Column` knows its dictionary entry (label,
type, unit, allowed range or codes, entered or derived) and how to read its value from a
database row and the patient's :class:`PatientContext`. All writers (CSV, Excel, ODM, REDCap)
use the same tables, so every format applies the same de-identification.

Pseudonymisation (the default):

* the patient key is the study code; initials and birth date (``identifying``) are dropped;
* no calendar date: every date field ``d`` becomes ``d_day`` (days since the patient's first
  systemic tacrolimus start, day 0) and ``d_age`` (age in years at that date, one decimal);
  a patient without tacrolimus has empty ``d_day`` with ``d_day_missing = no_tacrolimus_start``;
* free text (``free_text`` fields) is dropped unless asked for;
* record ids are the random UUIDs of the study file (no information about the patient), kept so
  that files from several sites can be merged and the audit trail can be read against the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain import labs
from jdmdesk.domain import medication as med
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import RECORD_TYPES, Kind
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import age_years
from jdmdesk.export.analysis import analysis_table
from jdmdesk.export.columns import (
    DAY_MISSING_CODES,
    NO_TACROLIMUS,
    Column,
    Getter,
    Table,
    _derived_visit,
    _key_columns,
    _value,
    entered_columns,
)

__all__ = ["DAY_MISSING_CODES", "NO_TACROLIMUS", "Column", "Table", "export_tables",
           "record_table", "table_rows"]


def _derived_patient(identified: bool) -> list[Column]:
    cols = []
    if identified:
        cols.append(Column("tacrolimus_start", Message("First systemic tacrolimus start (day 0)"),
                           Kind.DATE, lambda rec, ctx: ctx.tacrolimus_start, origin="derived",
                           source="medication.start_date"))
    cols.append(Column("tacrolimus_start_age", Message("Age at the first tacrolimus start"),
                       Kind.DECIMAL, lambda rec, ctx: age_years(ctx.birth_date,
                                                             ctx.tacrolimus_start),
                       unit="years", origin="derived", source="medication.start_date"))
    return cols


def _dose(fn: Callable[[med.Segment, float | None], float | None]) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> float | None:
        seg = med.Segment.from_values(rec)
        value = fn(seg, rec.get("weight_kg_at_start"))
        return None if value is None else round(value, 4)
    return get


def _derived_medication() -> list[Column]:
    spec = {d.name: d for d in RECORD_TYPES["medication"].derived}
    out = []
    weight = ("Uses the weight of the latest visit on or before the start date when the dose "
              "is per kg")
    pred = ("Prednisolone-equivalent (BNF factors: prednisolone/prednisone 1, "
            "methylprednisolone 1.25, dexamethasone 6.67, hydrocortisone 0.25) of a daily "
            "systemic corticosteroid; empty for other drugs, for IV methylprednisolone pulses "
            "(reported apart) and for single doses")
    for name, fn, text in (
            ("daily_dose_mg", med.daily_dose_mg, weight),
            ("dose_mg_kg_day", med.mg_per_kg_day,
             "The drug's own mg per kg per day (not a prednisolone equivalent). " + weight),
            ("pred_eq_mg_day", med.pred_equivalent_mg_day, pred),
            ("pred_eq_mg_kg_day", med.pred_eq_mg_kg_day,
             pred + "; per kg of the latest visit weight on or before the start date")):
        d = spec[name]
        out.append(Column(name, d.label, Kind.DECIMAL, _dose(fn), unit=d.unit,
                          origin="derived", source="dose_amount", description=text))
    return out


def _uln(rec: dict[str, Any], ctx: PatientContext) -> float | None:
    multiple = labs.uln_multiple(rec["value"], rec["analyte"], rec["unit"], rec.get("ref_high"))
    return None if multiple is None else round(multiple, 3)


@lru_cache(maxsize=4096)  # a study has few (analyte, unit, limit) triples and many results
def _limit_canonical(analyte: str, unit: str, limit: float | None) -> float | None:
    value = labs.limit_canonical(analyte, unit, limit)
    return None if value is None else round(value, 6)


def _limit(name: str) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> float | None:
        return _limit_canonical(rec["analyte"], rec["unit"], rec.get(name))
    return get


def _canonical_unit(rec: dict[str, Any], ctx: PatientContext) -> str | None:
    a = ANALYTES.get(rec["analyte"])
    return a.canonical_unit if a else None


def _derived_lab() -> list[Column]:
    units = sorted({u for a in ANALYTES.values() for u in a.units})
    return [
        Column("value_canonical", Message("Value in canonical unit"), Kind.DECIMAL,
               _value("value_canonical"), origin="derived", source="value",
               description="Value converted to the analyte's canonical unit (canonical_unit)"),
        Column("canonical_unit", "Canonical unit", Kind.CODE, _canonical_unit,
               codes=tuple((u, u) for u in units), origin="derived", source="analyte"),
        Column("ref_low_canonical", "Lower reference limit in canonical unit", Kind.DECIMAL,
               _limit("ref_low"), origin="derived", source="ref_low",
               description="ref_low converted like the value (same unit as value_canonical)"),
        Column("ref_high_canonical", "Upper reference limit in canonical unit", Kind.DECIMAL,
               _limit("ref_high"), origin="derived", source="ref_high",
               description="ref_high converted like the value (same unit as value_canonical)"),
        Column("uln_multiple", "Multiple of upper limit of normal", Kind.DECIMAL, _uln,
               origin="derived", source="value", description="value / ref_high"),
    ]


def _lab_unit_codes() -> CodeList:
    units = sorted({u for a in ANALYTES.values() for u in a.units})
    return tuple((u, u) for u in units)


def record_table(kind: str, *, identified: bool, include_free_text: bool) -> Table:
    rt = RECORD_TYPES[kind]
    cols = _key_columns(rt)
    if kind == "lab":
        cols.append(Column("sample_id", "Sample id", Kind.TEXT, _value("sample_id"),
                           origin="key", source="sample_id",
                           description="Random UUID shared by the results of one sample"))
    entered = entered_columns(rt, identified=identified, include_free_text=include_free_text)
    if kind == "lab":
        entered = [c if c.name != "unit" else Column(
            c.name, c.label, Kind.CODE, c.get, codes=_lab_unit_codes(), source=c.source,
            description=c.description) for c in entered]
    cols += entered
    if kind == "patient":
        cols += _derived_patient(identified)
    elif kind == "medication":
        cols += _derived_medication()
    elif kind == "lab":
        cols += _derived_lab()
    elif kind == "visit":
        cols += _derived_visit()
    descriptions = {
        "patient": "One row per patient.",
        "visit": "One row per visit: entered values and the derived totals.",
        "medication": "One row per medication dose segment.",
        "lab": "Laboratory results in long format: one row per result.",
        "adverse_event": "One row per adverse event.",
    }
    return Table(kind, rt.label, kind, tuple(cols), descriptions[kind])


def export_tables(*, identified: bool, include_free_text: bool) -> list[Table]:
    tables = [record_table(k, identified=identified, include_free_text=include_free_text)
              for k in ("patient", "visit", "medication", "lab", "adverse_event")]
    tables.append(analysis_table(identified=identified))
    return tables


# --- streams ---------------------------------------------------------------------------------

def table_rows(table: Table, records: Iterator[dict[str, Any]],
               contexts: dict[str, PatientContext]) -> Iterator[tuple[str, list[Any]]]:
    """(patient_id, row) for each record whose patient is exported."""
    for rec in records:
        ctx = contexts.get(rec["patient_id"])
        if ctx is None:
            continue
        yield rec["patient_id"], table.row(rec, ctx)
