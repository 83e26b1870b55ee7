"""Repository for clinical records: one generic path for every record type of the catalogue.

Writers run inside the caller's transaction (see ``connection.write_transaction``) and append
their audit rows to it. Table and column names come from the field catalogue, never from input.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change
from jdmdesk.db.ids import new_id
from jdmdesk.domain.fields import RecordType, record_type

# Columns a table has beyond the catalogue's fields and the common system columns.
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "lab": ("sample_id", "value_canonical"),
}
SYSTEM_COLUMNS = ("id", "missing", "created_at", "updated_at", "deleted", "deleted_reason")


class RecordNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    patient_id: str | None
    values: dict[str, Any]
    missing: dict[str, str]
    created_at: str
    updated_at: str
    deleted: bool = False
    deleted_reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        if name in self.values:
            return self.values[name]
        return self.extra[name]

    def get(self, name: str, default: Any = None) -> Any:
        if name in self.values:
            return self.values[name]
        return self.extra.get(name, default)


def _columns(rt: RecordType) -> tuple[str, ...]:
    patient = () if rt.name == "patient" else ("patient_id",)
    return (*patient, *rt.field_names, *EXTRA_COLUMNS.get(rt.name, ()), *SYSTEM_COLUMNS)


def _select(rt: RecordType) -> str:
    return f"SELECT {', '.join(_columns(rt))} FROM {rt.table}"


def _to_record(rt: RecordType, row: tuple[Any, ...]) -> Record:
    data = dict(zip(_columns(rt), row, strict=True))
    return Record(
        kind=rt.name,
        id=data["id"],
        patient_id=data.get("patient_id") if rt.name != "patient" else data["id"],
        values={name: data[name] for name in rt.field_names},
        missing=json.loads(data["missing"]),
        created_at=data["created_at"],
        updated_at=data["updated_at"],
        deleted=bool(data["deleted"]),
        deleted_reason=data["deleted_reason"],
        extra={name: data[name] for name in EXTRA_COLUMNS.get(rt.name, ())},
    )


def get(db: Database, kind: str, record_id: str) -> Record | None:
    rt = record_type(kind)
    row = db.conn.execute(f"{_select(rt)} WHERE id = ?", (record_id,)).fetchone()
    return _to_record(rt, row) if row else None


def require(db: Database, kind: str, record_id: str) -> Record:
    rec = get(db, kind, record_id)
    if rec is None:
        raise RecordNotFound(f"no {kind} with id {record_id}")
    return rec


ORDER_BY = {
    "visit": "visit_date, created_at",
    "medication": "start_date, created_at",
    "lab": "sample_date, sample_time, created_at",
    "adverse_event": "onset_date, created_at",
    "patient": "study_code",
}


def list_for_patient(db: Database, kind: str, patient_id: str, *,
                     include_deleted: bool = False) -> list[Record]:
    rt = record_type(kind)
    where = "patient_id = ?" + ("" if include_deleted else " AND deleted = 0")
    sql = f"{_select(rt)} WHERE {where} ORDER BY {ORDER_BY[kind]}"
    return [_to_record(rt, r) for r in db.conn.execute(sql, (patient_id,))]


def insert(db: Database, user: str, kind: str, values: Mapping[str, Any],
           missing: Mapping[str, str], *, patient_id: str | None = None,
           extra: Mapping[str, Any] | None = None, at: str | None = None,
           warned_reason: Mapping[str, str] | None = None) -> str:
    """Insert a new record and its audit rows; returns its UUID."""
    rt = record_type(kind)
    now = at or audit.utc_now()
    record_id = new_id()  # time-ordered (UUIDv7): appended to the key's B-tree
    row: dict[str, Any] = {name: values.get(name) for name in rt.field_names}
    row.update(extra or {})
    row.update(id=record_id, missing=json.dumps(dict(missing), sort_keys=True),
               created_at=now, updated_at=now, deleted=0)
    if rt.name != "patient":
        row["patient_id"] = patient_id
    cols = list(row)
    db.conn.execute(
        f"INSERT INTO {rt.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [row[c] for c in cols],
    )
    reasons = warned_reason or {}
    changes = [Change("create", rt.table, record_id, name, None, value, reasons.get(name))
               for name, value in row.items()
               if value is not None and name not in ("id", "missing", "created_at",
                                                     "updated_at", "deleted")]
    changes += [Change("create", rt.table, record_id, f"{name}_missing", None, reason)
                for name, reason in sorted(missing.items())]
    audit.append(db, user, changes, at_utc=now)
    return record_id


def update(db: Database, user: str, kind: str, record_id: str, values: Mapping[str, Any],
           missing: Mapping[str, str], reason: str, *, extra: Mapping[str, Any] | None = None,
           warned_reason: Mapping[str, str] | None = None) -> list[Change]:
    """Apply the fields that changed; returns the changes written (empty if none)."""
    rt = record_type(kind)
    old = require(db, kind, record_id)
    new_values = {**{n: values.get(n) for n in rt.field_names}, **(extra or {})}
    changed = {n: v for n, v in new_values.items() if old.get(n) != v}
    changes = [Change("update", rt.table, record_id, n, old.get(n), v,
                      _join(reason, (warned_reason or {}).get(n))) for n, v in changed.items()]
    for name in sorted(set(old.missing) | set(missing)):
        if old.missing.get(name) != missing.get(name):
            changes.append(Change("update", rt.table, record_id, f"{name}_missing",
                                  old.missing.get(name), missing.get(name), reason))
    if not changes:
        return []
    now = audit.utc_now()
    sets = {**changed, "missing": json.dumps(dict(missing), sort_keys=True), "updated_at": now}
    db.conn.execute(
        f"UPDATE {rt.table} SET {', '.join(f'{c} = ?' for c in sets)} WHERE id = ?",
        [*sets.values(), record_id],
    )
    audit.append(db, user, changes, at_utc=now)
    return changes


def _join(reason: str, warning_reason: str | None) -> str:
    return reason if not warning_reason or warning_reason == reason else \
        f"{reason}; unusual value confirmed: {warning_reason}"


def set_deleted(db: Database, user: str, kind: str, record_id: str, deleted: bool,
                reason: str) -> None:
    """Soft-delete (or restore) a record; the row stays, flagged, with the reason."""
    rt = record_type(kind)
    old = require(db, kind, record_id)
    if old.deleted == deleted:
        return
    now = audit.utc_now()
    db.conn.execute(
        f"UPDATE {rt.table} SET deleted = ?, deleted_reason = ?, updated_at = ? WHERE id = ?",
        (int(deleted), reason if deleted else None, now, record_id),
    )
    audit.append(db, user, [Change("delete" if deleted else "restore", rt.table, record_id,
                                   "deleted", int(old.deleted), int(deleted), reason)], at_utc=now)
