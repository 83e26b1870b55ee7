"""The Myositis Damage Index on the visit form, by keyboard (issue 17 A10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox

from jdmdesk.domain import mdi
from tests.ui.helpers import ctrl, focused, type_field
from tests.ui.test_visit_form import _visit


def test_mdi_is_entered_by_keyboard_with_running_totals_and_saved(window, prompts, qtbot):
    _pid, form = _visit(window, qtbot)
    type_field(qtbot, "visit_date", "2024-05-01")
    form.inputs["physical_activity"].focus_widget.setFocus()
    type_field(qtbot, "physical_activity", "")
    # Tab walks the muscle items, then the muscle severity, then the next system
    muscle = mdi.SYSTEMS_BY_KEY["mus"]
    for name, answer in zip(muscle.item_fields, ("Yes", "Yes", "No", "", "No"), strict=True):
        type_field(qtbot, name, answer)
    type_field(qtbot, muscle.vas_field, "4.5")
    assert focused().objectName() == "mdi_skel_contractures"
    assert form.totals["mdi_extent"].text() == f"2 / {mdi.EXTENT_MAX}"
    assert "incomplete" in form.totals["mdi_severity"].text()  # 10 systems without a VAS
    for s in mdi.SYSTEMS[1:]:
        form.inputs[s.vas_field].set_text("0")
    form.on_draft_changed()
    assert form.totals["mdi_severity"].text() == f"4.5 / {mdi.SEVERITY_MAX}"
    form.inputs[mdi.GLOBAL_FIELD].set_text("3")
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    (rec,) = window.reader.records("visit", _pid)
    assert rec.values["mdi_mus_atrophy"] == 1 and rec.values["mdi_mus_weakness"] == 1
    assert rec.values["mdi_mus_dysfunction"] == 0 and rec.values["mdi_mus_atrophy_img"] is None
    assert rec.values["mdi_mus_vas"] == 4.5 and rec.values[mdi.GLOBAL_FIELD] == 3.0


def test_each_system_has_its_titled_group_and_short_row_labels(window, prompts, qtbot):
    _pid, form = _visit(window, qtbot)
    titles = {b.title() for b in form.findChildren(QGroupBox)}
    assert "Damage (MDI): Muscle" in titles and "Damage (MDI): Malignancy" in titles
    assert "Damage (MDI): global and totals" in titles
    assert form.labels["mdi_mus_atrophy"].text() == "Muscle atrophy (clinical)"
    assert form.labels["mdi_mus_vas"].text() == "Damage severity (cm)"
    assert form.labels["mdi_mus_atrophy"].buddy() is form.inputs["mdi_mus_atrophy"].focus_widget


def test_a_severity_without_damage_asks_for_a_reason(window, prompts, qtbot):
    _pid, form = _visit(window, qtbot)
    type_field(qtbot, "visit_date", "2024-05-01")
    form.inputs["mdi_cut_calcinosis"].set_text("0")
    form.inputs["mdi_cut_vas"].set_text("3")
    prompts.reasons.append(None)  # the user declines to confirm
    ctrl(qtbot, Qt.Key.Key_S)
    asked = [text for kind, text in prompts.asked if kind == "warnings"]
    assert any("cutaneous damage severity" in text.lower() for text in asked), prompts.asked
    assert not window.reader.records("visit", _pid)  # nothing saved without the reason
