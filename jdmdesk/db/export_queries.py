"""Streaming reads for the study exports (jdmdesk.export).

Every reader yields plain dicts one row at a time from a cursor, so an export of a million lab
rows never holds them all in memory. Soft-deleted records, and every record of a soft-deleted
patient, are left out. Rows come ordered by study code and then by date, so the rows of one
patient are contiguous in every stream (the writers merge the streams patient by patient).
Table and column names come from the field catalogue, never from input.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from jdmdesk.db.migrations import user_version
from jdmdesk.db.records import EXTRA_COLUMNS, ORDER_BY
from jdmdesk.domain.fields import record_type
from jdmdesk.domain.medication import day0

FETCH = 2_000


@dataclass(frozen=True)
class PatientContext:
    """What the pseudonymiser needs about one patient: key, birth date and day 0."""

    id: str
    study_code: str
    birth_date: str | None
    tacrolimus_start: str | None
    sex: str | None = None


def schema_version(db: Database) -> int:
    return user_version(db.conn)


def patient_contexts(db: Database) -> dict[str, PatientContext]:
    """Every live patient, keyed by id, with day 0 as the domain decides it
    (:func:`jdmdesk.domain.medication.day0`) from the patient's live medication segments."""
    starts: defaultdict[str, list[tuple[str, str, date]]] = defaultdict(list)
    for patient_id, drug, route, begin in db.conn.execute(
            "SELECT patient_id, drug, route, start_date FROM medication WHERE deleted = 0"):
        starts[patient_id].append((drug, route, date.fromisoformat(begin)))
    contexts = {}
    sql = ("SELECT id, study_code, birth_date, sex FROM patient WHERE deleted = 0 "
           "ORDER BY study_code")
    for pid, code, birth, sex in db.conn.execute(sql):
        start = day0(starts.get(pid, ()))
        contexts[pid] = PatientContext(pid, code, birth,
                                       None if start is None else start.isoformat(), sex)
    return contexts


def _columns(kind: str) -> tuple[str, ...]:
    rt = record_type(kind)
    return ("id", *rt.field_names, *EXTRA_COLUMNS.get(kind, ()), "missing")


def count_records(db: Database, kind: str) -> int:
    rt = record_type(kind)
    if kind == "patient":
        sql = "SELECT count(*) FROM patient WHERE deleted = 0"
    else:
        sql = (f"SELECT count(*) FROM {rt.table} t JOIN patient p ON p.id = t.patient_id "
               "WHERE t.deleted = 0 AND p.deleted = 0")
    return int(db.conn.execute(sql).fetchone()[0])


def iter_records(db: Database, kind: str, *,
                 same_day_analytes: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """Live records of one type, ordered by study code then date; ``missing`` parsed.

    Each row has ``patient_id`` (the patient's own id for patients), the catalogue's fields,
    the table's extra columns and ``missing`` (a dict). Medication rows also carry
    ``weight_kg_at_start`` (latest visit weight on or before the start date, §6). Visit rows
    carry ``lab_<CODE>`` for each of ``same_day_analytes``: the canonical value of the first
    live sample of that analyte taken on the visit date, if any.
    """
    rt = record_type(kind)
    cols = _columns(kind)
    if kind == "patient":
        select = ", ".join(f"t.{c}" for c in cols)
        sql = f"SELECT t.id, {select} FROM patient t WHERE t.deleted = 0 ORDER BY t.study_code"
        names = ("patient_id", *cols)
    else:
        select = ", ".join(f"t.{c}" for c in cols)
        extra, names = "", ("patient_id", *cols)
        if kind == "medication":
            extra = (", (SELECT v.weight_kg FROM visit v WHERE v.patient_id = t.patient_id "
                     "AND v.deleted = 0 AND v.weight_kg IS NOT NULL "
                     "AND v.visit_date <= t.start_date "
                     "ORDER BY v.visit_date DESC, v.created_at DESC LIMIT 1)")
            names = (*names, "weight_kg_at_start")
        params: list[str] = []
        if kind == "visit":
            for code in same_day_analytes:
                extra += (", (SELECT l.value_canonical FROM lab_result l "
                          "WHERE l.patient_id = t.patient_id AND l.analyte = ? "
                          "AND l.sample_date = t.visit_date AND l.deleted = 0 "
                          "ORDER BY l.sample_time, l.created_at LIMIT 1)")
                params.append(code)
            names = (*names, *(f"lab_{code}" for code in same_day_analytes))
        order = ", ".join(f"t.{c.strip()}" for c in ORDER_BY[kind].split(","))
        sql = (f"SELECT t.patient_id, {select}{extra} FROM {rt.table} t "
               "JOIN patient p ON p.id = t.patient_id "
               f"WHERE t.deleted = 0 AND p.deleted = 0 ORDER BY p.study_code, {order}")
    cursor = db.conn.execute(sql, params) if kind != "patient" else db.conn.execute(sql)
    missing_at = names.index("missing")
    while True:
        batch = cursor.fetchmany(FETCH)
        if not batch:
            return
        for row in batch:
            values = list(row)
            reasons = values[missing_at]
            values[missing_at] = {} if not reasons or reasons == "{}" else json.loads(reasons)
            yield dict(zip(names, values, strict=True))


LAB_RESULT_COLUMNS = ("id", "analyte", "sample_date", "sample_time", "value", "censored", "unit",
                      "value_canonical", "ref_low", "ref_high")


def iter_lab_values(db: Database) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(patient_id, values)`` of every live lab result in the order of
    ``iter_records(db, "lab")``, with only what ``LabResult.from_values`` reads (no notes, no
    missing reasons): the analysis table's second pass over the labs."""
    select = ", ".join(f"t.{c}" for c in LAB_RESULT_COLUMNS)
    order = ", ".join(f"t.{c.strip()}" for c in ORDER_BY["lab"].split(","))
    cursor = db.conn.execute(
        f"SELECT t.patient_id, {select} FROM lab_result t JOIN patient p ON p.id = t.patient_id "
        f"WHERE t.deleted = 0 AND p.deleted = 0 ORDER BY p.study_code, {order}")
    while True:
        batch = cursor.fetchmany(FETCH)
        if not batch:
            return
        for row in batch:
            yield row[0], dict(zip(LAB_RESULT_COLUMNS, row[1:], strict=True))


def analyte_units(db: Database) -> dict[str, tuple[str, list[str]]]:
    """Analyte code -> (canonical unit, accepted units) as stored in the study file."""
    out: dict[str, tuple[str, list[str]]] = {
        code: (unit, []) for code, unit in
        db.conn.execute("SELECT code, canonical_unit FROM analyte ORDER BY code")
    }
    for analyte, unit in db.conn.execute(
            "SELECT analyte, unit FROM analyte_unit ORDER BY analyte, unit"):
        if analyte in out:
            out[analyte][1].append(unit)
    return out


AUDIT_COLUMNS = ("seq", "at_utc", "user", "action", "table_name", "record_id", "field",
                 "old_value", "new_value", "reason", "prev_hash", "hash")


def count_audit(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def iter_audit(db: Database) -> Iterator[dict[str, Any]]:
    cursor = db.conn.execute(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log ORDER BY seq")
    while True:
        batch = cursor.fetchmany(FETCH)
        if not batch:
            return
        for row in batch:
            yield dict(zip(AUDIT_COLUMNS, row, strict=True))
