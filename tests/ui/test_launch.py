"""Login first (jdmdesk.ui.launch) and the window shown while quick_check still runs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from jdmdesk.app import build_main_window
from jdmdesk.db.connection import Problem, StudyFileError, hold_writes, write_transaction
from jdmdesk.db.driver import OperationalError
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Role
from jdmdesk.ui import launch
from tests.conftest import FAST, credentials, study_with_users
from tests.ui.conftest import close_window


class HeldCheck:
    """A quick_check stand-in that ends when the test says so."""

    def __init__(self) -> None:
        self.error: StudyFileError | None = None
        self.finished = threading.Event()
        self.waits = 0

    @property
    def done(self) -> bool:
        return self.finished.is_set()

    def wait(self) -> None:
        self.waits += 1
        self.finished.wait()
        if self.error is not None:
            raise self.error

    def end(self, error: StudyFileError | None = None) -> None:
        self.error = error
        self.finished.set()

    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True
        self.end(StudyFileError(Path("x"), Problem.DAMAGED, "stopped"))


def test_study_kind(tmp_path: Path) -> None:
    study = study_with_users(tmp_path / "s.jdm")
    assert launch.study_kind(study) == "encrypted"
    assert launch.study_kind(tmp_path / "missing.jdm") == "other"
    plain = tmp_path / "plain.jdm"
    plain.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert launch.study_kind(plain) == "plain"
    Path(f"{study}.keys").unlink()
    assert launch.study_kind(study) == "other"  # the recovery key decides, on the usual path


def test_launcher_asks_first_then_opens_with_what_was_typed(tmp_path, qtbot, monkeypatch):
    study = study_with_users(tmp_path / "s.jdm")
    order: list[str] = []
    typed = credentials(Role.DATA_ENTRY)

    def fake_login(path: Path, painted):
        order.append("dialog")
        return typed

    def fake_open(app, path, given, *, read_only, integrity, ahead):
        order.append("window")
        assert given == typed and path == study and not read_only
        return 0

    monkeypatch.setattr(launch, "early_login", fake_login)
    monkeypatch.setattr("jdmdesk.app.open_window", fake_open)
    assert launch.run_gui(study) == 0
    assert order == ["dialog", "window"]


def test_launcher_cancel_opens_nothing(tmp_path, qtbot, monkeypatch, capsys):
    study = study_with_users(tmp_path / "s.jdm")
    monkeypatch.setattr(launch, "early_login", lambda path, painted: None)
    monkeypatch.setattr("jdmdesk.app.open_window",
                        lambda *a, **k: pytest.fail("nothing may open after a cancel"))
    assert launch.run_gui(study) == 1
    assert "login cancelled" in capsys.readouterr().err


def test_plain_study_is_checked_while_the_person_types(tmp_path, monkeypatch):
    seen: list[Path] = []
    monkeypatch.setattr("jdmdesk.db.studyfile.start_integrity_check",
                        lambda path: seen.append(path) or "check")
    warm = launch.Warmup(tmp_path / "p.jdm", check=True)
    assert warm.wait() == "check" and seen == [tmp_path / "p.jdm"]
    assert launch.Warmup(tmp_path / "p.jdm", check=False).wait() is None


def test_writes_wait_for_the_held_check_and_a_failed_check_refuses_them(tmp_path):
    study = open_study(study_with_users(tmp_path / "s.jdm"))
    try:
        passing = HeldCheck()
        hold_writes(study.db, passing)
        passing.end()
        with write_transaction(study.db) as db:
            db.execute("SELECT 1")
        assert passing.waits == 1
        with write_transaction(study.db) as db:  # the gate is passed once, then dropped
            db.execute("SELECT 1")
        assert passing.waits == 1
        failing = HeldCheck()
        failing.end(StudyFileError(study.path, Problem.DAMAGED, "damaged page"))
        hold_writes(study.db, failing)
        for _ in range(2):
            with pytest.raises(OperationalError, match="integrity check"), \
                    write_transaction(study.db):
                pytest.fail("no write may begin")
    finally:
        study.close()


def test_window_shown_before_the_check_records_the_login_after_it(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    check = HeldCheck()
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST,
                          integrity=check, defer_check=True)
    try:
        accounts = w.services.accounts
        assert accounts._pending  # the login is not recorded while the check runs
        check.end()
        qtbot.waitUntil(lambda: not accounts._pending)
        assert not w.services.records.study.read_only
    finally:
        close_window(w)


def test_a_check_failing_after_the_window_is_shown_makes_it_read_only(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    check = HeldCheck()
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST,
                          integrity=check, defer_check=True)
    try:
        check.end(StudyFileError(study, Problem.DAMAGED, "damaged page"))
        qtbot.waitUntil(lambda: getattr(w, "alarm", None) is not None)
        assert "integrity check" in w.alarm.text() and "damaged page" in w.alarm.text()
        assert w.services.records.study.read_only
        result = w.services.records.save("patient", {"study_code": "P-9", "sex": "F",
                                                     "birth_date": "2015-01-01"})
        assert not result.ok
    finally:
        close_window(w)


def test_closing_before_the_check_ends_stops_it_and_writes_nothing(tmp_path, qtbot, monkeypatch):
    study = study_with_users(tmp_path / "s.jdm")
    check = HeldCheck()
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST,
                          integrity=check, defer_check=True)
    backups: list[object] = []
    monkeypatch.setattr("jdmdesk.app.backup_on_close", backups.append)
    close_window(w)
    assert check.cancelled and not backups


def test_a_real_check_can_be_stopped(tmp_path):
    from jdmdesk.db.studyfile import start_integrity_check

    study = study_with_users(tmp_path / "s.jdm")
    check = start_integrity_check(study)
    assert check is not None
    check.cancel()
    assert check.done


def test_the_imports_wait_for_the_login_dialog_to_paint(tmp_path):
    warm = launch.Warmup(tmp_path / "s.jdm", check=False, hold=True)
    warm._thread.join(0.3)
    assert not warm.done  # held: they would slow the dialog's first paint
    warm.go()
    warm._thread.join(30)
    assert warm.done and warm.wait() is None
