"""The lock protocol: one writer per study file, a lock file ``<study>.lock`` beside it.

The lock file holds JSON ``{user, host, pid, since, token, boot_id, heartbeat}`` (times in
UTC). The holder rewrites ``heartbeat`` every :data:`HEARTBEAT_INTERVAL_S` seconds
(:mod:`.heartbeat`), so a lock whose holder stopped (a crash on another computer, a process
id now used by another program) shows how long ago it last lived; a data manager may then
break it (:func:`~.heartbeat.break_lock`). It is created
atomically with ``O_CREAT | O_EXCL``, so of two instances starting together exactly one wins.
The other gets :class:`LockHeld` and opens the study read-only (or refuses), telling the user
"opened by USER on HOST since TIME".

A lock left behind by a crash is *stale* when it was written on this host by a process that
no longer runs, whose id now belongs to a process started after the lock was written, or
before this host last booted; it is then taken over. A lock written on
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
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from jdmdesk.db.processes import pid_alive

LOCK_SUFFIX = ".lock"
# A lock file with no readable content (a crash between create and write) is stale after this.
UNREADABLE_GRACE_S = 30.0
# The holder refreshes its heartbeat this often; a lock silent for longer than
# HEARTBEAT_INTERVAL_S + BREAK_MARGIN may be broken by a data manager.
HEARTBEAT_INTERVAL_S = 60
BREAK_MARGIN = timedelta(minutes=5)
_TIME = "%Y-%m-%dT%H:%M:%SZ"


def utc_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime(_TIME)


def parse_utc(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, _TIME).replace(tzinfo=UTC)
    except ValueError:
        return None


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # ISO 8601 UTC, e.g. 2026-11-25T08:31:00Z
    token: str = ""
    boot_id: str = ""
    heartbeat: str = ""  # the holder's last sign of life (UTC); "" from older versions

    def since_local(self) -> str:
        """``since`` in the local time zone, for people (the file stores UTC)."""
        at = parse_utc(self.since)
        if at is None:
            return self.since or "an unknown time"
        return at.astimezone().strftime("%Y-%m-%d %H:%M")

    def last_alive(self) -> datetime | None:
        """The holder's last heartbeat, else when it took the lock (None when unknown)."""
        return parse_utc(self.heartbeat) or parse_utc(self.since)


@dataclass(frozen=True)
class LockHeld:
    """Another instance holds the study: open it read-only or refuse."""

    study_path: Path
    info: LockInfo



@dataclass(frozen=True)
class LockUnavailable:
    """No lock file can be made (read-only folder, …): open the study read-only."""

    study_path: Path
    reason: str

    @property
    def message(self) -> str:
        from jdmdesk.db.lock.messages import unavailable_text

        return unavailable_text(self.study_path, self.reason)


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
    now = utc_text(datetime.now(UTC))
    return LockInfo(user=user or os_user(), host=socket.gethostname(), pid=os.getpid(),
                    since=now, token=uuid.uuid4().hex, boot_id=_boot_id(), heartbeat=now)


def _parse(text: str) -> LockInfo | None:
    try:
        data = json.loads(text)
        return LockInfo(user=str(data["user"]), host=str(data["host"]), pid=int(data["pid"]),
                        since=str(data["since"]), token=str(data.get("token", "")),
                        boot_id=str(data.get("boot_id", "")),
                        heartbeat=str(data.get("heartbeat", "")))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_lock(study_path: Path) -> LockInfo | None:
    """Who holds the study, or ``None`` when there is no (readable) lock file."""
    try:
        text = lock_path(study_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _parse(text)


def process_started(pid: int) -> datetime | None:
    """When process ``pid`` started (Linux ``/proc``; None elsewhere or when unknown)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22: starttime, in clock ticks
        btime = next(int(line.split()[1]) for line in
                     Path("/proc/stat").read_text(encoding="ascii").splitlines()
                     if line.startswith("btime "))
        hz = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return None
    return datetime.fromtimestamp(btime + ticks / hz, UTC)


def is_stale(info: LockInfo) -> bool:
    """A lock from this host whose process is gone, whose process id now belongs to a process
    started after the lock was written (another program), or from before the last boot."""
    if info.host != socket.gethostname():
        return False
    boot = _boot_id()
    if info.boot_id and boot and info.boot_id != boot:
        return True
    if not pid_alive(info.pid):
        return True
    # The holder started before its last heartbeat; a process started well after that reuses
    # the id. Only heartbeat locks are judged so: a live holder rewrites the heartbeat every
    # minute with the current clock, so a clock set forward is not mistaken for a new process.
    started, beat = process_started(info.pid), parse_utc(info.heartbeat)
    slack = timedelta(seconds=2 * HEARTBEAT_INTERVAL_S)
    return started is not None and beat is not None and started > beat + slack


def _create(path: Path, info: LockInfo) -> None:
    """Create the lock file with O_EXCL (FileExistsError when someone else has it)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        os.write(fd, json.dumps(asdict(info), ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
    except OSError:
        os.close(fd)
        path.unlink(missing_ok=True)  # a full disk: leave no empty lock behind
        raise
    os.close(fd)


def unreadable_age(path: Path) -> float | None:
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
            age = unreadable_age(path)
            if age is None:
                continue  # removed meanwhile: try again
            if age < UNREADABLE_GRACE_S:
                return LockHeld(study_path, LockInfo("another user", "an unknown computer", 0,
                                                     "a moment ago"))
            holder = LockInfo("unknown", "unknown", 0, "")
        elif not is_stale(holder):
            return LockHeld(study_path, holder)
        if not remove_stale(path, holder):
            continue
        stale = holder
    current = read_lock(study_path)
    if current is not None:
        return LockHeld(study_path, current)
    return LockUnavailable(study_path, "the lock file keeps changing")


def remove_stale(path: Path, judged: LockInfo) -> bool:
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


def silent_for(info: LockInfo, now: datetime | None = None) -> timedelta | None:
    """How long the holder has given no sign of life (None when the lock says nothing)."""
    last = info.last_alive()
    return None if last is None else (now or datetime.now(UTC)) - last


def breakable(info: LockInfo, now: datetime | None = None) -> bool:
    """Whether a data manager may break this lock: its holder has been silent for longer than
    its heartbeat interval plus :data:`BREAK_MARGIN` (a live holder refreshes it every
    minute). A lock that tells no time may be broken."""
    silent = silent_for(info, now)
    return silent is None or silent > timedelta(seconds=HEARTBEAT_INTERVAL_S) + BREAK_MARGIN
