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
from dataclasses import dataclass, field
from typing import Any

from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain import codes, labs
from jdmdesk.domain import medication as med
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import RECORD_TYPES, FieldSpec, Kind, RecordType
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import age_years, study_day
from jdmdesk.domain.totals import visit_totals

NO_TACROLIMUS = "no_tacrolimus_start"
DAY_MISSING_CODES: CodeList = (
    *codes.MISSING_REASONS_EXPORT,
    (NO_TACROLIMUS, "Patient has no systemic tacrolimus start (no day 0)"),
)

Getter = Callable[[dict[str, Any], PatientContext], Any]


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str  # a Kind value: text, longtext, integer, decimal, date, time, code, boolean
    get: Getter = field(compare=False, repr=False)
    unit: str = ""
    codes: CodeList = ()
    range: tuple[float, float] | None = None
    origin: str = "entered"  # entered | derived | key
    source: str = ""  # the database field it comes from
    description: str = ""

    @property
    def numeric(self) -> bool:
        """Written as a number (never neutralised, never quoted as text)."""
        return self.kind in (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN)

    @property
    def allowed(self) -> str:
        if self.codes:
            return "; ".join(f"{c}={label}" for c, label in self.codes)
        if self.range is not None:
            return f"{_num(self.range[0])} to {_num(self.range[1])}"
        return ""


@dataclass(frozen=True)
class Table:
    name: str  # file stem, sheet and form name
    label: str
    record_type: str  # which record stream feeds it
    columns: tuple[Column, ...]
    description: str = ""

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def row(self, rec: dict[str, Any], ctx: PatientContext) -> list[Any]:
        return [c.get(rec, ctx) for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# --- getters ---------------------------------------------------------------------------------

def _value(name: str) -> Getter:
    return lambda rec, ctx: rec.get(name)


def _reason(rec: dict[str, Any], name: str) -> str | None:
    """The export code of why ``name`` is empty (:func:`codes.missing_export_code`)."""
    reason = rec["missing"].get(name) if rec.get(name) is None else None
    return None if reason is None else codes.missing_export_code(str(reason))


def _missing(name: str) -> Getter:
    return lambda rec, ctx: _reason(rec, name)


def _day(name: str) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> int | None:
        value = rec.get(name)
        return None if value is None else study_day(value, ctx.tacrolimus_start)
    return get


def _day_missing(name: str) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> str | None:
        if rec.get(name) is None:
            return _reason(rec, name)
        return NO_TACROLIMUS if ctx.tacrolimus_start is None else None
    return get


def _age(name: str) -> Getter:
    return lambda rec, ctx: age_years(ctx.birth_date, rec.get(name))


# --- columns from the data dictionary --------------------------------------------------------

def _key_columns(rt: RecordType) -> list[Column]:
    cols = [Column("study_code", Message("Study code (patient key)"), Kind.TEXT,
                   lambda rec, ctx: ctx.study_code, origin="key", source="study_code",
                   description="The patient's pseudonymous study code")]
    cols.append(Column("record_id", Message("{record_label} record id", record_label=rt.label),
                       Kind.TEXT, _value("id"),
                       origin="key", source="id",
                       description="Random UUID of the record in the study file"))
    return cols


def _date_columns(f: FieldSpec, identified: bool) -> list[Column]:
    cols: list[Column] = []
    if identified:
        cols.append(Column(f.name, f.label, Kind.DATE, _value(f.name), source=f.name,
                           description="Calendar date (identified export only)"))
        if not f.required:
            cols.append(_missing_column(f))
        if f.identifying:  # the birth date: its study day and "age at birth" mean nothing
            return cols
    cols.append(Column(f"{f.name}_day", Message("{field_label}: study day", field_label=f.label),
                       Kind.INTEGER, _day(f.name),
                       unit="days", origin="derived", source=f.name,
                       description="Days since the first systemic tacrolimus start (day 0); "
                                   "negative before it"))
    cols.append(Column(f"{f.name}_day_missing",
                       Message("{field_label}: why the study day is empty", field_label=f.label),
                       Kind.CODE, _day_missing(f.name), codes=DAY_MISSING_CODES,
                       origin="derived", source=f.name))
    cols.append(Column(f"{f.name}_age",
                       Message("Age at {field_label_lower}", field_label=f.label), Kind.DECIMAL,
                       _age(f.name), unit="years", origin="derived", source=f.name,
                       description="Age in years at that date, one decimal"))
    return cols


def _missing_column(f: FieldSpec) -> Column:
    return Column(f"{f.name}_missing",
                  Message("{field_label}: reason missing", field_label=f.label), Kind.CODE,
                  _missing(f.name), codes=codes.MISSING_REASONS_EXPORT, source=f.name)


def _field_columns(f: FieldSpec) -> list[Column]:
    kind = Kind.TEXT if f.kind == Kind.LONGTEXT else f.kind
    col_codes = f.codes
    if f.name == "analyte":
        col_codes = tuple((a.code, a.name) for a in ANALYTES.values())
    cols = [Column(f.name, f.label, kind if f.kind != Kind.LONGTEXT else Kind.LONGTEXT,
                   _value(f.name), unit=f.unit, codes=col_codes, range=f.hard,
                   source=f.name, description=f.help)]
    if not f.required and not f.free_text:
        cols.append(_missing_column(f))
    return cols


def entered_columns(rt: RecordType, *, identified: bool,
                    include_free_text: bool) -> list[Column]:
    cols: list[Column] = []
    for f in rt.fields:
        if rt.name == "patient" and f.name == "study_code":
            continue
        if f.identifying and not identified:
            continue
        if f.free_text and not include_free_text:
            continue
        if f.kind == Kind.DATE:
            cols += _date_columns(f, identified)
        else:
            cols += _field_columns(f)
    return cols


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


def _limit(name: str) -> Getter:
    def get(rec: dict[str, Any], ctx: PatientContext) -> float | None:
        value = labs.limit_canonical(rec["analyte"], rec["unit"], rec.get(name))
        return None if value is None else round(value, 6)
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


def _totals_getter(name: str) -> Getter:
    return lambda rec, ctx: visit_totals(rec)[name]


def _derived_visit() -> list[Column]:
    return [Column(d.name, d.label, d.kind, _totals_getter(d.name), unit=d.unit, range=d.range,
                   origin="derived", source="visit", description=d.help)
            for d in RECORD_TYPES["visit"].derived]


def _sex_column() -> Column:
    f = RECORD_TYPES["patient"].field("sex")
    return Column("sex", f.label, Kind.CODE, lambda rec, ctx: ctx.sex, codes=f.codes,
                  source="patient.sex")


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
    from jdmdesk.export.analysis import analysis_table  # it builds on this module's columns

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
