"""Writing study settings with their audit rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit, queries
from jdmdesk.db.audit import Change


def write_settings(db: Database, user: str, changes: Mapping[str, Any], reason: str) -> int:
    """Upsert settings inside the caller's transaction; audit each changed key."""
    audited = []
    for key, value in changes.items():
        old = queries.write_setting(db, key, value)
        if old != value:
            audited.append(Change("settings", "study_setting", key, key, old, value, reason))
    if audited:
        audit.append(db, user, audited)
    return len(audited)
