"""Access control seen from the window: what each role is offered, login, sign-off, unlock,
user management and the auto-lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from jdmdesk.app import LoginCancelled, build_main_window
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Action, Credentials, Role, can
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountError
from jdmdesk.services.records import RecordService
from jdmdesk.ui.admin.login_dialog import LoginDialog
from jdmdesk.ui.admin.users_dialog import UsersDialog
from tests.conftest import FAST, PASSWORD, TODAY, seed_users, study_with_users
from tests.ui.conftest import close_window, open_window, shown
from tests.ui.helpers import install_prompts


def _study(path: Path) -> Path:
    """Users of every role, one patient with two visits (the second deleted)."""
    from jdmdesk.db.studyfile import create_study

    study = create_study(path)
    try:
        users = seed_users(study)
        nurse = RecordService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY))
        pid = nurse.save("patient", {"study_code": "P-1", "sex": "F",
                                     "birth_date": "2015-04-02"}).record_id
        for day in ("2024-05-01", "2024-06-01"):
            nurse.save("visit", {"visit_date": day, "phga": "4"}, patient_id=pid)
    finally:
        study.close()
    return path


@pytest.fixture
def study_path(tmp_path) -> Path:
    return _study(tmp_path / "access.jdm")


def _open_on_visit(path: Path, role: Role, qtbot):
    w = shown(open_window(path, role), qtbot)
    install_prompts(w)
    w.choose_patient(w.patients.model.ids[0])
    w.workspace.show_section("visit")
    section = w.workspace.sections["visit"]
    section.table.selectRow(0)
    section._activated(section.model.index(0, 0))
    return w


def _offered(w) -> dict[Action, bool]:
    """Whether the window offers each action (menu entries exist, buttons are not hidden)."""
    def action(name: str) -> bool:
        return w.findChild(QAction, name) is not None

    def shown_button(widget: QWidget) -> bool:
        return not widget.isHidden()

    visit = w.workspace.forms["visit"]
    section = w.workspace.sections["visit"]
    edit = [action("new_patient_action"), shown_button(visit.save_button),
            shown_button(visit.new_button), shown_button(section.delete_button),
            shown_button(w.workspace.forms["medication"].change_dose_button),
            not visit.inputs["phga"].widget.isReadOnly()]
    assert len(set(edit)) == 1, edit  # all of data entry's controls, or none
    backup = {action("backup_action"), action("restore_action")}
    assert len(backup) == 1
    return {
        Action.READ: w.patients.model.ids != [] and w.workspace.review is not None,
        Action.EDIT_RECORDS: edit[0],
        Action.SIGN_VISIT: shown_button(visit.sign_button),
        Action.EXPORT: action("export_action"),
        Action.STUDY_SETTINGS: action("settings_action"),
        Action.MANAGE_USERS: action("users_action"),
        Action.UNLOCK_VISIT: shown_button(visit.unlock_button),
        Action.UNDELETE: shown_button(section.restore_button),
        Action.BACKUP: backup.pop(),
        Action.IMPORT_LABS: action("import_labs_action"),
        Action.UNDO_IMPORT: action("undo_import_action"),
        Action.BREAK_LOCK: action("break_lock_action"),
    }


@pytest.mark.parametrize("role", list(Role))
def test_window_offers_exactly_what_the_role_may_do(study_path, qtbot, role):
    w = _open_on_visit(study_path, role, qtbot)
    try:
        offered = _offered(w)
        assert set(offered) == set(Action)
        assert offered == {a: can(role, a) for a in Action}
        assert w.user_label.text().startswith(w.services.session.display_name)
    finally:
        close_window(w)


def test_reviewer_signs_in_the_window_and_the_nurse_cannot_edit_it(study_path, qtbot):
    doctor = _open_on_visit(study_path, Role.REVIEWER, qtbot)
    visit = doctor.workspace.forms["visit"]
    try:
        assert visit.sign_button.isEnabled() and visit.signature_label.text() == ""
        doctor.workspace.prompts.passwords = ["wrong password"]
        qtbot.mouseClick(visit.sign_button, Qt.MouseButton.LeftButton)
        assert "wrong password" in doctor.workspace.prompts.errors[-1]
        doctor.workspace.prompts.passwords = [PASSWORD]
        qtbot.mouseClick(visit.sign_button, Qt.MouseButton.LeftButton)
        text = visit.signature_label.text()
        assert text.startswith("Signed by Dr Paula Review (doctor) on 20") and "UTC" in text
        assert "reviewed" in text and not visit.sign_button.isEnabled()
        model = doctor.workspace.sections["visit"].model
        signed = [model.rows[r]["signed"] for r in range(model.rowCount())]
        assert signed == ["\u2713 doctor", ""]  # the table shows which visits are signed
    finally:
        close_window(doctor)
    nurse = _open_on_visit(study_path, Role.DATA_ENTRY, qtbot)
    visit = nurse.workspace.forms["visit"]
    try:
        assert "Signed by Dr Paula Review" in visit.signature_label.text()
        assert visit.inputs["phga"].widget.isReadOnly() and not visit.save_button.isEnabled()
        assert not visit.save()
        assert visit.sign_button.isHidden() and visit.unlock_button.isHidden()
    finally:
        close_window(nurse)


def test_data_manager_unlocks_with_a_reason_in_the_window(study_path, qtbot):
    doctor = _open_on_visit(study_path, Role.REVIEWER, qtbot)
    doctor.workspace.prompts.passwords = [PASSWORD]
    doctor.workspace.forms["visit"].sign()
    close_window(doctor)
    manager = _open_on_visit(study_path, Role.DATA_MANAGER, qtbot)
    visit = manager.workspace.forms["visit"]
    try:
        assert visit.unlock_button.isEnabled()
        manager.workspace.prompts.reasons = ["PhGA typed in the wrong field"]
        qtbot.mouseClick(visit.unlock_button, Qt.MouseButton.LeftButton)
        assert visit.signature_label.text() == "" and not visit.unlock_button.isEnabled()
        model = manager.workspace.sections["visit"].model
        assert all(model.rows[r]["signed"] == "" for r in range(model.rowCount()))
    finally:
        close_window(manager)
    nurse = _open_on_visit(study_path, Role.DATA_ENTRY, qtbot)
    try:
        visit = nurse.workspace.forms["visit"]
        assert not visit.inputs["phga"].widget.isReadOnly() and visit.save_button.isEnabled()
    finally:
        close_window(nurse)


# --- logging in ---------------------------------------------------------------------------

def test_login_asks_again_after_a_wrong_password_and_audits_both(study_path, qtbot):
    asked: list[tuple[bool, str | None]] = []
    answers = [Credentials("nurse", "not it"), Credentials("nurse", PASSWORD)]

    def ask(first: bool, error: str | None) -> Credentials | None:
        asked.append((first, error))
        return answers.pop(0)

    w = build_main_window(study_path, ask=ask, hasher=FAST)
    try:
        assert asked == [(False, None), (False, "unknown user name or wrong password")]
        assert w.services.session.username == "nurse"
    finally:
        close_window(w)
    study = open_study(study_path, read_only=True)
    try:
        actions = [a for (a,) in study.conn.execute(
            "SELECT action FROM audit_log WHERE table_name = 'user_account' AND user = 'nurse'"
            " AND action LIKE 'login%' ORDER BY seq")]
    finally:
        study.close()
    assert actions == ["login_failed", "login"]


def test_wrong_credentials_or_cancel_open_nothing(study_path, tmp_path):
    with pytest.raises(AccountError, match="wrong password"):
        build_main_window(study_path, Credentials("nurse", "not it"), hasher=FAST)
    with pytest.raises(LoginCancelled):
        build_main_window(study_path, ask=lambda first, error: None, hasher=FAST)
    assert not (tmp_path / "access.jdm.lock").exists()  # the lock was given back each time


def test_new_study_makes_the_first_user_its_data_manager(tmp_path, qtbot):
    asked: list[bool] = []

    def ask(first: bool, error: str | None) -> Credentials | None:
        asked.append(first)
        return Credentials("boss", "long enough pw", "Dr Boss")

    w = build_main_window(tmp_path / "new.jdm", ask=ask, hasher=FAST)
    try:
        assert asked == [True]
        s = w.services.session
        assert (s.username, s.display_name, s.role) == ("boss", "Dr Boss", Role.DATA_MANAGER)
    finally:
        close_window(w)
    w = build_main_window(tmp_path / "new.jdm", Credentials("boss", "long enough pw"),
                          hasher=FAST)  # now an ordinary login
    close_window(w)


def test_login_dialog_shows_only_its_mode_fields(qtbot):
    d = LoginDialog("s.jdm", first_user=False)
    qtbot.addWidget(d)
    d.show()
    assert d.username.isVisible() and d.password.isVisible()
    assert not d.display_name.isVisible() and not d.repeat.isVisible()


def test_login_dialog_checks_the_form_before_sending(qtbot):
    d = LoginDialog("s.jdm", first_user=True)
    qtbot.addWidget(d)
    d.username.setText("boss")
    d.password.setText("short")
    d.submit()
    assert "full name" in d.message.text()
    d.display_name.setText("Dr Boss")
    d.submit()
    assert "differ" in d.message.text()
    d.repeat.setText("short")
    d.submit()
    assert "at least 10" in d.message.text() and d.result() == 0
    for w in (d.password, d.repeat):
        w.setText("long enough pw")
        assert w.echoMode() == w.EchoMode.Password
    d.submit()
    assert d.result() == 1
    assert d.credentials() == Credentials("boss", "long enough pw", "Dr Boss")
    assert "long enough pw" not in repr(d.credentials())


# --- users --------------------------------------------------------------------------------

def test_data_manager_adds_a_user_in_the_users_dialog(study_path, qtbot):
    manager = _open_on_visit(study_path, Role.DATA_MANAGER, qtbot)
    try:
        dialog = UsersDialog(manager.services.accounts, manager.services.session,
                             manager.workspace.prompts, manager)
        assert dialog.table.rowCount() == 3
        dialog.username.setText("nurse2")
        dialog.display_name.setText("Second Nurse")
        dialog.role.setCurrentIndex(dialog.role.findData("data_entry"))
        dialog.password.setText("long enough pw")
        dialog.repeat.setText("long enough pw!")
        dialog.add_user()
        assert "differ" in dialog.message.text() and dialog.table.rowCount() == 3
        dialog.repeat.setText("long enough pw")
        dialog.add_user()
        assert dialog.table.rowCount() == 4 and dialog.password.text() == ""
        dialog.table.selectRow([dialog.table.item(r, 0).text()
                                for r in range(4)].index("nurse2"))
        manager.workspace.prompts.reasons = ["left the unit"]
        dialog.toggle_selected()
        assert "deactivated" in dialog.message.text()
        dialog.close()
    finally:
        close_window(manager)
    with pytest.raises(AccountError):
        build_main_window(study_path, Credentials("nurse2", "long enough pw"), hasher=FAST)


# --- auto-lock ----------------------------------------------------------------------------

@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def clocked_window(tmp_path, qtbot, clock):
    """The data entry user's window, idle time measured on ``clock`` (moved by the test)."""
    w = shown(open_window(study_with_users(tmp_path / "ui.jdm"), clock=clock), qtbot)
    install_prompts(w)
    yield w
    close_window(w)


def _patient_data_visible(w) -> bool:
    return w.patients.isVisible() or w.workspace.isVisible()


def test_idle_window_locks_hides_patient_data_and_keeps_unsaved_text(clocked_window, clock,
                                                                      qtbot):
    w = clocked_window
    assert w.idle.interval_ms == 10 * 60_000  # the default: 10 minutes
    w.workspace.start_new_patient()
    form = w.workspace.forms["patient"]
    form.inputs["study_code"].set_text("P-777")
    form.inputs["note"].set_text("typed, not saved")
    assert form.dirty
    clock.advance(minutes=9, seconds=59)
    w.idle.check()
    assert not w.locked  # one second short of the idle time
    clock.advance(seconds=1)
    w.idle.check()
    assert w.locked
    assert not _patient_data_visible(w) and w.lock_screen.isVisible()
    assert all(not a.isEnabled() for a in w.findChildren(QAction) if a.objectName()
               in ("new_patient_action", "go_visit_action", "close_action"))
    qtbot.keyClicks(w.lock_screen.password, "wrong password")
    qtbot.keyClick(w.lock_screen.password, Qt.Key.Key_Return)
    assert w.locked and "wrong password" in w.lock_screen.message.text().lower()
    assert w.lock_screen.password.text() == ""
    qtbot.keyClicks(w.lock_screen.password, PASSWORD)
    qtbot.keyClick(w.lock_screen.password, Qt.Key.Key_Return)
    assert not w.locked and _patient_data_visible(w)
    assert form.dirty and form.inputs["note"].text() == "typed, not saved"
    assert form.inputs["study_code"].text() == "P-777"


def test_the_idle_timer_checks_by_itself(clocked_window, clock, qtbot):
    """No one calls ``check``: the watcher's own tick sees the clock has moved on."""
    w = clocked_window
    assert w.idle.timer.isActive() and not w.locked
    clock.advance(minutes=10)
    with qtbot.waitSignal(w.idle.idle, timeout=5000):
        pass
    assert w.locked and not w.idle.timer.isActive()


def test_activity_postpones_the_lock_and_ctrl_l_locks_at_once(clocked_window, clock, qtbot):
    w = clocked_window
    for _ in range(6):  # 18 minutes of typing: longer than the idle time, but never idle
        clock.advance(minutes=3)
        qtbot.keyClick(w.patients.search, Qt.Key.Key_Shift)
        w.idle.check()
    assert not w.locked
    clock.advance(minutes=10)
    w.idle.check()
    assert w.locked  # then ten quiet minutes lock it
    qtbot.keyClicks(w.lock_screen.password, PASSWORD)
    qtbot.keyClick(w.lock_screen.password, Qt.Key.Key_Return)
    assert not w.locked
    clock.advance(minutes=9)
    w.idle.check()
    assert not w.locked  # unlocking starts the idle time afresh
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.locked


def test_locked_window_with_unsaved_work_cannot_be_closed_by_someone_else(window, prompts,
                                                                         qtbot):
    w = window
    w.workspace.start_new_patient()
    qtbot.keyClicks(w.workspace.forms["patient"].inputs["study_code"].widget, "P-778")
    assert w.workspace.dirty_forms()
    w.lock()
    w.close()
    assert w.isVisible() and w.locked
    assert "only Rita Nurse" in w.lock_screen.message.text()
    assert prompts.asked == []  # nobody was asked to save or discard the draft


def test_auto_lock_time_is_a_study_setting(study_path, qtbot):
    manager = shown(open_window(study_path, Role.DATA_MANAGER), qtbot)
    try:
        settings = manager.services.settings
        bad = settings.update({"auto_lock_minutes": 0}, "policy")
        assert "auto_lock_minutes" in bad.errors
        assert settings.update({"auto_lock_minutes": 3}, "clinic policy").ok
        assert manager.idle.interval_ms == 3 * 60_000
    finally:
        close_window(manager)
    nurse = shown(open_window(study_path), qtbot)
    try:
        assert nurse.idle.interval_ms == 3 * 60_000
    finally:
        close_window(nurse)


def test_login_dialog_drives_the_open(study_path, qtbot):
    """The real dialog as ``run_gui`` uses it: typed into, sent with Enter."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jdmdesk.ui.admin.login_dialog import ask_with_dialog

    seen: list[str] = []

    def type_into_dialog(password: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        seen.append(dialog.message.text())
        qtbot.keyClicks(dialog.username, "doctor")
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(50, lambda: type_into_dialog("wrong password"))
    QTimer.singleShot(600, lambda: type_into_dialog(PASSWORD))
    w = build_main_window(study_path, ask=ask_with_dialog(study_path.name), hasher=FAST)
    try:
        assert seen == ["", "Unknown user name or wrong password."]
        assert w.services.session.role is Role.REVIEWER
    finally:
        close_window(w)


def test_no_password_reaches_the_study_file_through_the_window(study_path, qtbot):
    doctor = _open_on_visit(study_path, Role.REVIEWER, qtbot)
    try:
        doctor.workspace.prompts.passwords = [PASSWORD]
        doctor.workspace.forms["visit"].sign()
        doctor.lock()
        qtbot.keyClicks(doctor.lock_screen.password, "a wrong guess 123")
        qtbot.keyClick(doctor.lock_screen.password, Qt.Key.Key_Return)
        qtbot.keyClicks(doctor.lock_screen.password, PASSWORD)
        qtbot.keyClick(doctor.lock_screen.password, Qt.Key.Key_Return)
        assert not doctor.locked
    finally:
        close_window(doctor)
    files = [p for p in study_path.parent.rglob("*") if p.is_file()]
    assert any(p.suffix == ".jdm" for p in files)
    for p in files:  # the study, its -wal, and the automatic backups
        data = p.read_bytes()
        assert PASSWORD.encode() not in data and b"a wrong guess 123" not in data, p
