"""``jdmdesk break-lock``: a data manager breaks the lock of an instance that stopped; the
break is recorded in the audit trail; a live holder's lock is never broken."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

import pytest

from jdmdesk.cli import main
from jdmdesk.db.lock import LockInfo, StudyLock, acquire, lock_path
from jdmdesk.db.lock.protocol import utc_text
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from tests.conftest import FAST, log_in_as, raw_connect

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "demo.jdm"
    write_demo(path, hasher=FAST)
    return path


def _silent_lock(study) -> None:
    info = LockInfo("dr.away", "ward-pc-7", 4242, utc_text(NOW - timedelta(hours=5)),
                    token="f" * 32, heartbeat=utc_text(NOW - timedelta(hours=4)))
    lock_path(study).write_text(json.dumps(asdict(info)), encoding="utf-8")


def _lock_events(study) -> list[tuple]:
    conn = raw_connect(study, read_only=True)
    try:
        return conn.execute("SELECT user, action, old_value FROM audit_log "
                            "WHERE action = 'lock_broken' ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_a_data_manager_breaks_a_silent_lock_and_it_is_audited(study, monkeypatch, capsys):
    _silent_lock(study)
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))
    assert main(["break-lock", str(study), "--yes"]) == 1
    assert "may not break a study's lock" in capsys.readouterr().err
    assert lock_path(study).exists()
    manager = demo_credentials(Role.DATA_MANAGER)
    log_in_as(monkeypatch, manager)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["break-lock", str(study)]) == 1  # no terminal to confirm in, no --yes
    assert "not confirmed" in capsys.readouterr().err and lock_path(study).exists()
    assert main(["break-lock", str(study), "--yes"]) == 0
    captured = capsys.readouterr()
    assert "Break the lock only if nobody is working" in captured.err
    assert "dr.away on ward-pc-7" in captured.out and "was broken" in captured.out
    assert not lock_path(study).exists()  # released again after recording
    [(user, action, old)] = _lock_events(study)
    assert user == manager.username and action == "lock_broken"
    held = json.loads(old)
    assert held["user"] == "dr.away" and held["host"] == "ward-pc-7"
    assert main(["check", str(study)]) == 0, capsys.readouterr().err  # the chain still holds


def test_a_live_lock_is_never_broken(study, monkeypatch, capsys):
    log_in_as(monkeypatch, demo_credentials(Role.DATA_MANAGER))
    with acquire(study, user="dr.here") as mine:
        assert isinstance(mine, StudyLock)
        assert main(["break-lock", str(study), "--yes"]) == 1
        assert "in use and cannot be broken" in capsys.readouterr().err
        assert lock_path(study).exists()
    assert main(["break-lock", str(study), "--yes"]) == 1
    assert "not locked: nothing to break" in capsys.readouterr().err
    assert _lock_events(study) == []
