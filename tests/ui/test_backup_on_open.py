"""The daily backup on opening runs in a worker thread: the window is usable (and saves go on)
while it copies; a failure is told in the banner; the backup on closing waits for it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from jdmdesk.app import build_main_window
from jdmdesk.db.backup import BackupError, automatic_backups, background, is_verified
from jdmdesk.domain.access import Role
from tests.conftest import FAST, credentials, study_with_users
from tests.ui.conftest import close_window

PATIENT = {"study_code": "B-1", "sex": "F", "birth_date": "2015-01-01"}


def held_backup(monkeypatch, release: threading.Event, seen: list[str]) -> None:
    def slow(study):
        seen.append(threading.current_thread().name)
        release.wait(30)
        return None

    monkeypatch.setattr(background, "backup_on_open_if_due", slow)


def test_the_window_opens_and_saves_while_the_backup_runs(tmp_path, qtbot, monkeypatch):
    release, seen = threading.Event(), []
    held_backup(monkeypatch, release, seen)
    study = study_with_users(tmp_path / "s.jdm")
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    try:
        job = w.backup_on_open
        qtbot.waitUntil(lambda: seen == ["backup-on-open"])
        assert not job.done  # build_main_window did not wait for it
        assert w.services.records.save("patient", PATIENT).ok
        release.set()
        qtbot.waitUntil(lambda: job.done)
        assert job.error is None
    finally:
        release.set()
        close_window(w)


def test_a_real_backup_on_opening_is_made_and_verifies(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    try:
        assert w.services.records.save("patient", PATIENT).ok
        job = w.backup_on_open
        qtbot.waitUntil(lambda: job.done)
        assert job.error is None and job.made is not None
        assert job.made in automatic_backups(study) and is_verified(job.made)
    finally:
        close_window(w)


def test_a_failed_backup_on_opening_is_told_in_the_banner(tmp_path, qtbot, monkeypatch):
    def failing(study):
        raise BackupError("the backup failed (no space left on the device)")

    monkeypatch.setattr(background, "backup_on_open_if_due", failing)
    w = build_main_window(study_with_users(tmp_path / "s.jdm"), credentials(Role.DATA_ENTRY),
                          hasher=FAST)
    try:
        qtbot.waitUntil(lambda: "Automatic backup failed" in w.banner.text())
        assert "no space left" in w.banner.text()
    finally:
        close_window(w)


def test_closing_waits_for_the_backup_on_opening(tmp_path, qtbot, monkeypatch):
    release, seen = threading.Event(), []
    held_backup(monkeypatch, release, seen)
    order: list[str] = []
    monkeypatch.setattr("jdmdesk.app.backup_on_close",
                        lambda study: order.append(f"close after open: {job.done}"))
    study: Path = study_with_users(tmp_path / "s.jdm")
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    job = w.backup_on_open
    qtbot.waitUntil(lambda: seen == ["backup-on-open"])
    threading.Timer(0.2, release.set).start()
    close_window(w)
    assert order == ["close after open: True"]


def test_closing_waits_for_its_backup_with_the_window_gone_and_a_note_shown(tmp_path, qtbot,
                                                                            monkeypatch):
    seen: list[tuple[bool, list[str]]] = []
    made: list[str] = []

    def slow_backup(study) -> None:  # in the worker thread
        time.sleep(0.8)
        made.append("close")

    w = build_main_window(study_with_users(tmp_path / "s.jdm"), credentials(Role.DATA_ENTRY),
                          hasher=FAST)
    w.show()
    monkeypatch.setattr("jdmdesk.app.backup_on_close", slow_backup)

    def look() -> None:  # while the close waits: the window is gone, the note is up
        notes = [d.labelText() for d in QApplication.topLevelWidgets()
                 if isinstance(d, QProgressDialog) and d.isVisible()]
        seen.append((w.isVisible(), notes))

    QTimer.singleShot(600, look)
    close_window(w)
    assert made == ["close"]  # the close returned after the backup
    assert seen and seen[0][0] is False
    assert len(seen[0][1]) == 1 and "Backing up s.jdm before it closes" in seen[0][1][0]
    assert not [d for d in QApplication.topLevelWidgets()
                if isinstance(d, QProgressDialog) and d.isVisible()]


def test_a_failed_backup_on_closing_is_told_on_stderr(tmp_path, qtbot, monkeypatch, capsys):
    def failing(study) -> None:
        raise BackupError("the backup failed (no space left on the device)")

    w = build_main_window(study_with_users(tmp_path / "s.jdm"), credentials(Role.DATA_ENTRY),
                          hasher=FAST)
    monkeypatch.setattr("jdmdesk.app.backup_on_close", failing)
    close_window(w)
    assert "backup on close failed: the backup failed (no space left" in capsys.readouterr().err
