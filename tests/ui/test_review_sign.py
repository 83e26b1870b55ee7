"""Signing from the review (issue 16 item 14): select a visit, Sign… by shortcut, the dialog names
the patient and the visit date, a wrong password is retried in place, and the review, the visits
table and the visit form show the signature through ``RecordService.changed``."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jdmdesk.demo import DEMO_ACCOUNTS
from jdmdesk.domain.access import Role
from tests.ui.conftest import close_window, demo_window, shown

DOCTOR_PASSWORD = next(a[3] for a in DEMO_ACCOUNTS if a[2] is Role.REVIEWER)


@pytest.fixture
def doctor(tmp_path, qtbot):
    w = shown(demo_window(tmp_path / "demo.jdm", Role.REVIEWER), qtbot)
    yield w
    close_window(w)


def _review(w, qtbot):
    w.choose_patient(w.patients.model.ids[0])
    view = w.workspace.review
    w.workspace.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.review is not None)
    return view


def test_sign_a_visit_from_the_review_with_the_keyboard(doctor, qtbot):
    w = doctor
    view = _review(w, qtbot)
    visit_form = w.workspace.forms["visit"]
    visit_form.load(view.review.visits[1].visit_id)  # open in the Visits tab, then signed here
    assert visit_form.sign_button.isEnabled() and not visit_form.signature_label.text()
    assert view.sign_button.isVisible() and not view.sign_button.isEnabled()
    assert view.cell(1, "Signed") == "not signed"
    view.visits.setFocus()
    qtbot.keyClick(view.visits, Qt.Key.Key_Home)
    qtbot.keyClick(view.visits, Qt.Key.Key_Down)  # the second visit
    visit = view.selected_visit()
    assert visit is not None and visit.visit_date.isoformat() == view.cell(1, "Date")
    assert view.sign_button.isEnabled()
    qtbot.keyClick(view.visits, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.sign_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.what.text()
    assert "SYN-001" in text and visit.visit_date.isoformat() in text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
    # a wrong password: the dialog stays open with a message, ready for another try
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "Not signed" in dialog.message.text()
    assert dialog.password.text() == ""
    assert w.services.signoff.signature(visit.visit_id).locked is False
    # the right one signs, closes the dialog, and every view follows
    with qtbot.waitSignal(w.writer.changed):
        qtbot.keyClicks(dialog.password, DOCTOR_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert w.services.signoff.signature(visit.visit_id).locked is True
    assert view.cell(1, "Signed").startswith("\u2713 Dr Demo Reviewer")
    assert view.selected_visit().visit_id == visit.visit_id  # selection kept
    assert not view.sign_button.isEnabled()  # already signed
    w.workspace.show_section("visit")
    assert visit_form.signature_label.text().startswith("Signed by Dr Demo Reviewer")
    assert not visit_form.sign_button.isEnabled()
    section = w.workspace.sections["visit"]
    model = section.table.model()
    col = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal) == "Signed")
    cells = [model.index(r, col).data() for r in range(model.rowCount())]
    assert sum(1 for c in cells if c and "\u2713" in c) == 1


def test_cancel_signs_nothing_and_a_nurse_has_no_sign_button(doctor, qtbot, tmp_path):
    view = _review(doctor, qtbot)
    view.visits.selectRow(0)
    view.sign_button.click()
    dialog = view.sign_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.cell(0, "Signed") == "not signed"
    nurse = shown(demo_window(tmp_path / "demo.jdm", Role.DATA_ENTRY), qtbot)
    try:
        review = _review(nurse, qtbot)
        assert review.sign is None and not review.sign_button.isVisible()
    finally:
        close_window(nurse)
