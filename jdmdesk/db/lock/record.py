"""A broken lock in the audit trail: who broke whose lock, held since when."""

from __future__ import annotations

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change
from jdmdesk.db.lock.protocol import LockInfo


def record_broken(db: Database, actor: str, info: LockInfo) -> None:
    """One audited event for a lock ``actor`` broke (inside the caller's transaction)."""
    held = {"user": info.user, "host": info.host, "pid": info.pid, "since": info.since,
            "last_sign_of_life": info.heartbeat or None}
    audit.append(db, actor, [Change("lock_broken", "study_lock", None, None, held, None,
                                    f"lock held by {info.user} on {info.host} broken")])
