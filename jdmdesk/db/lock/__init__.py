"""One writer per study file.

Two rooms: :mod:`.protocol` (the lock file's format, taking, taking over a stale lock,
releasing, whether its holder still runs) and :mod:`.opening` (opening a study for a session
under that lock: :func:`open_locked`, :class:`OpenedStudy`). Callers import from here.
"""

from jdmdesk.db.lock.opening import OpenedStudy, open_locked
from jdmdesk.db.lock.protocol import (
    LOCK_SUFFIX,
    LockHeld,
    LockInfo,
    LockUnavailable,
    StudyLock,
    acquire,
    is_stale,
    lock_path,
    os_user,
    pid_alive,
    read_lock,
)

__all__ = [
    "LOCK_SUFFIX", "LockHeld", "LockInfo", "LockUnavailable", "OpenedStudy", "StudyLock",
    "acquire", "is_stale", "lock_path", "open_locked", "os_user", "pid_alive", "read_lock",
]
