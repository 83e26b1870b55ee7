"""The seal of a plain (unencrypted) copy: what ``backup --plain`` writes into the copy so a
change made to it outside JDM Desk is found before it is restored or trusted.

A plain copy can be edited by anyone with Python's sqlite3 module. Its audit rows and account
rows keep their keyed MACs (they need the study key, which the copy holds only wrapped per
account), and its signatures their Ed25519 signatures. What those do not cover, the copy's seal
does: a MAC (with a sub-key of the study key) over every other table's rows, and the chain head
(newest audit row) at the time of the copy, so a cut audit tail is found as well. The seal is
kept in the copy's ``key_mirror`` row beside the wrapped keys, under ``"copy"``.
"""

from __future__ import annotations

import hmac
import json
from hashlib import sha256
from typing import Any

from sqlite_utils import Database

from jdmdesk.crypto.chain import canonical, mac
from jdmdesk.db import audit, seals

# Tables with seals of their own (the keyed chain, the account rows' MACs) or that hold the seal
OWN_SEALS = ("audit_log", "user_account", "key_mirror")


def _tables(db: Database) -> list[str]:
    rows = db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                           "LIKE 'sqlite_%' ORDER BY name").fetchall()
    return [str(r[0]) for r in rows if r[0] not in OWN_SEALS]


def _table_mac(key: bytes, db: Database, table: str) -> str:
    digest = hmac.new(key, table.encode("utf-8"), sha256)
    lines = sorted(canonical(list(r)) for r in db.conn.execute(f'SELECT * FROM "{table}"'))
    for line in lines:
        digest.update(len(line).to_bytes(8, "big") + line)
    return digest.hexdigest()


def _body(db: Database, keys: seals.SealKeys) -> dict[str, Any]:
    last = audit.last_link(db)
    return {"head": None if last is None else [last[0], last[1]],
            "tables": {t: _table_mac(keys.copy, db, t) for t in _tables(db)}}


def seal(db: Database) -> None:
    """Write the seal into the plain copy ``db`` (its connection carries the seal keys)."""
    keys = seals.of(db.conn)
    row = db.conn.execute("SELECT content FROM key_mirror WHERE id = 1").fetchone()
    if keys is None or row is None:
        raise ValueError("only a copy of an encrypted study can be sealed")
    body = _body(db, keys)
    doc = json.loads(row[0])
    doc["copy"] = {**body, "tag": mac(keys.copy, canonical(body))}
    db.conn.execute("UPDATE key_mirror SET content = ? WHERE id = 1",
                    (json.dumps(doc, indent=1, sort_keys=True) + "\n",))


def problems(db: Database) -> list[str]:
    """What in the plain copy ``db`` does not match its seal (``[]`` when all does)."""
    keys = seals.of(db.conn)
    row = db.conn.execute("SELECT content FROM key_mirror WHERE id = 1").fetchone()
    if keys is None or row is None:
        return []
    try:
        stored = json.loads(row[0]).get("copy")
    except (ValueError, AttributeError):
        stored = None
    if not isinstance(stored, dict):
        return ["the plain copy's seal is missing (not written by backup --plain, or removed)"]
    body = {"head": stored.get("head"), "tables": stored.get("tables")}
    try:
        tag_ok = hmac.compare_digest(mac(keys.copy, canonical(body)), str(stored.get("tag")))
    except (TypeError, ValueError):
        tag_ok = False
    if not tag_ok or not isinstance(body["tables"], dict):
        return ["the plain copy's seal does not verify (changed outside JDM Desk)"]
    out = []
    now = _body(db, keys)
    changed = sorted(t for t in set(now["tables"]) | set(body["tables"])
                     if now["tables"].get(t) != body["tables"].get(t))
    if changed:
        out.append("rows changed outside JDM Desk in " + ", ".join(changed))
    head = body["head"]
    if head is not None:
        seq, row_mac = int(head[0]), str(head[1])
        newest = 0 if now["head"] is None else int(now["head"][0])
        if newest < seq:
            out.append(f"the audit trail ends at row {newest}, but the copy was made at row "
                       f"{seq}: its newest rows were cut")
        elif audit.link_at(db, seq) != row_mac:
            out.append(f"audit row {seq} is not the row the copy was made with")
        elif newest > seq:
            out.append(f"the audit trail has {newest - seq} row(s) after the copy was made")
    return out


def strip(content: str) -> str:
    """The key mirror's content without the copy's seal (a restored study is no copy)."""
    doc = json.loads(content)
    doc.pop("copy", None)
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"
