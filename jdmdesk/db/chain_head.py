"""The audit chain's head remembered outside the study: after every commit in ``<study>.head``
(cheap, no fsync) and when the window closes in the key file. A later open compares the study
with the newest head remembered, so a study that lost its newest saves (an older copy put back,
a cut journal) is told apart from one that never had them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.crypto.keyfile import ChainHead, KeyFileError
from jdmdesk.db import audit, keyring, seals
from jdmdesk.db.keystore import read_mirror


def _fast_head(study_path: Path, study_id: str, sealing: seals.SealKeys) -> ChainHead | None:
    """The head written after each commit (jdmdesk.db.keyring.write_head_file), when it is
    whole and verifies; None otherwise (it only ever lags, and a crash may tear it)."""
    data = keyring.read_head_file(study_path)
    if data is None:
        return None
    try:
        doc = json.loads(data.decode("utf-8"))
        head = ChainHead(int(doc["seq"]), str(doc["mac"]), str(doc["tag"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if doc.get("study_id") != study_id or \
            head.tag != seals.head_tag(sealing, study_id, head.seq, head.mac):
        return None
    return head


def remember_head_fast(db: Database, study_path: Path) -> None:
    """After a commit: the newest audit row into the head file beside the key file (cheap: no
    fsync). The key file's own head is written when the window closes."""
    keys, sealing = read_mirror(db), seals.of(db.conn)
    last = audit.last_link(db)
    if keys is None or sealing is None or last is None:
        return
    seq, row_mac = last
    doc = {"study_id": keys.study_id, "seq": seq, "mac": row_mac,
           "tag": seals.head_tag(sealing, keys.study_id, seq, row_mac)}
    keyring.write_head_file(study_path, json.dumps(doc).encode("utf-8"))


def remembered_head(db: Database, study_path: Path) -> ChainHead | None:
    """The newest head remembered beside the study: the key file's or the head file's."""
    sealing, keys = seals.of(db.conn), read_mirror(db)
    heads = [keyring.key_file_head(study_path)]
    if sealing is not None and keys is not None:
        heads.append(_fast_head(study_path, keys.study_id, sealing))
    found = [h for h in heads if h is not None]
    return max(found, key=lambda h: h.seq) if found else None


def write_head(db: Database, study_path: Path) -> bool:
    """Remember the newest audit row in the key file (outside the study): a later open can tell
    a study that lost its newest saves. False when there is nothing to remember it in."""
    keys, sealing = read_mirror(db), seals.of(db.conn)
    last = audit.last_link(db)
    if keys is None or sealing is None or last is None:
        return False
    seq, row_mac = last
    head = ChainHead(seq, row_mac, seals.head_tag(sealing, keys.study_id, seq, row_mac))
    try:
        current = keyring.read_key_file(study_path)
    except KeyFileError:
        current = None
    base = current if current is not None and current.study_id == keys.study_id else keys
    keyring.write_key_file(study_path, replace(base, head=head))
    if keyring.head_file_path(study_path).exists():  # the same head (a data manager has
        remember_head_fast(db, study_path)  # seen a study that lost saves: it is current now)
    return True


def head_problem(db: Database, study_path: Path) -> str | None:
    """Why the study does not reach the head remembered beside it (its key file's, or the head
    file's written after each commit), or None."""
    sealing = seals.of(db.conn)
    keys = read_mirror(db)
    head = keyring.key_file_head(study_path)
    if sealing is None or keys is None:
        return None
    if head is not None and head.tag != seals.head_tag(sealing, keys.study_id, head.seq,
                                                        head.mac):
        return "the chain head in the key file does not verify (the key file was edited)"
    fast = _fast_head(study_path, keys.study_id, sealing)
    if fast is not None and (head is None or fast.seq > head.seq):
        head = fast
    if head is None:
        return None
    last = audit.last_link(db)
    newest = 0 if last is None else last[0]
    if newest < head.seq:
        return (f"the study ends at audit row {newest}, but it had reached row {head.seq}: its "
                "newest saves were lost (an older copy, or a cut journal)")
    if audit.link_at(db, head.seq) != head.mac:
        return f"audit row {head.seq} is not the row the key file remembers"
    return None
