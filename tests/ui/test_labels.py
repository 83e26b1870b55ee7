"""No internal field code is shown to people (issue 16 item 8): the unusual-value question,
the score tooltips and the History tab read the field catalogue's labels."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from jdmdesk.domain.access import Role
from jdmdesk.domain.fields import RECORD_TYPES, field_label
from jdmdesk.domain.tis import TIS_MEASURES
from tests.ui.conftest import close_window, demo_window, shown
from tests.ui.helpers import ctrl, focused, install_prompts, type_field
from tests.ui.test_data_entry import _new_patient

# the names that are codes rather than words ("sex", "note", "value" read fine)
CODES = sorted({n for rt in RECORD_TYPES.values()
                for n in (*rt.field_names, *(d.name for d in rt.derived))
                if "_" in n or n in {"sbp", "dbp", "phga", "ptga"}} | set(TIS_MEASURES)
               - {"strength", "enzyme", "chaq", "extramuscular"})


def codes_in(text: str) -> list[str]:
    return [c for c in CODES if re.search(rf"(?<![\w.]){re.escape(c)}(?![\w.])", text)]


def test_field_label_reads_the_catalogue():
    assert field_label("sbp") == "Systolic blood pressure"
    assert field_label("birth_date") == "Date of birth"
    assert field_label("mmt8_total") == "MMT8 total"
    assert field_label("onset_date", "adverse_event") == "Onset date"
    assert field_label("onset_date", "patient") == "Disease onset"
    assert field_label("strength") == "Muscle strength"
    assert field_label("some_column") == "Some column"
    assert codes_in("• sbp: unusual") == ["sbp"] and codes_in("Systolic blood pressure") == []


def test_unusual_value_question_and_history_show_labels(window, prompts, qtbot):
    _new_patient(window, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "visit_date")
    type_field(qtbot, "visit_date", "2024-05-01")
    type_field(qtbot, "weight_kg", "")
    type_field(qtbot, "height_cm", "")
    type_field(qtbot, "sbp", "180")
    type_field(qtbot, "dbp", "60")
    prompts.reasons = ["measured twice"]
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    asked = [text for kind, text in prompts.asked if kind == "warnings"]
    assert asked == ["Systolic blood pressure"]
    # History of the patient after a change of the birth date
    form = window.workspace.forms["patient"]
    window.workspace.show_section("patient")
    form.inputs["birth_date"].focus_widget.setFocus()
    form.inputs["birth_date"].focus_widget.selectAll()
    type_field(qtbot, "birth_date", "2015-04-03")
    prompts.reasons = ["typo"]
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    history = window.workspace.history
    history.show_record("patient", window.workspace.patient_id, "patient")
    text = " | ".join(" ".join(r) for r in history.rows_as_text())
    assert "Date of birth" in text and "Female" in text
    assert codes_in(text) == []


def test_score_tooltips_show_labels(tmp_path, qtbot):
    window = shown(demo_window(tmp_path / "demo.jdm", Role.REVIEWER), qtbot)
    install_prompts(window)
    try:
        review = window.workspace.review
        tips = []
        for pid in window.patients.model.ids[:3]:
            window.choose_patient(pid)
            window.workspace.tabs.setCurrentWidget(review)
            review.recompute()
            table = review.visits
            tips += [table.item(r, c).toolTip() for r in range(table.rowCount())
                     for c in range(table.columnCount()) if table.item(r, c).toolTip()]
        joined = "\n".join(tips)
        assert "Muscle strength" in joined and "Physician global activity" in joined
        assert codes_in(joined) == []
    finally:
        close_window(window)
