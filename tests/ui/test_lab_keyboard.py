"""Lab entry by keyboard (issue 16 items 1, 3, 4): panel Tab/Enter order, no stale
'required' after Ctrl+S or Esc, and a value checked as saving would when leaving it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jdmdesk.domain.analytes import ANALYTES
from tests.ui.helpers import ctrl, focused, type_field
from tests.ui.test_data_entry import _new_patient


def _lab(window, qtbot):
    _new_patient(window, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "sample_date")
    return window.workspace.forms["lab"]


def test_panel_tab_and_enter_go_from_value_to_the_next_value(window, prompts, qtbot):
    lab = _lab(window, qtbot)
    ctrl(qtbot, Qt.Key.Key_P)
    codes = list(ANALYTES)
    ck = lab.panel.rows[codes[0]]
    ref_low, ref_high = ck.ref_low.text(), ck.ref_high.text()
    type_field(qtbot, "sample_date", "2024-05-20")
    ck.value.setFocus()
    qtbot.waitUntil(ck.value.hasFocus)
    type_field(qtbot, f"panel_{codes[0]}_value", "1200")  # Tab
    type_field(qtbot, f"panel_{codes[1]}_value", "800", key=Qt.Key.Key_Return)  # Enter
    assert focused().objectName() == f"panel_{codes[2]}_value"
    assert (ck.ref_low.text(), ck.ref_high.text()) == (ref_low, ref_high)  # untouched
    # the range is off the path but reachable: F2 goes to the row's unit, Tab on to its range
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    assert focused().objectName() == f"panel_{codes[2]}_unit"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == f"panel_{codes[2]}_ref_low"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == f"panel_{codes[2]}_ref_high"
    # after the last value, Tab reaches the units and ranges (row by row)
    last = lab.panel.rows[codes[-1]].value
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert focused().objectName() == f"panel_{codes[0]}_unit"


def test_a_panel_value_is_refused_on_leaving_it(window, prompts, qtbot):
    lab = _lab(window, qtbot)
    ctrl(qtbot, Qt.Key.Key_P)
    type_field(qtbot, "sample_date", "2024-05-20")
    ck = lab.panel.rows["CK"]
    ck.value.setFocus()
    qtbot.waitUntil(ck.value.hasFocus)
    type_field(qtbot, "panel_CK_value", "9500000")
    assert "CK value: implausible for CK" in lab.panel.message.text()
    ck.value.setFocus()
    ck.value.selectAll()
    type_field(qtbot, "panel_CK_value", "950")
    assert lab.panel.message.text() == ""


def test_a_single_value_is_refused_on_leaving_it_and_no_stale_required(window, prompts,
                                                                      qtbot):
    lab = _lab(window, qtbot)
    type_field(qtbot, "sample_date", "2024-05-20")
    type_field(qtbot, "sample_time", "")
    type_field(qtbot, "analyte", "CK")
    type_field(qtbot, "value", "9500000")
    msg = lab.messages["value"]
    assert msg.isVisible() and "implausible for CK" in msg.text()  # before any save
    lab.inputs["value"].focus_widget.setFocus()
    lab.inputs["value"].focus_widget.selectAll()
    type_field(qtbot, "value", "950")
    assert not msg.isVisible()
    lab.inputs["value"].focus_widget.setFocus()
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)  # saved from the Value field
    assert focused().objectName() == "sample_date"
    assert not any(m.isVisible() for m in lab.messages.values()), "stale message after save"
    # Esc from a half-typed form: no 'required' either
    type_field(qtbot, "sample_date", "2024-05-21")
    type_field(qtbot, "sample_time", "")
    type_field(qtbot, "analyte", "LD")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert focused().objectName() == "sample_date"
    assert not any(m.isVisible() for m in lab.messages.values()), "stale message after Esc"


def test_entry_has_room_under_a_collapsible_chart_remembered_per_user(tmp_path, qtbot):
    from jdmdesk.domain.access import Role
    from jdmdesk.ui import window_state
    from tests.conftest import study_with_users
    from tests.ui.conftest import close_window, open_window, shown

    path = study_with_users(tmp_path / "room.jdm")
    window = shown(open_window(path), qtbot)
    window.resize(1400, 880)
    section = window.workspace.sections["lab"]
    lab = window.workspace.forms["lab"]
    window.workspace.show_section("lab")
    chart, entry = section.outer.sizes()
    assert entry > chart  # the entry gets most of the height
    # in panel mode the grid follows the sample date and time, above the note
    lab.panel_toggle.setChecked(True)
    qtbot.waitUntil(lambda: lab.panel.isVisible())
    assert not lab.inputs["value"].widget.isVisible() and not lab.labels["value"].isVisible()
    note = lab.inputs["note"].widget
    assert lab.panel.geometry().bottom() <= note.mapTo(lab.panel.parentWidget(),
                                                       note.rect().topLeft()).y()
    # Ctrl+Shift+G collapses the chart and brings it back
    lab.inputs["sample_date"].focus_widget.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert section.outer.sizes()[0] == 0
    qtbot.keyClick(focused(), Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert section.outer.sizes()[0] > 0
    section.outer.setSizes([100, 700])
    sizes = section.outer.sizes()
    close_window(window)
    key = window_state.splitter_key("nurse", "lab_outer_splitter")
    assert window_state.load_bytes(key) is not None
    doctor = shown(open_window(path, Role.REVIEWER), qtbot)  # another user: the default
    try:
        doctor.workspace.show_section("lab")
        outer = doctor.workspace.sections["lab"].outer
        qtbot.waitUntil(lambda: outer.sizes()[1] > 0)
        assert outer.sizes()[0] > sizes[0] + 50
    finally:
        close_window(doctor)
    again = shown(open_window(path), qtbot)
    try:
        again.workspace.show_section("lab")
        outer = again.workspace.sections["lab"].outer
        qtbot.waitUntil(lambda: outer.sizes()[1] > 0)
        assert outer.sizes()[0] <= sizes[0] + 20  # the nurse's small chart, not the default
    finally:
        close_window(again)
