"""The visit form by keyboard (issue 16 items 4, 5, 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import ctrl, focused, type_field
from tests.ui.test_data_entry import _new_patient


def _visit(window, qtbot):
    pid = _new_patient(window, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "visit_date")
    return pid, window.workspace.forms["visit"]


def test_a_height_falling_across_visits_is_flagged_on_leaving_the_field(window, prompts,
                                                                        qtbot):
    _pid, form = _visit(window, qtbot)
    type_field(qtbot, "visit_date", "2023-07-01")
    type_field(qtbot, "weight_kg", "40")
    type_field(qtbot, "height_cm", "146")
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    type_field(qtbot, "visit_date", "2024-01-02")
    type_field(qtbot, "weight_kg", "41")
    type_field(qtbot, "height_cm", "128")
    msg = form.messages["height_cm"]
    assert msg.isVisible() and "146 cm" in msg.text() and "2023-07-01" in msg.text()
    assert not form.messages["weight_kg"].isVisible()


def _scrolled_down(form, qtbot):
    bar = form.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    form.inputs["note"].focus_widget.setFocus()
    bar.setValue(bar.maximum())
    return bar


def test_visit_form_returns_to_its_top_with_a_visible_cursor(window, prompts, qtbot):
    window.resize(1000, 600)  # the visit form is taller than its view
    _pid, form = _visit(window, qtbot)
    first = form.inputs["visit_date"].focus_widget
    # after a save
    type_field(qtbot, "visit_date", "2024-05-01")
    bar = _scrolled_down(form, qtbot)
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    assert bar.value() == 0 and focused() is first and first.visibleRegion().isEmpty() is False
    # coming back to the tab
    _scrolled_down(form, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0 and focused() is first
    # another patient
    _scrolled_down(form, qtbot)
    other = _new_patient(window, qtbot, "P-200")
    window.choose_patient(_pid)
    window.workspace.show_section("visit")
    assert other and bar.value() == 0 and focused() is first


def test_global_rated_by_sits_with_the_parent_global_and_is_asked_for_with_it(window,
                                                                             prompts, qtbot):
    _pid, form = _visit(window, qtbot)
    ptga, rater, phga = (form.inputs[n].widget for n in ("ptga", "ptga_rater", "phga"))
    qtbot.waitUntil(lambda: rater.isVisible())
    assert abs(rater.mapToGlobal(rater.rect().center()).y()
               - ptga.mapToGlobal(ptga.rect().center()).y()) < 12  # the same row
    assert abs(rater.mapToGlobal(rater.rect().center()).y()
               - phga.mapToGlobal(phga.rect().center()).y()) > 12
    for name, text in (("visit_date", "2024-05-01"), ("weight_kg", ""), ("height_cm", ""),
                       ("sbp", ""), ("dbp", ""), ("phga", "3"), ("ptga", "4")):
        type_field(qtbot, name, text)
    assert focused().objectName() == "ptga_rater"  # Tab goes from the global to its rater
    ctrl(qtbot, Qt.Key.Key_S)
    assert focused().objectName() == "ptga_rater"
    assert "parent or patient" in form.messages["ptga_rater"].text()
    type_field(qtbot, "ptga_rater", "Parent")
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
