"""The chart beside the lab form follows what the nurse saves through ``lab_form``."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.helpers import ctrl


def _patient_on_tacrolimus(window, qtbot):
    form = window.workspace.forms["patient"]
    window.new_patient()
    for name, text in (("study_code", "C-1"), ("sex", "M"), ("birth_date", "2014-02-01")):
        form.inputs[name].set_text(text)
    with qtbot.waitSignal(window.writer.changed):
        assert form.save()
    pid = window.workspace.patient_id
    result = window.writer.save("medication", {
        "drug": "tacrolimus", "route": "oral", "dose_amount": "1.5", "dose_unit": "mg",
        "frequency": "bd", "start_date": "2024-03-01", "change_reason": "start"},
        patient_id=pid)
    assert result.ok
    return pid


def test_lab_form_saves_move_the_chart(window, prompts, qtbot):
    _patient_on_tacrolimus(window, qtbot)
    window.workspace.show_section("lab")
    chart = window.workspace.chart
    def visible():
        return [w for w in window.findChildren(QWidget, "enzyme_chart") if w.isVisible()]

    qtbot.waitUntil(lambda: len(visible()) == 1)  # built when the lab tab is first shown
    assert len(window.findChildren(QWidget, "enzyme_chart")) == 1  # the review's: not yet
    lab = window.workspace.forms["lab"]
    for sample_date, value in (("2024-02-20", "1500"), ("2024-03-01", "1200"),
                               ("2024-04-10", "600")):
        lab.inputs["sample_date"].set_text(sample_date)
        lab.inputs["analyte"].set_text("CK")
        lab._analyte_changed()
        lab.inputs["value"].set_text(value)
        lab.inputs["value"].focus_widget.setFocus()
        with qtbot.waitSignal(chart.refreshed):
            ctrl(qtbot, Qt.Key.Key_S)
    x, y = chart.series_data("CK")
    assert np.array_equal(x, [-10, 0, 40])
    assert np.array_equal(y, [1500, 1200, 600])
    # the reference range was pre-filled (study default 0-145) and is drawn with each result
    lo_hi = window.writer.study.conn.execute(
        "SELECT DISTINCT ref_low, ref_high FROM lab_result").fetchall()
    assert lo_hi == [(0.0, 145.0)]
