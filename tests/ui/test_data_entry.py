"""The nurse's workflow through the real window, keyboard only (issue: data entry)."""


from PySide6.QtCore import Qt

from jdmdesk.domain.fields import VISIT
from tests.conftest import raw_connect
from tests.ui.helpers import ctrl, focused, type_field


def _db(window):
    return raw_connect(window.study_path)


def _new_patient(window, qtbot, code="P-100"):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "study_code")
    type_field(qtbot, "study_code", code)
    type_field(qtbot, "initials", "AB")
    type_field(qtbot, "sex", "Female")
    type_field(qtbot, "birth_date", "02-04-2015")
    type_field(qtbot, "onset_date", "2020-01-10")
    type_field(qtbot, "diagnosis_date", "2020-02-20")
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    return window.workspace.patient_id


VISIT_VALUES = {
    "visit_date": "2024-05-01", "weight_kg": "31,5", "height_cm": "138", "sbp": "105",
    "dbp": "65", "phga": "5.5", "ptga": "6", "ptga_rater": "Parent", "extramuscular_ga": "4",
    **{f"cmas_{i}": "2" for i in range(1, 15)}, "cmas_1_seconds": "30", "cmas_3_seconds": "40",
    "cmas_8_seconds": "55",
    **{f.name: "7" for f in VISIT.fields if f.name.startswith("mmt8_")},
    **{f.name: "1" for f in VISIT.fields if f.name.startswith("chaq_")},
    "das_skin": "6", "das_muscle": "5", "cdasi_activity": "25", "cdasi_damage": "4",
    **{f.name: "Yes" for f in VISIT.fields if f.name.startswith("skin_")},
    "physical_activity": "2",
    # the Myositis Damage Index: every item answered, muscle atrophy the only damage
    **{f.name: "No" for f in VISIT.fields if f.name.startswith("mdi_") and f.codes},
    **{f.name: "0" for f in VISIT.fields if f.name.endswith("_vas")},
    "mdi_mus_atrophy": "Yes", "mdi_mus_vas": "2", "mdi_global_vas": "1.5",
    "note": "first visit",
}


def test_whole_course_keyboard_only(window, prompts, qtbot):
    pid = _new_patient(window, qtbot)
    assert pid is not None
    assert window.patients.model.codes == ["P-100"]
    assert "saved" in window.statusBar().currentMessage()

    # a visit with every core set measure, in paper-form order
    qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "visit_date")
    for spec in VISIT.fields:
        type_field(qtbot, spec.name, VISIT_VALUES[spec.name])
    form = window.workspace.forms["visit"]
    assert form.totals["cmas_total"].text().startswith("28")
    assert form.totals["mmt8_total"].text().startswith("56")
    assert form.totals["chaq_di"].text().startswith("1 ")
    assert form.totals["das_total"].text().startswith("11")
    assert form.totals["mdi_extent"].text().startswith("1 ")
    assert form.totals["mdi_severity"].text().startswith("2 ")
    form.inputs["note"].focus_widget.setFocus()
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    assert focused().objectName() == "visit_date"  # ready for the next paper form

    # medication: tacrolimus start, then a one-step dose change
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "drug")
    for name, text in (("drug", "Tacrolimus"), ("route", "Oral"), ("dose_amount", "1.5"),
                       ("dose_unit", "mg"), ("frequency", "Twice"), ("start_date", "2024-05-02"),
                       ("end_date", ""), ("change_reason", "Start")):
        type_field(qtbot, name, text)
    med = window.workspace.forms["medication"]
    assert "0.095 mg/kg/day" in med.summary.text()
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    section = window.workspace.sections["medication"]
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Down)
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert med.record_id is not None
    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert focused().objectName() == "dose_amount"
    type_field(qtbot, "dose_amount", "2")
    for name, text in (("dose_unit", ""), ("frequency", ""), ("start_date", "2024-06-15"),
                       ("end_date", ""), ("change_reason", "Increase")):
        type_field(qtbot, name, text)
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)

    # a lab panel of one sample
    qtbot.keyClick(focused(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "sample_date")
    lab = window.workspace.forms["lab"]
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert lab.panel_toggle.isChecked()
    type_field(qtbot, "sample_date", "2024-05-20")
    type_field(qtbot, "sample_time", "08:15")
    assert focused().objectName() == "panel_CK_value"  # the grid follows the sample time
    for code, value in (("CK", "1200"), ("LD", "800"), ("ASAT", "95")):
        lab.panel.rows[code].value.setFocus()
        type_field(qtbot, f"panel_{code}_value", value)
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)

    # an adverse event
    qtbot.keyClick(focused(), Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused().objectName() == "onset_date")
    for name, text in (("onset_date", "2024-06-01"), ("term", "tremor"),
                       ("category", "Neurological"), ("grade", "1"), ("serious", "No"),
                       ("relatedness", "Probable"), ("action", "None"), ("outcome", "Resolved"),
                       ("end_date", "2024-06-20")):
        type_field(qtbot, name, text)
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)

    db = _db(window)
    visit = db.execute("SELECT weight_kg, phga, cmas_14, mmt8_quadriceps, chaq_grip, "
                       "skin_gottron, physical_activity, note FROM visit").fetchone()
    assert visit == (31.5, 5.5, 2, 7, 1, 1, "2", "first visit")
    meds = db.execute("SELECT dose_amount, start_date, end_date, change_reason FROM medication "
                      "ORDER BY start_date").fetchall()
    assert meds == [(1.5, "2024-05-02", "2024-06-14", "start"),
                    (2.0, "2024-06-15", None, "increase")]
    labs = db.execute("SELECT analyte, value, unit, ref_high, sample_time FROM lab_result "
                      "ORDER BY analyte").fetchall()
    assert labs == [("ASAT", 95.0, "U/L", 30.0, "08:15"), ("CK", 1200.0, "U/L", 145.0, "08:15"),
                    ("LD", 800.0, "U/L", 325.0, "08:15")]
    assert db.execute("SELECT count(DISTINCT sample_id) FROM lab_result").fetchone()[0] == 1
    ae = db.execute("SELECT term, category, grade, serious, relatedness FROM adverse_event") \
        .fetchone()
    assert ae == ("tremor", "neurological", "1", 0, "probable")
    audited = dict(db.execute("SELECT table_name, count(*) FROM audit_log GROUP BY table_name"))
    assert set(audited) == {"patient", "visit", "medication", "lab_result", "adverse_event",
                            "user_account"}  # the accounts and the nurse's login
    users = {u for (u,) in db.execute("SELECT DISTINCT user FROM audit_log "
                                      "WHERE table_name <> 'user_account'")}
    assert users == {"nurse"}  # every clinical change carries the logged-in user
    assert db.execute("SELECT count(*) FROM audit_log WHERE table_name = 'visit' "
                      "AND field = 'phga' AND new_value = '5.5'").fetchone()[0] == 1
    db.close()
    assert window.workspace.sections["lab"].model.rowCount() == 3


def test_invalid_input_shows_message_and_saves_nothing(window, prompts, qtbot):
    _new_patient(window, qtbot)
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    qtbot.waitUntil(lambda: focused().objectName() == "visit_date")
    type_field(qtbot, "visit_date", "2024-05-01")
    type_field(qtbot, "weight_kg", "")
    type_field(qtbot, "height_cm", "")
    type_field(qtbot, "sbp", "")
    type_field(qtbot, "dbp", "")
    type_field(qtbot, "phga", "12")  # leaving the field shows the message at once
    assert form.messages["phga"].isVisible()
    assert "between 0 and 10" in form.messages["phga"].text()
    form.inputs["visit_date"].focus_widget.setFocus()
    ctrl(qtbot, Qt.Key.Key_S)
    assert focused().objectName() == "phga"  # the first error takes the focus
    assert "not saved" in window.statusBar().currentMessage()
    db = _db(window)
    assert db.execute("SELECT count(*) FROM visit").fetchone()[0] == 0
    db.close()
    assert form.dirty


def test_soft_warning_saves_only_with_reason(window, prompts, qtbot):
    _new_patient(window, qtbot)
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    form.inputs["weight_kg"].set_text("140")
    prompts.reasons = [None]
    assert not form.save()
    db = _db(window)
    assert db.execute("SELECT count(*) FROM visit").fetchone()[0] == 0
    prompts.reasons = ["scale checked twice"]
    with qtbot.waitSignal(window.writer.changed):
        assert form.save()
    reason = db.execute("SELECT reason FROM audit_log WHERE field = 'weight_kg'").fetchone()[0]
    assert reason == "scale checked twice"
    db.close()


def test_unsaved_changes_prompt_on_switching_patient(window, prompts, qtbot):
    first = _new_patient(window, qtbot, "P-1")
    second = _new_patient(window, qtbot, "P-2")
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    form._on_changed()
    prompts.unsaved_answers = ["cancel"]
    window.patients.patient_chosen.emit(first)
    assert window.workspace.patient_id == second and form.dirty
    prompts.unsaved_answers = ["save"]
    with qtbot.waitSignal(window.writer.changed):
        window.patients.patient_chosen.emit(first)
    assert window.workspace.patient_id == first
    db = _db(window)
    assert db.execute("SELECT count(*) FROM visit").fetchone()[0] == 1
    db.close()
    form.inputs["visit_date"].set_text("2024-06-01")
    form._on_changed()
    prompts.unsaved_answers = ["discard"]
    window.patients.patient_chosen.emit(second)
    assert window.workspace.patient_id == second and not form.dirty
    assert ("unsaved", "visit") in prompts.asked


def test_unsaved_changes_prompt_on_close(window, prompts, qtbot):
    _new_patient(window, qtbot)
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    form._on_changed()
    prompts.unsaved_answers = ["cancel"]
    window.close()
    assert window.isVisible()


def test_edit_with_reason_appears_in_history(window, prompts, qtbot):
    _new_patient(window, qtbot)
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    form.inputs["phga"].set_text("4")
    with qtbot.waitSignal(window.writer.changed):
        form.save()
    section = window.workspace.sections["visit"]
    section._activated(section.model.index(0, 0))
    form.inputs["phga"].set_text("3")
    form._on_changed()
    prompts.reasons = ["transcription error"]
    with qtbot.waitSignal(window.writer.changed):
        assert form.save()
    section._activated(section.model.index(0, 0))
    history = window.workspace.history.rows_as_text()
    assert any(r[2] == "update" and r[3] == "Physician global activity" and r[4] == "4"
               and r[5] == "3" and r[6] == "transcription error" for r in history)


def test_delete_asks_reason_and_is_soft(window, prompts, qtbot):
    _new_patient(window, qtbot)
    window.workspace.show_section("visit")
    form = window.workspace.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    with qtbot.waitSignal(window.writer.changed):
        form.save()
    section = window.workspace.sections["visit"]
    section.table.selectRow(0)
    prompts.reasons = ["duplicate entry"]
    with qtbot.waitSignal(window.writer.changed):
        section.delete_selected()
    assert section.model.rowCount() == 0
    section.show_deleted.setChecked(True)
    assert section.model.rowCount() == 1 and section.model.deleted == [True]


def test_patient_search_as_you_type(window, prompts, qtbot):
    for code in ("ABC-1", "ABD-2", "XYZ-3"):
        _new_patient(window, qtbot, code)
    qtbot.keyClicks(window.patients.search, "ab")
    assert window.patients.model.codes == ["ABC-1", "ABD-2"]
    qtbot.keyClicks(window.patients.search, "d")
    assert window.patients.model.codes == ["ABD-2"]


def test_patient_search_matches_anywhere_in_the_code_in_any_case(window, prompts, qtbot):
    for code in ("JDM-01", "jdm-10", "X_1"):
        _new_patient(window, qtbot, code)
    qtbot.keyClicks(window.patients.search, "01")
    assert window.patients.model.codes == ["JDM-01"]
    window.patients.search.clear()
    qtbot.keyClicks(window.patients.search, "DM-1")
    assert window.patients.model.codes == ["jdm-10"]
    window.patients.search.clear()
    qtbot.keyClicks(window.patients.search, "_")  # a LIKE wildcard is a plain character here
    assert window.patients.model.codes == ["X_1"]
