"""Issue 15, item 16: a lock whose holder stopped (another computer, a process id reused by
another program) says how old it is and who holds it, and a data manager can break it once
its heartbeat is older than the margin, after confirming."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

import pytest

from jdmdesk.db.lock import (
    BREAK_MARGIN,
    HEARTBEAT_INTERVAL_S,
    LockHeld,
    LockInfo,
    StudyLock,
    acquire,
    break_lock,
    lock_path,
    open_locked,
    read_lock,
    refresh_lock,
)
from jdmdesk.db.lock.messages import held_text
from jdmdesk.db.lock.protocol import utc_text
from jdmdesk.db.studyfile import create_study

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def study_path(tmp_path):
    s = create_study(tmp_path / "study.jdm")
    s.close()
    return s.path


def _write_lock(study_path, *, host: str, pid: int, since: datetime,
                heartbeat: datetime | None) -> LockInfo:
    info = LockInfo("dr.away", host, pid, utc_text(since), token="f" * 32,
                    heartbeat=utc_text(heartbeat) if heartbeat else "")
    data = asdict(info)
    if heartbeat is None:
        del data["heartbeat"]  # written by an older version
    lock_path(study_path).write_text(json.dumps(data), encoding="utf-8")
    return info


def test_a_lock_from_another_computer_says_its_age_and_how_to_clear_it(study_path):
    _write_lock(study_path, host="ward-pc-7", pid=os.getpid(), since=NOW - timedelta(hours=3),
                heartbeat=NOW - timedelta(hours=2))
    held = acquire(study_path)
    assert isinstance(held, LockHeld)
    text = held_text(study_path, held.info)
    assert "dr.away on ward-pc-7" in text and "3 hours ago" in text
    assert "last sign of life 2 hours ago" in text and "data manager can break the lock" in text


def test_a_live_holder_is_not_offered_for_breaking(study_path):
    with acquire(study_path, user="dr.here") as mine:
        assert isinstance(mine, StudyLock)
        held = acquire(study_path)
        assert isinstance(held, LockHeld) and "break" not in held_text(study_path, held.info)
        asked: list[str] = []
        result = break_lock(study_path, confirm=lambda text: asked.append(text) or True)
        assert not result.broken and "in use" in result.message and asked == []
        assert read_lock(study_path) == mine.info


def test_a_process_id_reused_by_another_program_is_taken_over(study_path):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:  # the id is alive, but that process started long after the lock's last heartbeat
        _write_lock(study_path, host=socket.gethostname(), pid=other.pid,
                    since=NOW - timedelta(hours=5), heartbeat=NOW - timedelta(hours=4))
        got = acquire(study_path, user="dr.b")
        if sys.platform.startswith("linux"):
            assert isinstance(got, StudyLock) and got.took_over is not None
            got.release()
    finally:
        other.kill()
        other.wait()


def test_heartbeat_refreshes_the_lock_and_stops_once_broken(study_path):
    opened = open_locked(study_path)
    try:
        lock = opened.lock
        assert lock is not None
        later = NOW + timedelta(minutes=1)
        assert refresh_lock(lock, later)
        on_disk = read_lock(study_path)
        assert on_disk is not None and on_disk.heartbeat == utc_text(later)
        assert on_disk.token == lock.info.token and on_disk.since == lock.info.since
        silent = later + timedelta(seconds=HEARTBEAT_INTERVAL_S) + BREAK_MARGIN \
            + timedelta(seconds=1)
        asked: list[str] = []
        result = break_lock(study_path, now=silent,
                            confirm=lambda text: asked.append(text) or True)
        assert result.broken and not lock_path(study_path).exists()
        assert len(asked) == 1 and "Break the lock only if nobody is working" in asked[0]
        assert not opened.refresh_lock()  # no longer ours: nothing rewritten
        assert not lock_path(study_path).exists()
    finally:
        opened.close()


def test_breaking_needs_confirmation(study_path):
    _write_lock(study_path, host="ward-pc-7", pid=1, since=NOW - timedelta(days=2),
                heartbeat=None)
    result = break_lock(study_path, confirm=lambda _text: False)
    assert not result.broken and lock_path(study_path).exists()
    result = break_lock(study_path, confirm=lambda _text: True)
    assert result.broken and "dr.away on ward-pc-7" in result.message
    got = acquire(study_path)
    assert isinstance(got, StudyLock)
    got.release()


def test_breaking_nothing(study_path):
    result = break_lock(study_path, confirm=lambda _t: True)
    assert not result.broken and "not locked" in result.message
