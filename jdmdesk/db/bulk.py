"""Bulk writes for generated or imported data: many rows, one audit row per record."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change
from jdmdesk.db.records import EXTRA_COLUMNS
from jdmdesk.domain.fields import record_type


def bulk_insert(db: Database, user: str, kind: str, rows: Iterable[Mapping[str, Any]],
                *, reason: str) -> list[str]:
    """Insert rows inside the caller's transaction; each gets a UUID and an 'import' audit row
    holding the record as JSON. Returns the new ids in order."""
    rt = record_type(kind)
    now = audit.utc_now()
    patient = () if kind == "patient" else ("patient_id",)
    cols = ("id", *patient, *rt.field_names, *EXTRA_COLUMNS.get(kind, ()), "missing",
            "created_at", "updated_at")
    params, changes, ids = [], [], []
    for row in rows:
        record_id = row.get("id") or str(uuid.uuid4())
        ids.append(record_id)
        full = {**row, "id": record_id, "created_at": now, "updated_at": now,
                "missing": json.dumps(row.get("missing") or {}, sort_keys=True)}
        params.append(tuple(full.get(c) for c in cols))
        payload = {c: full.get(c) for c in cols[1:-2] if full.get(c) is not None}
        changes.append(Change("import", rt.table, record_id, None, None, payload, reason))
    db.conn.executemany(
        f"INSERT INTO {rt.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        params,
    )
    audit.append(db, user, changes, at_utc=now)
    return ids
