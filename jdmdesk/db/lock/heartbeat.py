"""The heartbeat of a held lock, and breaking a lock whose holder has stopped.

The holder rewrites its lock file's ``heartbeat`` every :data:`HEARTBEAT_INTERVAL_S` seconds
(:func:`refresh_lock`; the window calls it from a timer). A lock whose holder has been silent
for longer than that plus :data:`BREAK_MARGIN` is :func:`breakable`: a data manager may break
it (:func:`break_lock`) after confirming. The role check is the caller's (services).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from jdmdesk.atomic_file import atomic_write
from jdmdesk.db.lock.protocol import (
    UNREADABLE_GRACE_S,
    LockInfo,
    StudyLock,
    breakable,
    lock_path,
    read_lock,
    remove_stale,
    unreadable_age,
    utc_text,
)


def refresh_lock(lock: StudyLock, now: datetime | None = None) -> bool:
    """The holder's heartbeat: rewrite its lock file with ``heartbeat = now``.

    Call it every :data:`HEARTBEAT_INTERVAL_S` seconds while the study is open for writing.
    Returns False (and writes nothing) when the lock is no longer ours: released, or broken by
    a data manager. The file is replaced whole through :func:`~jdmdesk.atomic_file.atomic_write`
    (never absent, never half-written).
    """
    if not lock.held:
        return False
    current = read_lock(lock.study_path)
    if current is None or current.token != lock.info.token:
        return False
    info = replace(lock.info, heartbeat=utc_text(now or datetime.now(UTC)))
    try:
        with atomic_write(lock.path, replace=True, create=True) as tmp:
            tmp.write_bytes(json.dumps(asdict(info), ensure_ascii=False).encode("utf-8"))
    except OSError:
        return False
    lock.info = info
    return True


@dataclass(frozen=True)
class LockBreak:
    """What :func:`break_lock` did: ``broken``, a sentence for the user, and the lock that
    was broken (for the audit trail)."""

    broken: bool
    message: str
    info: LockInfo | None = None


def break_lock(study_path: Path, *, confirm: Callable[[str], bool],
               now: datetime | None = None) -> LockBreak:
    """Break a lock whose holder has stopped, after the caller has confirmed.

    For a data manager (the caller checks the role): the lock must be :func:`breakable`;
    ``confirm`` is asked with a sentence naming the holder, the lock's age and its last sign
    of life, and the lock is removed only when it answers True and the lock has not changed
    since (a holder that comes back keeps it).
    """
    from jdmdesk.db.lock import messages

    study_path = Path(study_path)
    path = lock_path(study_path)
    info = read_lock(study_path)
    if info is None:
        if not path.exists():
            return LockBreak(False, messages.no_lock_text(study_path))
        age = unreadable_age(path)
        info = LockInfo("unknown", "an unknown computer", 0, "")
        if age is not None and age < UNREADABLE_GRACE_S:
            return LockBreak(False, messages.in_use_text(study_path, info, now))
    elif not breakable(info, now):
        return LockBreak(False, messages.in_use_text(study_path, info, now))
    if not confirm(messages.confirm_break_text(study_path, info, now)):
        return LockBreak(False, messages.not_broken_text(study_path))
    if not remove_stale(path, info):
        return LockBreak(False, messages.changed_text(study_path))
    return LockBreak(True, messages.broken_text(study_path, info), info)
