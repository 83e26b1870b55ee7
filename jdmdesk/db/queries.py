"""Read queries the views need: patient list and search, study settings, lab reference prefill."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from jdmdesk.domain.medication import day0
from jdmdesk.domain.settings import StudySettings


@dataclass(frozen=True)
class PatientRow:
    id: str
    study_code: str
    sex: str
    birth_date: str
    deleted: bool = False


def _like_anywhere(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own wildcards escaped (``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_patients(db: Database, search: str = "", *, include_deleted: bool = False,
                  limit: int | None = None) -> list[PatientRow]:
    """Patients by study code; ``search`` matches anywhere in the code, case-insensitively."""
    where: list[str] = []
    params: list[str] = []
    if search.strip():
        where.append("study_code LIKE ? ESCAPE '\\'")
        params.append(_like_anywhere(search.strip()))
    if not include_deleted:
        where.append("deleted = 0")
    sql = "SELECT id, study_code, sex, birth_date, deleted FROM patient"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY study_code"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [PatientRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in db.conn.execute(sql, params)]


def patient_index(db: Database, search: str = "") -> list[tuple[str, str]]:
    """(id, study code) of the patients whose code contains ``search`` (any case): the list's
    query, kept lean because it runs on every keystroke over up to tens of thousands of
    patients. A substring cannot seek an index: it walks the study_code index (already in
    code order, so no sort), reading only the small patient table."""
    if search.strip():
        return db.conn.execute(
            "SELECT id, study_code FROM patient WHERE study_code LIKE ? ESCAPE '\\' "
            "AND deleted = 0 ORDER BY study_code", (_like_anywhere(search.strip()),)).fetchall()
    return db.conn.execute("SELECT id, study_code FROM patient WHERE deleted = 0 "
                           "ORDER BY study_code").fetchall()


def patient_id_by_code(db: Database, study_code: str) -> str | None:
    row = db.conn.execute("SELECT id FROM patient WHERE study_code = ?", (study_code,)).fetchone()
    return row[0] if row else None


def patient_id_by_hospital_number(db: Database, number: str) -> str | None:
    row = db.conn.execute("SELECT id FROM patient WHERE hospital_number = ?",
                          (number,)).fetchone()
    return row[0] if row else None


MEASURE_COLUMNS = ("weight_kg", "height_cm")


def previous_measure(db: Database, patient_id: str, column: str, before: str,
                     exclude_id: str | None = None) -> tuple[str, float] | None:
    """(visit date, value) of the patient's latest visit before ``before`` (ISO date) with
    ``column`` (weight_kg or height_cm) recorded; ``exclude_id`` is the visit being edited.
    One step down the (patient_id, visit_date) index, whatever the number of visits."""
    if column not in MEASURE_COLUMNS:
        raise ValueError(f"not a visit measure: {column!r}")
    row = db.conn.execute(
        f"SELECT visit_date, {column} FROM visit WHERE patient_id = ? AND visit_date < ? "
        f"AND deleted = 0 AND {column} IS NOT NULL AND id IS NOT ? "
        "ORDER BY visit_date DESC LIMIT 1", (patient_id, before, exclude_id)).fetchone()
    return (row[0], row[1]) if row else None


def patient_birth_date(db: Database, patient_id: str) -> str | None:
    row = db.conn.execute("SELECT birth_date FROM patient WHERE id = ?", (patient_id,)).fetchone()
    return row[0] if row else None


def tacrolimus_start(db: Database, patient_id: str) -> str | None:
    """Day 0 of the patient (ISO date), as :func:`jdmdesk.domain.medication.day0` decides it
    from the patient's live medication segments."""
    rows = db.conn.execute(
        "SELECT drug, route, start_date FROM medication WHERE patient_id = ? AND deleted = 0",
        (patient_id,),
    )
    start = day0((drug, route, date.fromisoformat(begin)) for drug, route, begin in rows)
    return None if start is None else start.isoformat()


def last_reference_range(db: Database, patient_id: str, analyte: str,
                         unit: str) -> tuple[float | None, float | None] | None:
    """This patient's latest reference range for the analyte in that unit, if any."""
    row = db.conn.execute(
        "SELECT ref_low, ref_high FROM lab_result WHERE patient_id = ? AND analyte = ? "
        "AND unit = ? AND deleted = 0 AND (ref_low IS NOT NULL OR ref_high IS NOT NULL) "
        "ORDER BY sample_date DESC, created_at DESC LIMIT 1",
        (patient_id, analyte, unit),
    ).fetchone()
    return (row[0], row[1]) if row else None


def read_settings(db: Database) -> StudySettings:
    values = {k: json.loads(v) for k, v in db.conn.execute("SELECT key, value FROM study_setting")}
    return StudySettings.from_mapping(values)


def raw_settings(db: Database) -> dict[str, Any]:
    return {k: json.loads(v) for k, v in db.conn.execute("SELECT key, value FROM study_setting")}


def write_setting(db: Database, key: str, value: Any) -> Any:
    """Upsert one setting inside the caller's transaction; returns the old value."""
    row = db.conn.execute("SELECT value FROM study_setting WHERE key = ?", (key,)).fetchone()
    db.conn.execute(
        "INSERT INTO study_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )
    return json.loads(row[0]) if row else None


def counts(db: Database) -> dict[str, int]:
    out = {}
    for table in ("patient", "visit", "medication", "lab_result", "adverse_event", "audit_log"):
        out[table] = int(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return out
