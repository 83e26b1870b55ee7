"""Visit signatures bound to content (21 CFR 11.70): made at sign-off, verified wherever shown.

A signature is an Ed25519 signature (jdmdesk.crypto.signing) over a canonical serialisation of
the visit's values (every column but the signature's own bookkeeping), the signer, the UTC time
and the meaning. It is stored on the visit as JSON with the columns it covers, the signer's
public key and that key's certificate (a MAC with the account rows' sub-key of the study key),
and the signature itself is written to the keyed audit trail too, so removing it outside JDM
Desk does not turn a signed visit into an older, unverifiable one.

States: ``valid``; ``invalid`` (the values, signer, time or meaning changed since, the signature
was copied from another visit or removed, or the key is not the signer's); ``not_bound`` (a
visit signed before signatures were bound to content, or in a plain pre-encryption study:
shown as such, never called valid or invalid); ``unchecked`` (no study key to check it with).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from jdmdesk.crypto.signing import SIGNATURE_VERSION, SignedContent, sign, verify
from jdmdesk.db import seals

# The signature's own columns: not part of what it covers.
BOOKKEEPING = ("locked", "signed_by", "signer_name", "signed_at", "signature_meaning",
               "signature", "updated_at")
SIGNATURE_FIELD = "signature"  # the audit row that keeps each signature


class SignatureState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    NOT_BOUND = "not_bound"
    UNCHECKED = "unchecked"


def visit_row(db: Database, visit_id: str) -> dict[str, Any] | None:
    cur = db.conn.execute("SELECT * FROM visit WHERE id = ?", (visit_id,))
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return None if row is None else dict(zip(names, row, strict=True))


def content(row: dict[str, Any], columns: list[str], username: str, signer_name: str,
            signed_at: str, meaning: str) -> SignedContent:
    values = {c: row.get(c) for c in columns}
    return SignedContent("visit", str(row["id"]), values,
                         json.dumps([username, signer_name], ensure_ascii=False), signed_at,
                         meaning)


def make(db: Database, row: dict[str, Any], username: str, signer_name: str, signed_at: str,
         meaning: str, private_raw: bytes, public_raw: bytes) -> str | None:
    """The JSON stored in ``visit.signature``; None when the study has no keys (a plain
    pre-encryption study: its signatures are not bound to content)."""
    keys = seals.of(db.conn)
    if keys is None:
        return None
    columns = sorted(c for c in row if c not in BOOKKEEPING)
    signed = sign(private_raw, content(row, columns, username, signer_name, signed_at, meaning))
    public_hex = public_raw.hex()
    return json.dumps({"v": SIGNATURE_VERSION, "cols": columns, "sig": signed.hex(),
                       "pub": public_hex,
                       "cert": seals.key_certificate(keys, username, public_hex)},
                      sort_keys=True)


def state(db: Database, row: dict[str, Any]) -> SignatureState | None:
    """The signature state of a visit row (None when it is not signed)."""
    if not row.get("locked"):
        return None
    stored = row.get("signature")
    if stored is None:
        return SignatureState.INVALID if _audited(db, str(row["id"])) else \
            SignatureState.NOT_BOUND
    keys = seals.of(db.conn)
    if keys is None:
        return SignatureState.UNCHECKED
    try:
        doc = json.loads(stored)
        columns = [str(c) for c in doc["cols"]]
        public_hex, cert = str(doc["pub"]), str(doc["cert"])
        signature = bytes.fromhex(str(doc["sig"]))
        if doc.get("v") != SIGNATURE_VERSION or any(c not in row for c in columns):
            return SignatureState.INVALID
    except (ValueError, KeyError, TypeError):
        return SignatureState.INVALID
    username = str(row.get("signed_by") or "")
    if not seals.verify_mac(seals.key_certificate(keys, username, public_hex), cert):
        return SignatureState.INVALID
    signed = content(row, columns, username, str(row.get("signer_name") or ""),
                     str(row.get("signed_at") or ""), str(row.get("signature_meaning") or ""))
    try:
        public_raw = bytes.fromhex(public_hex)
    except ValueError:
        return SignatureState.INVALID
    return SignatureState.VALID if verify(public_raw, signed, signature) else \
        SignatureState.INVALID


def _audited(db: Database, visit_id: str) -> bool:
    """Whether the visit's latest signing wrote a content-bound signature to the audit trail
    (so a stored signature that is now missing was removed)."""
    return db.conn.execute(
        "SELECT 1 FROM audit_log WHERE table_name = 'visit' AND record_id = ? AND action = "
        "'sign' AND field = ? AND seq > coalesce((SELECT max(seq) FROM audit_log WHERE "
        "table_name = 'visit' AND record_id = ? AND action = 'unlock'), 0)",
        (visit_id, SIGNATURE_FIELD, visit_id)).fetchone() is not None


def problems(db: Database) -> list[str]:
    """Each signed visit whose signature does not verify, named by patient code, visit date
    and id (``jdmdesk check``, restore)."""
    out = []
    cur = db.conn.execute("SELECT * FROM visit WHERE locked = 1 ORDER BY visit_date, id")
    names = [d[0] for d in cur.description]
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        if state(db, row) is SignatureState.INVALID:
            code = db.conn.execute("SELECT study_code FROM patient WHERE id = ?",
                                   (row["patient_id"],)).fetchone()
            out.append(f"visit of {code[0] if code else '?'} on {row['visit_date']} "
                       f"({row['id']})")
    return out


def not_bound(db: Database) -> int:
    """How many signed visits carry a signature made before signatures were bound to content."""
    row = db.conn.execute("SELECT count(*) FROM visit WHERE locked = 1 AND signature IS NULL")\
        .fetchone()
    return int(row[0])
