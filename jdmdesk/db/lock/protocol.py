"""The lock protocol: one writer per study file, a lock file ``<study>.lock`` beside it.

The lock file holds JSON ``{user, host, pid, since, token}`` (``since`` in UTC). It is created
atomically with ``O_CREAT | O_EXCL``, so of two instances starting together exactly one wins.
The other gets :class:`LockHeld` and opens the study read-only (or refuses), telling the user
"opened by USER on HOST since TIME".

A lock left behind by a crash is *stale* when it was written on this host by a process that
no longer runs (or before this host last booted); it is then taken over. A lock written on
another host is never judged stale automatically: we cannot see that host's processes.

SQLite's own locking still guards every write; this lock is what lets the second instance
say who holds the file instead of failing later with "database is locked".
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

LOCK_SUFFIX = ".lock"
# A lock file with no readable content (a crash between create and write) is stale after this.
UNREADABLE_GRACE_S = 30.0


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601 UTC, e.g. 2026-11-25T08:31:00Z
    token: str = ""
    boot_id: str = ""

    def describe(self) -> str:
        return f"opened by {self.user} on {self.host} since {self.since_local()}"

    def since_local(self) -> str:
        """``since`` in the local time zone, for people (the file stores UTC)."""
        try:
            at = datetime.strptime(self.since, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError:
            return self.since or "an unknown time"
        return at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class LockHeld:
    """Another instance holds the study: open it read-only or refuse."""

    study_path: Path
    info: LockInfo

    @property
    def message(self) -> str:
        return (f"{self.study_path.name} is {self.info.describe()}: "
                "it is open read-only here, changes cannot be saved.")


@dataclass(frozen=True)
class LockUnavailable:
    """No lock file can be made (read-only folder, …): open the study read-only."""

    study_path: Path
    reason: str

    @property
    def message(self) -> str:
        return (f"{self.study_path.name} cannot be locked for editing ({self.reason}): "
                "it is open read-only here.")


class StudyLock:
    """The lock this process holds. ``release()`` (or leaving a ``with`` block) removes it."""

    def __init__(self, study_path: Path, info: LockInfo, *, took_over: LockInfo | None = None
                 ) -> None:
        self.study_path = study_path
        self.path = lock_path(study_path)
        self.info = info
        self.took_over = took_over  # the stale lock this one replaced, if any
        self._released = False

    @property
    def held(self) -> bool:
        return not self._released

    def release(self) -> None:
        """Remove the lock file if it is still ours; safe to call twice."""
        if self._released:
            return
        self._released = True
        current = read_lock(self.study_path)
        if current is not None and current.token == self.info.token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def __enter__(self) -> StudyLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"StudyLock({str(self.path)!r}, held={self.held})"


def lock_path(study_path: Path) -> Path:
    study_path = Path(study_path)
    return study_path.with_name(study_path.name + LOCK_SUFFIX)


def os_user() -> str:
    """The operating-system login name (for the lock file and the study's session)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown user"


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _new_info(user: str | None) -> LockInfo:
    return LockInfo(user=user or os_user(), host=socket.gethostname(), pid=os.getpid(),
                    since=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    token=uuid.uuid4().hex, boot_id=_boot_id())


def _parse(text: str) -> LockInfo | None:
    try:
        data = json.loads(text)
        return LockInfo(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]),
                        since=str(data["since"]), token=str(data.get("token", "")),
                        boot_id=str(data.get("boot_id", "")))
    except (ValueError, KeyError, TypeError):
        return None


def read_lock(study_path: Path) -> LockInfo | None:
    """Who holds the study, or ``None`` when there is no (readable) lock file."""
    try:
        text = lock_path(study_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _parse(text)


def pid_alive(pid: int) -> bool:
    """Does a process with this id run on this computer? (True when we cannot tell.)"""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    except OSError:
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def is_stale(info: LockInfo) -> bool:
    """A lock from this host whose process is gone (or from before the last boot)."""
    if info.host != socket.gethostname():
        return False
    boot = _boot_id()
    if info.boot_id and boot and info.boot_id != boot:
        return True
    return not pid_alive(info.pid)


def _create(path: Path, info: LockInfo) -> None:
    """Create the lock file with O_EXCL (FileExistsError when someone else has it)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        os.write(fd, json.dumps(asdict(info), ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def _unreadable_age(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None


def acquire(study_path: Path, *, user: str | None = None) -> StudyLock | LockHeld | LockUnavailable:
    """Take the study's lock, taking over a stale one. Never raises for file-system problems."""
    study_path = Path(study_path)
    path = lock_path(study_path)
    info = _new_info(user)
    stale: LockInfo | None = None
    for _ in range(3):
        try:
            _create(path, info)
            return StudyLock(study_path, info, took_over=stale)
        except FileExistsError:
            pass
        except OSError as err:
            return LockUnavailable(study_path, err.strerror or str(err))
        holder = read_lock(study_path)
        if holder is None:
            age = _unreadable_age(path)
            if age is None:
                continue  # removed meanwhile: try again
            if age < UNREADABLE_GRACE_S:
                return LockHeld(study_path, LockInfo("another user", "an unknown computer", 0,
                                                     "a moment ago"))
            holder = LockInfo("unknown", "unknown", 0, "")
        elif not is_stale(holder):
            return LockHeld(study_path, holder)
        if not _remove_stale(path, holder):
            continue
        stale = holder
    current = read_lock(study_path)
    if current is not None:
        return LockHeld(study_path, current)
    return LockUnavailable(study_path, "the lock file keeps changing")


def _remove_stale(path: Path, judged: LockInfo) -> bool:
    """Move the stale lock aside and delete it, unless it changed since it was judged."""
    aside = path.with_name(f"{path.name}.stale-{uuid.uuid4().hex}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # someone else removed it: just try to create ours
    except OSError:
        return False
    try:
        moved = _parse(aside.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        moved = None
    if moved is not None and judged.token and moved.token != judged.token:
        # A fresh lock appeared between judging and moving: put it back untouched.
        try:
            os.link(aside, path)
        except OSError:
            if not path.exists():
                os.rename(aside, path)
                return False
        aside.unlink()
        return False
    with contextlib.suppress(OSError):
        aside.unlink()
    return True
