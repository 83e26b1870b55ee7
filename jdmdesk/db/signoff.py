"""Visit signatures: sign (lock) and unlock, each audited. The database's triggers refuse any
other change to a locked visit (schema versions 2 and 3).

Reads use sqlite-utils' ``query`` (rows as dicts; not ``rows_where``, which consults the schema
catalogue on every call: these run on every save and patient switch); sign and unlock stay
plain SQL (conditional UPDATEs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change

SIGNATURE_MEANING = "reviewed"


@dataclass(frozen=True)
class Signature:
    visit_id: str
    locked: bool
    signed_by: str | None  # user name
    signer_name: str | None  # printed name at the time of signing
    signed_at: str | None  # UTC, ISO 8601 with Z
    meaning: str | None

    def describe(self) -> str:
        if not self.locked:
            return ""
        at = (self.signed_at or "")[:16].replace("T", " ")
        return f"Signed by {self.signer_name} ({self.signed_by}) on {at} UTC — {self.meaning}"


_COLUMNS = "id, locked, signed_by, signer_name, signed_at, signature_meaning"


def _signature(r: dict[str, Any]) -> Signature:
    return Signature(r["id"], bool(r["locked"]), r["signed_by"], r["signer_name"],
                     r["signed_at"], r["signature_meaning"])


def signature(db: Database, visit_id: str) -> Signature | None:
    row = next(db.query(f"SELECT {_COLUMNS} FROM visit WHERE id = ?", [visit_id]), None)
    return None if row is None else _signature(row)


def signatures_for_patient(db: Database, patient_id: str) -> dict[str, Signature]:
    rows = db.query(f"SELECT {_COLUMNS} FROM visit WHERE patient_id = ? AND locked = 1",
                    [patient_id])
    return {r["id"]: _signature(r) for r in rows}


def sign(db: Database, username: str, signer_name: str, visit_id: str) -> str:
    """Inside the caller's transaction: lock the visit with the signer's name and UTC time."""
    now = audit.utc_now()
    db.conn.execute(
        "UPDATE visit SET locked = 1, signed_by = ?, signer_name = ?, signed_at = ?, "
        "signature_meaning = ?, updated_at = ? WHERE id = ? AND locked = 0 AND deleted = 0",
        (username, signer_name, now, SIGNATURE_MEANING, now, visit_id))
    audit.append(db, username, [
        Change("sign", "visit", visit_id, "locked", 0, 1, SIGNATURE_MEANING),
        Change("sign", "visit", visit_id, "signer_name", None, signer_name),
        Change("sign", "visit", visit_id, "signed_at", None, now),
    ], at_utc=now)
    return now


def unlock(db: Database, username: str, old: Signature, reason: str) -> None:
    """Inside the caller's transaction: clear the lock and the signature (kept in the audit)."""
    now = audit.utc_now()
    db.conn.execute(
        "UPDATE visit SET locked = 0, signed_by = NULL, signer_name = NULL, signed_at = NULL, "
        "signature_meaning = NULL, updated_at = ? WHERE id = ?", (now, old.visit_id))
    audit.append(db, username, [
        Change("unlock", "visit", old.visit_id, "locked", 1, 0, reason),
        Change("unlock", "visit", old.visit_id, "signed_by", old.signed_by, None, reason),
        Change("unlock", "visit", old.visit_id, "signed_at", old.signed_at, None, reason),
    ], at_utc=now)
