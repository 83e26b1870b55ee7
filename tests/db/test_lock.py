import json
import os
import socket
import subprocess
import sys

import pytest

from jdmdesk.db.lock import (
    LockHeld,
    LockInfo,
    LockUnavailable,
    StudyLock,
    acquire,
    lock_path,
    open_locked,
    os_user,
)
from jdmdesk.db.lock import protocol as lockmod
from jdmdesk.db.lock.messages import held_text
from jdmdesk.db.studyfile import create_study


@pytest.fixture
def study_path(tmp_path):
    s = create_study(tmp_path / "study.jdm")
    s.close()
    return s.path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_acquire_writes_who_and_since_and_release_removes(study_path):
    got = acquire(study_path, user="dr.a")
    assert isinstance(got, StudyLock)
    data = json.loads(lock_path(study_path).read_text())
    assert data["user"] == "dr.a" and data["pid"] == os.getpid()
    assert data["host"] == socket.gethostname() and data["since"].endswith("Z")
    got.release()
    got.release()  # twice is harmless
    assert not lock_path(study_path).exists()


def test_second_instance_is_told_who_holds_it(study_path):
    with acquire(study_path, user="dr.a") as first:
        assert isinstance(first, StudyLock)
        second = acquire(study_path, user="dr.b")
        assert isinstance(second, LockHeld)
        assert second.info.user == "dr.a"
        text = held_text(study_path, second.info)
        assert f"opened by dr.a on {socket.gethostname()} since " in text
        assert "read-only" in text
    third = acquire(study_path)
    assert isinstance(third, StudyLock)
    third.release()


def test_lock_held_by_live_process_elsewhere(study_path, tmp_path):
    code = ("import sys, time; sys.path.insert(0, sys.argv[2]);"
            "from jdmdesk.db.lock import acquire; l = acquire(sys.argv[1], user='child');"
            "print('locked', flush=True); sys.stdin.read(); l.release()")
    root = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", code, str(study_path), root],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        held = acquire(study_path)
        assert isinstance(held, LockHeld) and held.info.pid == proc.pid
    finally:
        proc.communicate("")
    assert proc.returncode == 0 and not lock_path(study_path).exists()


def test_stale_lock_of_dead_process_is_taken_over(study_path):
    stale = LockInfo("crashed", socket.gethostname(), _dead_pid(), "2026-01-01T00:00:00Z",
                     token="old")
    lock_path(study_path).write_text(json.dumps(stale.__dict__))
    got = acquire(study_path, user="me")
    assert isinstance(got, StudyLock)
    assert got.took_over is not None and got.took_over.user == "crashed"
    assert json.loads(lock_path(study_path).read_text())["user"] == "me"
    got.release()
    assert not list(study_path.parent.glob("*.stale-*"))


def test_lock_from_before_last_boot_is_stale(study_path, monkeypatch):
    monkeypatch.setattr(lockmod, "_boot_id", lambda: "boot-now")
    old = LockInfo("x", socket.gethostname(), os.getpid(), "2026-01-01T00:00:00Z",
                   token="t", boot_id="boot-before")
    lock_path(study_path).write_text(json.dumps(old.__dict__))
    got = acquire(study_path)
    assert isinstance(got, StudyLock)
    got.release()


def test_lock_from_another_host_is_never_stolen(study_path):
    other = LockInfo("dr.c", "ward-pc-7", _dead_pid(), "2026-01-01T00:00:00Z", token="t")
    lock_path(study_path).write_text(json.dumps(other.__dict__))
    held = acquire(study_path)
    assert isinstance(held, LockHeld) and "on ward-pc-7" in held_text(study_path, held.info)


def test_empty_lock_file_young_is_held_old_is_stale(study_path):
    lock_path(study_path).write_text("")
    assert isinstance(acquire(study_path), LockHeld)
    old = lockmod.time.time() - 3600
    os.utime(lock_path(study_path), (old, old))
    got = acquire(study_path)
    assert isinstance(got, StudyLock)
    got.release()


def test_release_leaves_someone_elses_lock_alone(study_path):
    mine = acquire(study_path)
    assert isinstance(mine, StudyLock)
    other = LockInfo("x", "elsewhere", 1, "2026-01-01T00:00:00Z", token="theirs")
    lock_path(study_path).write_text(json.dumps(other.__dict__))
    mine.release()
    assert lock_path(study_path).exists()


def test_unwritable_folder_gives_lock_unavailable(study_path, monkeypatch):
    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lockmod.os, "open", refuse)
    got = acquire(study_path)
    assert isinstance(got, LockUnavailable) and "Permission denied" in got.message


def test_open_locked_second_instance_opens_read_only(study_path):
    first = open_locked(study_path, user="dr.a")
    try:
        assert not first.read_only and first.lock is not None and first.notices == []
        second = open_locked(study_path, user="dr.b")
        try:
            assert second.read_only and second.lock is None
            assert any("opened by dr.a" in n for n in second.notices)
        finally:
            second.close()
        assert lock_path(study_path).exists()  # the second never touched the first's lock
    finally:
        first.close()
    assert not lock_path(study_path).exists()


def test_open_locked_releases_lock_when_open_fails(tmp_path):
    bad = tmp_path / "bad.jdm"
    bad.write_bytes(b"not a database at all")
    from jdmdesk.db.connection import StudyFileError

    with pytest.raises(StudyFileError):
        open_locked(bad)
    assert not lock_path(bad).exists()


def test_open_locked_creates_new_study(tmp_path):
    opened = open_locked(tmp_path / "new.jdm", create=True)
    try:
        assert not opened.read_only and opened.lock is not None
    finally:
        opened.close()


def test_os_user_has_one_home_with_a_fallback(monkeypatch):
    import jdmdesk.app

    assert jdmdesk.app.os_user is os_user  # the window's session and the lock file agree

    def fail() -> str:
        raise OSError("no passwd entry")

    monkeypatch.setattr(lockmod.getpass, "getuser", fail)
    monkeypatch.setenv("USERNAME", "")
    monkeypatch.setenv("USER", "ward-nurse")
    assert os_user() == "ward-nurse"
    monkeypatch.delenv("USER")
    monkeypatch.delenv("USERNAME")
    assert os_user() == "unknown user"
