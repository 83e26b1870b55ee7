"""Bulk writes for generated or imported data.

Each call appends ONE audit row for the whole batch (action ``import``): the table, how many
records, the reason, and the SHA-256 of the batch's record ids in order, so the set of imported
records can be verified later. Per-field audit rows are for edits made by people.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change
from jdmdesk.db.ids import new_ids
from jdmdesk.db.records import EXTRA_COLUMNS
from jdmdesk.domain.fields import record_type

# a table's rows ready for one executemany: table, columns, parameter tuples, record ids
Prepared = tuple[str, tuple[str, ...], list[tuple[Any, ...]], list[str]]
SECONDARY_INDEXES = ("visit_patient_date", "medication_patient_start",
                     "lab_patient_analyte_date", "lab_patient_date", "lab_sample",
                     "adverse_event_patient_onset")


def bulk_insert(db: Database, user: str, kind: str, rows: Iterable[Mapping[str, Any]],
                *, reason: str) -> list[str]:
    """Insert rows inside the caller's transaction; returns the new ids in order."""
    now = audit.utc_now()
    table, cols, params, ids = bulk_rows(kind, rows, now)
    insert_prepared(db, user, (table, cols, params, ids), now, reason=reason)
    return ids


def insert_prepared(db: Database, user: str, rows: Prepared, now: str, *, reason: str) -> None:
    """Insert what :func:`bulk_rows` prepared (at ``now``, perhaps in another process) and its
    one audit row, inside the caller's transaction."""
    table, cols, params, ids = rows
    insert_rows(db, table, cols, params)
    digest = hashlib.sha256("\n".join(ids).encode("ascii")).hexdigest()
    audit.append(db, user, [Change("import", table, None, None, None,
                                   {"records": len(ids), "ids_sha256": digest}, reason)],
                 at_utc=now)


def bulk_rows(kind: str, rows: Iterable[Mapping[str, Any]], now: str) -> Prepared:
    """The table, its columns, one parameter tuple per row and the rows' ids (new ones made)."""
    rt = record_type(kind)
    patient = () if kind == "patient" else ("patient_id",)
    cols = ("id", *patient, *rt.field_names, *EXTRA_COLUMNS.get(kind, ()), "missing",
            "created_at", "updated_at")
    body = cols[1:-3]
    rows = list(rows)
    fresh = iter(new_ids(sum(1 for r in rows if not r.get("id"))))
    params, ids = [], []
    for row in rows:
        record_id = row.get("id") or next(fresh)
        ids.append(record_id)
        missing = row.get("missing")
        params.append((record_id, *map(row.get, body),
                       json.dumps(missing, sort_keys=True) if missing else "{}", now, now))
    return rt.table, cols, params, ids


def insert_rows(db: Database, table: str, cols: tuple[str, ...],
                params: list[tuple[Any, ...]]) -> None:
    """One prepared INSERT run over every row (``executemany``).

    Raw SQL on purpose: sqlite-utils' ``insert_all`` took 2.2x as long on the same rows
    (benchmarks/bench_sqlite_utils.py: it JSON-checks every value and splits the rows into
    multi-row statements of at most 999 parameters: 66 labs or 16 visits each).
    """
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        params,
    )


PER_ROW_TRIGGERS = ("lab_result_plausible_insert",)


def bulk_load_profile(db: Database) -> None:
    """For filling a new file that nobody else sees yet (written under a temporary name and
    renamed into place after a durable sync): no journal, no fsync, foreign keys checked once
    at the end (:func:`create_indexes`); :func:`study_profile` restores. CHECK constraints
    stay on: checking them afterwards (``quick_check``) cost more than checking each row as it
    goes in (0.82 against 0.45 s of CPU at 2 000 patients, encrypted), and a larger page cache
    saved no time (each page is written once: the keys are time-ordered)."""
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    db.conn.execute("PRAGMA foreign_keys = OFF")


def study_profile(db: Database) -> None:
    """Back to the study profile of ``connection.connect``: foreign keys, full sync, WAL."""
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA synchronous = FULL")
    db.conn.execute("PRAGMA journal_mode = WAL")


def drop_secondary_indexes(db: Database) -> list[str]:
    """For a brand-new file being filled in bulk: index and check once at the end, not row by
    row. Returns the DDL to put back with :func:`create_indexes`."""
    sql = []
    for kind, names in (("index", SECONDARY_INDEXES), ("trigger", PER_ROW_TRIGGERS)):
        for name in names:
            row = db.conn.execute("SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?",
                                  (kind, name)).fetchone()
            if row:
                sql.append(row[0])
                db.conn.execute(f"DROP {kind.upper()} {name}")
    return sql


class BulkCheckFailed(RuntimeError):
    pass


def create_indexes(db: Database, statements: list[str]) -> None:
    """Put back what drop_secondary_indexes took, after checking in one pass what the trigger,
    and the foreign keys would have checked row by row."""
    bad_fk = db.conn.execute("PRAGMA foreign_key_check").fetchall()
    implausible = db.conn.execute(
        "SELECT count(*) FROM lab_result JOIN analyte ON analyte.code = lab_result.analyte "
        "WHERE value_canonical NOT BETWEEN hard_min AND hard_max").fetchone()[0]
    if bad_fk or implausible:
        raise BulkCheckFailed(f"bulk rows failed checks: {len(bad_fk)} foreign key, "
                              f"{implausible} implausible lab values")
    for statement in statements:
        db.conn.execute(statement)
    db.conn.execute("ANALYZE")
