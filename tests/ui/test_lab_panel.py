"""Panel mode of the lab form is a widget of its own (``LabPanel``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jdmdesk.ui.entry.lab_panel import LabPanel
from tests.ui.helpers import ctrl


def test_panel_prefills_ranges_and_drafts_only_the_rows_with_a_value(qtbot):
    asked = []

    def reference_range(code, unit):
        asked.append((code, unit))
        return (0.0, 145.0) if code == "CK" else (None, None)

    panel = LabPanel(reference_range)
    qtbot.addWidget(panel)
    assert panel.isHidden() and not panel.active
    panel.set_active(True)
    assert ("CK", "U/L") in asked
    ck, ld = panel.rows["CK"], panel.rows["LD"]
    assert (ck.ref_low.text(), ck.ref_high.text()) == ("0", "145")
    assert ld.ref_high.text() == ""
    ck.value.setText("1200")
    ld.value.setText("800")
    shared = {"sample_date": "2024-05-20", "sample_time": None, "note": ""}
    drafts = panel.drafts(shared)
    assert [d["analyte"] for d in drafts] == ["CK", "LD"] == panel.entered_codes()
    assert drafts[0] == {**shared, "analyte": "CK", "value": "1200", "unit": "U/L",
                         "ref_low": "0", "ref_high": "145"}
    rest = panel.show_messages({"1:value": "too high", "sample_date": "required"})
    assert panel.message.text() == "LD value: too high"
    assert rest == {"sample_date": "required"}
    panel.clear()
    assert panel.drafts(shared) == [] and ck.ref_high.text() == "145"


def test_panel_errors_are_shown_per_analyte_in_the_window(window, prompts, qtbot):
    window.new_patient()
    form = window.workspace.forms["patient"]
    for name, text in (("study_code", "P-1"), ("sex", "F"), ("birth_date", "2013-05-02")):
        form.inputs[name].set_text(text)
    with qtbot.waitSignal(window.writer.changed):
        assert form.save()
    window.workspace.show_section("lab")
    lab = window.workspace.forms["lab"]
    lab.focus_first()
    ctrl(qtbot, Qt.Key.Key_P)
    assert lab.panel.active and lab.panel.isVisible()
    assert not lab.inputs["value"].widget.isEnabled()
    lab.inputs["sample_date"].set_text("2024-05-20")
    lab.panel.rows["CK"].value.setText("1200")
    lab.panel.rows["LD"].value.setText("abc")
    lab.panel.rows["CK"].value.setFocus()
    ctrl(qtbot, Qt.Key.Key_S)
    assert lab.panel.message.text().startswith("LD value:")
    assert window.workspace.sections["lab"].model.rowCount() == 0  # all or nothing
    lab.panel.rows["LD"].value.setText("800")
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    assert window.workspace.sections["lab"].model.rowCount() == 2
    assert lab.panel.drafts({}) == []  # emptied for the next sample
