"""File ▸ Break the lock…: a data manager whose window is read-only because a stopped instance
holds the lock breaks it and continues in a writable window; the break is audited."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QAction

from jdmdesk.db.lock import LockInfo, lock_path, read_lock
from jdmdesk.db.lock.protocol import utc_text
from jdmdesk.domain.access import Role
from tests.conftest import raw_connect, study_with_users
from tests.ui.conftest import close_window, open_window
from tests.ui.helpers import install_prompts

NOW = datetime.now(UTC).replace(microsecond=0)


def _silent_lock(study) -> None:
    info = LockInfo("dr.away", "ward-pc-7", 4242, utc_text(NOW - timedelta(hours=5)),
                    token="f" * 32, heartbeat=utc_text(NOW - timedelta(hours=4)))
    lock_path(study).write_text(json.dumps(asdict(info)), encoding="utf-8")


def _action(w, name: str) -> QAction | None:
    return w.findChild(QAction, name)


def test_a_data_manager_breaks_a_stopped_instances_lock_and_can_edit(tmp_path, qtbot):
    study = study_with_users(tmp_path / "ui.jdm")
    _silent_lock(study)
    w = open_window(study, Role.DATA_MANAGER)
    new = None
    try:
        assert w.reader.read_only and "dr.away" in w.banner.text()
        action = _action(w, "break_lock_action")
        assert action is not None and action.isEnabled()
        fake = install_prompts(w)
        new = w.break_lock()
        [(kind, text)] = [a for a in fake.asked if a[0].startswith("confirm")]
        assert kind == "confirm risky" and "Break the lock only if nobody" in text
        assert new is not None and new is not w
        assert not new.reader.read_only and "read-only" not in new.windowTitle()
        assert "dr.away" not in new.banner.text()  # the held-lock notice is gone
        assert "was broken" in new.statusBar().currentMessage()
        held = read_lock(study)
        assert held is not None and held.user != "dr.away"  # this instance holds it now
        assert not _action(new, "break_lock_action").isEnabled()  # nothing left to break
    finally:
        close_window(new or w)
    conn = raw_connect(study, read_only=True)
    try:
        events = conn.execute("SELECT action, old_value FROM audit_log "
                              "WHERE action = 'lock_broken'").fetchall()
    finally:
        conn.close()
    assert len(events) == 1 and json.loads(events[0][1])["host"] == "ward-pc-7"
    assert not lock_path(study).exists()  # released when the window closed


def test_only_a_data_manager_is_offered_the_break(tmp_path, qtbot):
    study = study_with_users(tmp_path / "ui.jdm")
    _silent_lock(study)
    w = open_window(study, Role.DATA_ENTRY)
    try:
        assert w.reader.read_only and _action(w, "break_lock_action") is None
    finally:
        close_window(w)
    assert lock_path(study).exists()


def test_the_lock_notice_and_the_break_speak_dutch(tmp_path, qtbot):
    from jdmdesk.ui import language

    study = study_with_users(tmp_path / "ui.jdm")
    _silent_lock(study)
    language.install("nl")
    try:
        w = open_window(study, Role.DATA_MANAGER)
        try:
            banner = w.banner.text()
            assert "is geopend door dr.away op ward-pc-7" in banner
            assert "5 uur geleden" in banner and "Studievergrendeling opheffen" in banner
            assert _action(w, "break_lock_action").text() == "Studievergrendeling op&heffen…"
        finally:
            close_window(w)
    finally:
        language.install("en")


def test_the_banner_notices_follow_a_language_switch(tmp_path, qtbot):
    from jdmdesk.ui import language

    study = study_with_users(tmp_path / "ui.jdm")
    _silent_lock(study)
    language.install("en")
    w = open_window(study, Role.DATA_MANAGER)
    try:
        assert "is opened by dr.away on ward-pc-7" in w.banner.text()
        assert "Read-only: this study can be reviewed" in w.banner.text()
        assert w.choose_language("nl")
        banner = w.banner.text()
        assert "is geopend door dr.away op ward-pc-7" in banner
        assert "opened by" not in banner and "Read-only" not in banner
        assert w.choose_language("en")
        assert "is opened by dr.away on ward-pc-7" in w.banner.text()
    finally:
        close_window(w)
        language.install("en")
