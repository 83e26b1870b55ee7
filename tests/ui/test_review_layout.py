"""The reviewer's screen (issue 16 items 16 and 20): read-only looks read-only, and the review's
chart keeps a readable height above the visits table."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from jdmdesk.domain.access import Role
from jdmdesk.ui.review.review_view import CHART_MIN_HEIGHT
from tests.ui.conftest import close_window, demo_window, shown


@pytest.fixture
def doctor(tmp_path, qtbot):
    w = shown(demo_window(tmp_path / "demo.jdm", Role.REVIEWER), qtbot)
    yield w
    close_window(w)


def test_review_chart_is_not_squashed(doctor, qtbot):
    w = doctor
    w.resize(1280, 720)
    w.choose_patient(w.patients.model.ids[0])
    view = w.workspace.review
    w.workspace.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.review is not None)
    chart = view.chart.widget()
    qtbot.waitUntil(lambda: chart.height() >= CHART_MIN_HEIGHT)
    assert view.visits.height() >= 110
    sizes = view.splitter.sizes()
    assert sizes[0] >= sizes[1]  # the chart gets the larger share


def _background(widget) -> tuple[int, int, int]:
    image = widget.grab().toImage()
    c = image.pixelColor(4, image.height() // 2)
    return c.red(), c.green(), c.blue()


def test_a_reviewers_screen_looks_read_only(doctor, qtbot, tmp_path):
    """Issue 16 item 16, with the doctor's account: grey read-only fields, no New patient."""
    w = doctor
    w.choose_patient(w.patients.model.ids[0])
    w.workspace.show_section("visit")
    form = w.workspace.forms["visit"]
    weight = form.inputs["weight_kg"].widget
    qtbot.waitUntil(weight.isVisible)
    assert weight.isReadOnly()
    assert _background(weight) == (0xEC, 0xEC, 0xEC)
    button = w.findChild(QPushButton, "new_patient_button")
    assert button is not None and not button.isVisible() and not button.isEnabled()
    assert w.findChild(QAction, "new_patient_action") is None
    # the nurse's fields stay white and her New patient button stays
    nurse = shown(demo_window(tmp_path / "nurse.jdm", Role.DATA_ENTRY), qtbot)  # own file
    try:
        nurse.choose_patient(nurse.patients.model.ids[0])
        nurse.workspace.show_section("visit")
        field = nurse.workspace.forms["visit"].inputs["weight_kg"].widget
        qtbot.waitUntil(field.isVisible)
        assert not field.isReadOnly() and _background(field) == (255, 255, 255)
        assert nurse.findChild(QPushButton, "new_patient_button").isVisible()
    finally:
        close_window(nurse)
