"""Storage of lab imports (issue 20): patients by code or hospital number, the stored results a
file's rows are compared with, the import's rows and audit entries, saved mappings, undo."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change
from jdmdesk.db.bulk import insert_rows
from jdmdesk.db.ids import new_ids
from jdmdesk.domain.lab_rows import Patient, Stored

LAB_COLUMNS = ("id", "patient_id", "sample_id", "sample_date", "sample_time", "analyte", "value",
               "censored", "unit", "value_canonical", "ref_low", "ref_high", "import_id",
               "missing", "created_at", "updated_at")
_AUDITED = ("sample_date", "sample_time", "analyte", "value", "censored", "unit", "ref_low",
            "ref_high")


def find_patient(db: Database, text: str, key: str) -> Patient | None:
    """The patient whose study code (any case) or hospital number is ``text``; ``key`` is
    ``study_code``, ``hospital_number`` or ``auto`` (study code first)."""
    row = None
    if key in ("auto", "study_code"):
        row = db.conn.execute("SELECT id, birth_date, deleted FROM patient "
                              "WHERE study_code = ?", (text,)).fetchone()
    if row is None and key in ("auto", "hospital_number"):
        row = db.conn.execute("SELECT id, birth_date, deleted FROM patient "
                              "WHERE hospital_number = ?", (text,)).fetchone()
    if row is None:
        return None
    return Patient(row[0], date.fromisoformat(row[1]) if row[1] else None, bool(row[2]))


def stored_results(db: Database, patient_id: str
                   ) -> dict[tuple[str, str, str], list[Stored]]:
    """The patient's live results by (analyte, sample date, sample time or '')."""
    out: dict[tuple[str, str, str], list[Stored]] = {}
    for r in db.conn.execute(
            "SELECT id, analyte, sample_date, sample_time, value, unit, value_canonical, "
            "censored FROM lab_result WHERE patient_id = ? AND deleted = 0", (patient_id,)):
        out.setdefault((r[1], r[2], r[3] or ""), []).append(
            Stored(r[0], float(r[4]), r[5], float(r[6]), r[7]))
    return out


@dataclass(frozen=True)
class NewResult:
    patient_id: str
    line: int
    values: Mapping[str, Any]
    value_canonical: float
    warnings: Mapping[str, str]


def insert_results(db: Database, user: str, import_id: str, file_name: str, sha256: str,
                   results: Sequence[NewResult],
                   samples: dict[tuple[str, str, str], str] | None = None) -> list[str]:
    """Insert the results (one sample id per patient, date and time of the batch) and one
    audit entry per result naming the file, its SHA-256 and the line. Runs inside the
    caller's transaction; returns the new ids in order. ``samples`` carries the sample ids
    from one batch of the import to the next."""
    if not results:
        return []
    now = audit.utc_now()
    ids = new_ids(len(results))
    samples = {} if samples is None else samples
    fresh = iter(new_ids(len(results)))
    params, changes = [], []
    for record_id, r in zip(ids, results, strict=True):
        v = r.values
        sample_key = (r.patient_id, v["sample_date"], v.get("sample_time") or "")
        sample_id = samples.setdefault(sample_key, next(fresh))
        params.append((record_id, r.patient_id, sample_id, v["sample_date"], v.get("sample_time"),
                       v["analyte"], v["value"], v.get("censored"), v["unit"],
                       r.value_canonical, v.get("ref_low"), v.get("ref_high"), import_id,
                       "{}", now, now))
        new = {name: v.get(name) for name in _AUDITED if v.get(name) is not None}
        new.update(patient_id=r.patient_id, value_canonical=r.value_canonical,
                   source={"file": file_name, "sha256": sha256, "line": r.line,
                           "import_id": import_id})
        reason = None
        if r.warnings:
            reason = "imported unusual value: " + "; ".join(r.warnings.values())
        changes.append(Change("import", "lab_result", record_id, None, None, new, reason))
    insert_rows(db, "lab_result", LAB_COLUMNS, params)
    audit.append(db, user, changes, at_utc=now)
    return ids


def record_import(db: Database, user: str, import_id: str, file_name: str, sha256: str,
                  counts: Mapping[str, int]) -> None:
    """The import itself: one row and one audited event with its counts."""
    now = audit.utc_now()
    db.conn.execute("INSERT INTO lab_import (id, file_name, sha256, imported_by, imported_at, "
                    "counts) VALUES (?, ?, ?, ?, ?, ?)",
                    (import_id, file_name, sha256, user, now, json.dumps(dict(counts))))
    audit.append(db, user, [Change("import", "lab_import", import_id, None, None,
                                   {"file": file_name, "sha256": sha256, **counts},
                                   f"lab results imported from {file_name}")], at_utc=now)


@dataclass(frozen=True)
class ImportRow:
    id: str
    file_name: str
    sha256: str
    imported_by: str
    imported_at: str
    counts: dict[str, int]
    undone: bool
    undone_reason: str | None


def _import_row(r: Sequence[Any]) -> ImportRow:
    return ImportRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), bool(r[6]), r[7])


_IMPORT_SELECT = ("SELECT id, file_name, sha256, imported_by, imported_at, counts, undone, "
                  "undone_reason FROM lab_import")


def list_imports(db: Database) -> list[ImportRow]:
    return [_import_row(r) for r in
            db.conn.execute(f"{_IMPORT_SELECT} ORDER BY imported_at DESC")]


def get_import(db: Database, import_id: str) -> ImportRow | None:
    r = db.conn.execute(f"{_IMPORT_SELECT} WHERE id = ?", (import_id,)).fetchone()
    return _import_row(r) if r else None


def undo_import(db: Database, user: str, import_id: str, reason: str) -> dict[str, list[str]]:
    """Soft-delete every live result of the import (with ``reason``) and mark it undone;
    returns the deleted ids by patient. Inside the caller's transaction."""
    rows = db.conn.execute("SELECT id, patient_id FROM lab_result WHERE import_id = ? "
                           "AND deleted = 0", (import_id,)).fetchall()
    now = audit.utc_now()
    db.conn.execute("UPDATE lab_result SET deleted = 1, deleted_reason = ?, updated_at = ? "
                    "WHERE import_id = ? AND deleted = 0", (reason, now, import_id))
    db.conn.execute("UPDATE lab_import SET undone = 1, undone_reason = ? WHERE id = ?",
                    (reason, import_id))
    changes = [Change("delete", "lab_result", rid, "deleted", 0, 1, reason) for rid, _ in rows]
    changes.append(Change("undo_import", "lab_import", import_id, "undone", 0, 1, reason))
    audit.append(db, user, changes, at_utc=now)
    by_patient: dict[str, list[str]] = {}
    for rid, pid in rows:
        by_patient.setdefault(pid, []).append(rid)
    return by_patient


def saved_mapping(db: Database, key: str) -> dict[str, Any] | None:
    row = db.conn.execute("SELECT mapping FROM lab_import_mapping WHERE header_key = ?",
                          (key,)).fetchone()
    return json.loads(row[0]) if row else None


def save_mapping(db: Database, user: str, key: str, mapping: Mapping[str, Any]) -> bool:
    """Store the mapping for this header (audited); False when it was already the same."""
    old = saved_mapping(db, key)
    new = dict(mapping)
    if old == new:
        return False
    now = audit.utc_now()
    db.conn.execute("INSERT INTO lab_import_mapping (header_key, mapping, updated_at) "
                    "VALUES (?, ?, ?) ON CONFLICT (header_key) DO UPDATE SET "
                    "mapping = excluded.mapping, updated_at = excluded.updated_at",
                    (key, json.dumps(new, sort_keys=True), now))
    audit.append(db, user, [Change("update" if old else "create", "lab_import_mapping", None,
                                   "mapping", old, {"header": key.split("\x1f"), **new},
                                   "lab import mapping saved")], at_utc=now)
    return True
