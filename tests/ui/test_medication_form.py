"""The medication form (issue 16 item 10): defaults from the drug, a table wide enough, focus
visible on drop-downs, the dose summary unclipped, and Ctrl+D reached by keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import ctrl, focused, type_field
from tests.ui.test_data_entry import _new_patient


def _medication(window, qtbot):
    _new_patient(window, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "drug")
    return window.workspace.forms["medication"]


def test_route_unit_and_frequency_follow_the_drug_until_touched(window, prompts, qtbot):
    med = _medication(window, qtbot)
    type_field(qtbot, "drug", "Tacrolimus")
    texts = {n: med.inputs[n].text() for n in ("route", "dose_unit", "frequency")}
    assert texts == {"route": "oral", "dose_unit": "mg", "frequency": "bd"}
    type_field(qtbot, "route", "Intravenous")  # touched: kept when the drug changes
    med.inputs["drug"].focus_widget.setFocus()
    type_field(qtbot, "drug", "Intravenous immunoglobulin")
    assert med.inputs["route"].text() == "iv"
    assert med.inputs["dose_unit"].text() == "g/kg"
    assert med.inputs["frequency"].text() == "every_4_weeks"
    med.inputs["drug"].focus_widget.setFocus()
    type_field(qtbot, "drug", "Prednisolone")
    assert med.inputs["route"].text() == "iv"  # the nurse's choice stays
    assert med.inputs["frequency"].text() == "od"


def test_table_summary_focus_frame_and_ctrl_d_by_keyboard(window, prompts, qtbot):
    window.resize(1400, 880)
    med = _medication(window, qtbot)
    section = window.workspace.sections["medication"]
    for name, text in (("drug", "Tacrolimus"), ("route", ""), ("dose_amount", "1.5"),
                       ("dose_unit", ""), ("frequency", ""), ("start_date", "2024-05-02")):
        type_field(qtbot, name, text)
    # no weight known: the summary says so on a line of its own, nothing clipped
    summary = med.summary
    qtbot.waitUntil(lambda: "no weight" in summary.text())
    qtbot.waitUntil(lambda: summary.height() >= summary.heightForWidth(summary.width()) - 1)
    assert med.save_button.geometry().top() >= summary.geometry().bottom()
    for name, text in (("end_date", ""), ("change_reason", "Start")):
        type_field(qtbot, name, text)
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    # every column of the table visible, End and Reason included
    header = section.table.horizontalHeader()
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= section.table.viewport().width()
    # a drop-down with keyboard focus has the focus frame
    combo = med.inputs["drug"].widget
    assert focused() is combo
    assert "QComboBox:focus" in med.styleSheet()
    # Shift+Tab from the form reaches the table; Down, Enter, Ctrl+D: keyboard only
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is section.table
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert med.record_id is not None
    qtbot.keyClick(section.table, Qt.Key.Key_Tab)
    assert focused() is combo
    ctrl(qtbot, Qt.Key.Key_D)
    assert focused().objectName() == "dose_amount"
