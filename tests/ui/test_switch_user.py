"""File ▸ Switch user (issue 16 item 13): unsaved text is asked about first; the next
user's window is built for their role on the same open study."""

from __future__ import annotations

from PySide6.QtGui import QAction

from jdmdesk.domain.access import Credentials, Role
from tests.conftest import credentials, study_with_users
from tests.ui.conftest import close_window, open_window, shown
from tests.ui.helpers import install_prompts


def test_switch_from_nurse_to_doctor_asks_about_unsaved_text_first(tmp_path, qtbot):
    path = study_with_users(tmp_path / "switch.jdm")
    nurse = shown(open_window(path), qtbot)
    prompts = install_prompts(nurse)
    asked: list[str | None] = []
    answers = [Credentials("doctor", "wrong password"), credentials(Role.REVIEWER)]

    def ask(first, error):
        asked.append(error)
        return answers.pop(0)

    nurse.ask_credentials = ask
    action = nurse.findChild(QAction, "switch_user_action")
    assert action is not None and nurse.findChild(QAction, "new_patient_action") is not None
    nurse.new_patient()
    form = nurse.workspace.forms["patient"]
    qtbot.keyClicks(form.inputs["study_code"].focus_widget, "P-9")
    assert form.dirty
    prompts.unsaved_answers = ["cancel"]
    action.trigger()  # cancelled at the question: nothing else happens
    assert prompts.asked == [("unsaved", "patient")] and asked == []
    assert nurse.isVisible() and form.dirty
    prompts.unsaved_answers = ["discard"]
    doctor = nurse.switch_user()
    assert doctor is not None
    try:
        assert asked[0] is None and asked[1] and "password" in asked[1].lower()  # retried
        assert doctor.services.session.username == "doctor"
        assert doctor.isVisible() and not nurse.isVisible()
        # the window is the doctor's: other actions, a read-only face
        assert doctor.findChild(QAction, "new_patient_action") is None
        assert not doctor.workspace.forms["visit"].save_button.isVisible()
        assert doctor.findChild(QAction, "switch_user_action") is not None
    finally:
        close_window(doctor)
    # the study was closed with the last window: another can open it
    again = open_window(path, Role.DATA_MANAGER)
    close_window(again)


def test_switch_cancelled_at_login_keeps_the_session(tmp_path, qtbot):
    nurse = shown(open_window(study_with_users(tmp_path / "stay.jdm")), qtbot)
    install_prompts(nurse)
    nurse.ask_credentials = lambda first, error: None
    try:
        assert nurse.switch_user() is None
        assert nurse.isVisible() and nurse.services.session.username == "nurse"
        assert "cancelled" in nurse.statusBar().currentMessage()
    finally:
        close_window(nurse)
