"""The export's column model: :class:`Column` and :class:`Table`, the getters that read a
value from a database row and the patient's context, and the columns built from the field
catalogue. Shared by the record tables (``rows``) and the analysis table (``analysis``), so
that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain import codes
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

    @cached_property
    def _plan(self) -> tuple[tuple[int, str, Getter], ...]:
        """Per column: (how, field, getter); how is _PLAIN for a stored value read straight
        from the record, _REASON for a ``_missing`` column (empty when the record has no
        missing reasons at all), _COMPUTED for any other getter."""
        plan: list[tuple[int, str, Getter]] = []
        for c in self.columns:
            how = _PLAIN if isinstance(c.get, _FieldValue) else \
                _REASON if isinstance(c.get, _MissingReason) else _COMPUTED
            plan.append((how, getattr(c.get, "name", ""), c.get))
        return tuple(plan)

    def row(self, rec: dict[str, Any], ctx: PatientContext) -> list[Any]:
        """The table's cells for one record: exactly ``[c.get(rec, ctx) for c in columns]``,
        with the stored values read without a call per cell."""
        get = rec.get
        no_reasons = not rec.get("missing")
        return [get(name) if how == _PLAIN
                else None if how == _REASON and no_reasons else getter(rec, ctx)
                for how, name, getter in self._plan]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# --- getters ---------------------------------------------------------------------------------

_PLAIN, _REASON, _COMPUTED = 0, 1, 2


class _FieldValue:
    """Getter of a value as stored in the record (Table.row reads it without the call)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, rec: dict[str, Any], ctx: PatientContext) -> Any:
        return rec.get(self.name)


class _MissingReason:
    """Getter of the export code of why ``name`` is empty (see :func:`_reason`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, rec: dict[str, Any], ctx: PatientContext) -> str | None:
        return _reason(rec, self.name)


def _value(name: str) -> Getter:
    return _FieldValue(name)


def _reason(rec: dict[str, Any], name: str) -> str | None:
    """The export code of why ``name`` is empty (:func:`codes.missing_export_code`)."""
    reason = rec["missing"].get(name) if rec.get(name) is None else None
    return None if reason is None else codes.missing_export_code(str(reason))


def _missing(name: str) -> Getter:
    return _MissingReason(name)


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


TOTALS_KEY = "_totals"  # a visit record's derived totals, computed once per record


def record_totals(rec: dict[str, Any]) -> dict[str, Any]:
    """:func:`visit_totals` of a visit record, kept in the record for its other columns."""
    totals: dict[str, Any] | None = rec.get(TOTALS_KEY)
    if totals is None:
        totals = rec[TOTALS_KEY] = dict(visit_totals(rec))
    return totals


def _totals_getter(name: str) -> Getter:
    return lambda rec, ctx: record_totals(rec)[name]


def _derived_visit() -> list[Column]:
    return [Column(d.name, d.label, d.kind, _totals_getter(d.name), unit=d.unit, range=d.range,
                   origin="derived", source="visit", description=d.help)
            for d in RECORD_TYPES["visit"].derived]


def _sex_column() -> Column:
    f = RECORD_TYPES["patient"].field("sex")
    return Column("sex", f.label, Kind.CODE, lambda rec, ctx: ctx.sex, codes=f.codes,
                  source="patient.sex")
