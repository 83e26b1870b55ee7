"""The audit trail: append-only rows, each hashed together with the previous row's hash.

In an encrypted study the hash is an HMAC-SHA256 with the study's audit sub-key
(jdmdesk.db.seals), so the chain cannot be rebuilt by anyone without the key; a plain
(pre-encryption) study keeps the unkeyed SHA-256 chain.

Appending and verifying the chain stay plain SQL (``executemany`` of tuples whose order is the
hashed order, in every save; a cursor over the whole table); reading one record's history uses
sqlite-utils' ``query``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import seals

GENESIS = "0" * 64
COLUMNS = ("seq", "at_utc", "user", "action", "table_name", "record_id", "field", "old_value",
           "new_value", "reason", "prev_hash")


@dataclass(frozen=True)
class Change:
    """One field's change, as the audit trail records it."""

    action: str
    table: str
    record_id: str | None
    field: str | None = None
    old: Any = None
    new: Any = None
    reason: str | None = None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at_utc: str
    user: str
    action: str
    table_name: str
    record_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def row_hash(row: tuple[Any, ...], key: bytes | None = None) -> str:
    """SHA-256 (HMAC-SHA256 with ``key``) over the row's columns (seq … prev_hash) in a
    canonical JSON form."""
    payload = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    data = payload.encode("utf-8", "surrogatepass")
    if key is not None:
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def _key(db: Database) -> bytes | None:
    keys = seals.of(db.conn)
    return None if keys is None else keys.audit


def last_link(db: Database) -> tuple[int, str] | None:
    """(seq, hash) of the newest audit row: the chain head."""
    row = db.conn.execute("SELECT seq, hash FROM audit_log "
                          "WHERE seq = (SELECT max(seq) FROM audit_log)").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def link_at(db: Database, seq: int) -> str | None:
    row = db.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


def append(db: Database, user: str, changes: Iterable[Change], at_utc: str | None = None) -> int:
    """Append audit rows inside the caller's transaction; returns how many were written."""
    conn = db.conn
    assert conn.in_transaction, "audit rows are written inside the change's own transaction"
    last = conn.execute("SELECT seq, hash FROM audit_log "
                        "WHERE seq = (SELECT max(seq) FROM audit_log)").fetchone()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS)
    at = at_utc or utc_now()
    key = _key(db)
    rows = []
    for ch in changes:
        seq += 1
        row = (seq, at, user, ch.action, ch.table, ch.record_id, ch.field, as_text(ch.old),
               as_text(ch.new), ch.reason, prev)
        prev = row_hash(row, key)
        rows.append((*row, prev))
    conn.executemany(
        f"INSERT INTO audit_log ({', '.join(COLUMNS)}, hash) VALUES ({', '.join('?' * 12)})",
        rows,
    )
    return len(rows)


@dataclass(frozen=True)
class ChainReport:
    rows: int
    broken_at: int | None  # seq of the first row that does not verify
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash in order; the first mismatch is where tampering happened."""
    prev, expected_seq, n = GENESIS, 1, 0
    key = _key(db)
    cursor = db.conn.execute(f"SELECT {', '.join(COLUMNS)}, hash FROM audit_log ORDER BY seq")
    for record in cursor:
        n += 1
        *row, stored = record
        seq = row[0]
        if seq != expected_seq:
            return ChainReport(n, seq, f"row {expected_seq} is missing")
        if row[-1] != prev:
            return ChainReport(n, seq, f"row {seq} does not follow row {seq - 1}")
        if not hmac.compare_digest(row_hash(tuple(row), key), str(stored)):
            return ChainReport(n, seq, f"row {seq} was altered")
        prev, expected_seq = stored, expected_seq + 1
    return ChainReport(n, None)


def history(db: Database, table: str, record_id: str) -> Iterator[AuditRow]:
    rows = db.query(f"SELECT {', '.join(COLUMNS[:-1])} FROM audit_log "
                    "WHERE table_name = ? AND record_id = ? ORDER BY seq", [table, record_id])
    for r in rows:
        yield AuditRow(**r)
