"""One writer per study file.

Four rooms: :mod:`.protocol` (the lock file's format, taking, taking over a stale lock,
releasing, whether its holder still runs), :mod:`.heartbeat` (the holder's heartbeat and a
data manager breaking a silent lock), :mod:`.messages` (what the user is told about a lock)
and :mod:`.opening` (opening a study for a session under that lock: :func:`open_locked`,
:class:`OpenedStudy`). Callers import from here.
"""

from jdmdesk.db.lock.heartbeat import LockBreak, break_lock, refresh_lock
from jdmdesk.db.lock.messages import held_text
from jdmdesk.db.lock.opening import OpenedStudy, open_locked
from jdmdesk.db.lock.protocol import (
    BREAK_MARGIN,
    HEARTBEAT_INTERVAL_S,
    LOCK_SUFFIX,
    LockHeld,
    LockInfo,
    LockUnavailable,
    StudyLock,
    acquire,
    breakable,
    is_stale,
    lock_path,
    os_user,
    read_lock,
)
from jdmdesk.db.processes import pid_alive

__all__ = [
    "BREAK_MARGIN",
    "HEARTBEAT_INTERVAL_S",
    "LOCK_SUFFIX",
    "LockBreak",
    "LockHeld",
    "LockInfo",
    "LockUnavailable",
    "OpenedStudy",
    "StudyLock",
    "acquire",
    "break_lock",
    "breakable",
    "held_text",
    "is_stale",
    "lock_path",
    "open_locked",
    "os_user",
    "pid_alive",
    "read_lock",
    "refresh_lock",
]
