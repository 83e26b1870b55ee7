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

from jdmdesk.db import audit, signatures
from jdmdesk.db.audit import Change
from jdmdesk.db.signatures import SignatureState

SIGNATURE_MEANING = "reviewed"


@dataclass(frozen=True)
class Signature:
    visit_id: str
    locked: bool
    signed_by: str | None  # user name
    signer_name: str | None  # printed name at the time of signing
    signed_at: str | None  # UTC, ISO 8601 with Z
    meaning: str | None
    # verified on every read (jdmdesk.db.signatures); None when not signed
    state: SignatureState | None = None

    @property
    def invalid(self) -> bool:
        return self.state is SignatureState.INVALID

    def describe(self) -> str:
        if not self.locked:
            return ""
        at = (self.signed_at or "")[:16].replace("T", " ")
        who = f"{self.signer_name} ({self.signed_by}) on {at} UTC — {self.meaning}"
        if self.state is SignatureState.INVALID:
            return (f"Signature invalid: changed after {self.signer_name} ({self.signed_by}) "
                    f"signed it on {at} UTC")
        if self.state is SignatureState.NOT_BOUND:
            return f"Signed by {who} (signed before signatures were bound to content: " \
                "not verifiable)"
        if self.state is SignatureState.UNCHECKED:
            return f"Signed by {who} (signature not checked: the study key is not available)"
        return f"Signed by {who} (signature verified)"

    def short(self) -> str:
        """The visits table's and the review's cell: who signed, or that it is invalid."""
        if self.state is SignatureState.INVALID:
            return "signature invalid"
        mark = "\u2713" if self.state is SignatureState.VALID else "\u2713?"
        return f"{mark} {self.signed_by}"


def _signature(db: Database, r: dict[str, Any]) -> Signature:
    return Signature(r["id"], bool(r["locked"]), r["signed_by"], r["signer_name"],
                     r["signed_at"], r["signature_meaning"], signatures.state(db, r))


def signature(db: Database, visit_id: str) -> Signature | None:
    row = signatures.visit_row(db, visit_id)
    return None if row is None else _signature(db, row)


def signatures_for_patient(db: Database, patient_id: str) -> dict[str, Signature]:
    rows = list(db.query("SELECT * FROM visit WHERE patient_id = ? AND locked = 1",
                         [patient_id]))
    return {r["id"]: _signature(db, r) for r in rows}


def sign(db: Database, username: str, signer_name: str, visit_id: str,
         keys: tuple[bytes, bytes] | None = None) -> str:
    """Inside the caller's transaction: lock the visit with the signer's name and UTC time and,
    with the signer's ``keys`` (private, public) in an encrypted study, a signature over the
    visit's values, the signer, the time and the meaning."""
    now = audit.utc_now()
    row = signatures.visit_row(db, visit_id)
    stored = None
    if keys is not None and row is not None:
        stored = signatures.make(db, row, username, signer_name, now, SIGNATURE_MEANING,
                                 keys[0], keys[1])
    db.conn.execute(
        "UPDATE visit SET locked = 1, signed_by = ?, signer_name = ?, signed_at = ?, "
        "signature_meaning = ?, signature = ?, updated_at = ? "
        "WHERE id = ? AND locked = 0 AND deleted = 0",
        (username, signer_name, now, SIGNATURE_MEANING, stored, now, visit_id))
    changes = [
        Change("sign", "visit", visit_id, "locked", 0, 1, SIGNATURE_MEANING),
        Change("sign", "visit", visit_id, "signer_name", None, signer_name),
        Change("sign", "visit", visit_id, "signed_at", None, now),
    ]
    if stored is not None:
        changes.append(Change("sign", "visit", visit_id, signatures.SIGNATURE_FIELD, None,
                              stored))
    audit.append(db, username, changes, at_utc=now)
    return now


def unlock(db: Database, username: str, old: Signature, reason: str) -> None:
    """Inside the caller's transaction: clear the lock and the signature (kept in the audit)."""
    now = audit.utc_now()
    db.conn.execute(
        "UPDATE visit SET locked = 0, signed_by = NULL, signer_name = NULL, signed_at = NULL, "
        "signature_meaning = NULL, signature = NULL, updated_at = ? WHERE id = ?",
        (now, old.visit_id))
    audit.append(db, username, [
        Change("unlock", "visit", old.visit_id, "locked", 1, 0, reason),
        Change("unlock", "visit", old.visit_id, "signed_by", old.signed_by, None, reason),
        Change("unlock", "visit", old.visit_id, "signed_at", old.signed_at, None, reason),
    ], at_utc=now)
