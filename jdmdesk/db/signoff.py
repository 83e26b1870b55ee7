"""Visit signatures: sign (lock) and unlock, each audited. The database's triggers refuse any
other change to a locked visit (schema versions 2 and 3)."""

from __future__ import annotations

from dataclasses import dataclass

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


_SELECT = ("SELECT id, locked, signed_by, signer_name, signed_at, signature_meaning FROM visit")


def _row(r: tuple) -> Signature:  # type: ignore[type-arg]
    return Signature(r[0], bool(r[1]), r[2], r[3], r[4], r[5])


def signature(db: Database, visit_id: str) -> Signature | None:
    row = db.conn.execute(f"{_SELECT} WHERE id = ?", (visit_id,)).fetchone()
    return None if row is None else _row(row)


def signatures_for_patient(db: Database, patient_id: str) -> dict[str, Signature]:
    rows = db.conn.execute(f"{_SELECT} WHERE patient_id = ? AND locked = 1", (patient_id,))
    return {r[0]: _row(r) for r in rows}


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
