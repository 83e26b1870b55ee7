"""File ▸ Import lab results…, driven with pytest-qt through mapping, preview and import."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton, QTableWidget

from jdmdesk.db import records as repo
from jdmdesk.domain.access import Role
from jdmdesk.domain.lab_mapping import LabMapping
from tests.conftest import study_with_users
from tests.ui.conftest import close_window, open_window, shown

HEADER = "Pat;Wanneer;Onderzoek;Res;Eenh;Norm\n"
ROWS = ("H-100;20-05-2024 08:15;CK;1200;U/L;0 - 145\n"
        "H-100;20-05-2024 08:15;Spierenzym;8,5;U/L;0 - 7,6\n"
        "H-100;20-05-2024 08:15;ASAT;95;U/L;0 - 30\n"
        "H-100;20-05-2024 08:15;ASAT;95;U/L;0 - 30\n")


def _choose(qtbot, combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_mapping_preview_and_import(window, qtbot, tmp_path):
    saved = window.writer.save("patient", {"study_code": "P-1", "sex": "F",
                                           "birth_date": "2014-01-02",
                                           "hospital_number": "H-100"})
    assert saved.ok
    pid = saved.record_id
    src = tmp_path / "uitslagen.csv"
    src.write_text(HEADER + ROWS, encoding="cp1252")
    action = window.findChild(object, "import_labs_action")
    assert action is not None
    dialog = window.import_labs(src)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QTableWidget, "preview_table")
    assert preview.rowCount() == 4 and preview.item(0, 3).text() == "1200"
    assert preview.verticalHeaderItem(0).text() == "2"  # file line numbers
    combos = {role: dialog.findChild(QComboBox, f"map_{role}") for role in
              ("patient", "sample_date", "test", "value", "unit", "ref_range")}
    # a new layout: the person says which column is which
    for role, column in (("patient", "Pat"), ("sample_date", "Wanneer"),
                         ("test", "Onderzoek"), ("value", "Res"), ("unit", "Eenh"),
                         ("ref_range", "Norm")):
        _choose(qtbot, combos[role], column)
    check = dialog.findChild(QPushButton, "check_button")
    importer = dialog.findChild(QPushButton, "import_button")
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    counts = dialog.findChild(QLabel, "import_counts").text()
    assert "4 rows: 2 new, 1 duplicate" in counts and "1 invalid" in counts
    problems = dialog.findChild(QListWidget, "import_problems")
    assert "line 3, column 'Onderzoek': test 'Spierenzym'" in problems.item(0).text()
    assert not importer.isEnabled()  # all or nothing: the invalid row blocks
    tests = dialog.findChild(QTableWidget, "unknown_tests")
    assert tests.isVisible() and tests.item(0, 0).text() == "Spierenzym"
    _choose(qtbot, tests.cellWidget(0, 2), "ALDOLASE")
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert "4 rows: 3 new, 1 duplicate (skipped), 0 conflict" in \
        dialog.findChild(QLabel, "import_counts").text()
    assert importer.isEnabled()
    out = tmp_path / "mapping.json"
    dialog.export_mapping(out)
    exported = LabMapping.from_json(out.read_text(encoding="utf-8"))
    assert exported.tests == {"Spierenzym": "ALDOLASE"}
    assert json.loads(out.read_text(encoding="utf-8"))["columns"]["test"] == "Onderzoek"
    seen = []
    window.writer.changed.connect(lambda kind, p, ids: seen.append((kind, p, len(ids))))
    qtbot.mouseClick(importer, Qt.MouseButton.LeftButton)
    assert seen == [("lab", pid, 3)]  # one signal for the patient, not one per row
    assert "Imported 3 lab results" in dialog.findChild(QLabel, "import_counts").text()
    labs = repo.list_for_patient(window.writer.study.db, "lab", pid)
    assert sorted(r["analyte"] for r in labs) == ["ALDOLASE", "ASAT", "CK"]
    dialog.close()
    # the same header next time: the saved mapping (with the learnt test name) is offered
    again = window.import_labs(src)
    qtbot.addWidget(again)
    assert again.findChild(QComboBox, "map_test").currentData() == "Onderzoek"
    qtbot.mouseClick(again.findChild(QPushButton, "check_button"), Qt.MouseButton.LeftButton)
    assert "0 new, 4 duplicate" in again.findChild(QLabel, "import_counts").text()
    again.close()


def test_conflicts_are_shown_side_by_side(window, qtbot, tmp_path):
    pid = window.writer.save("patient", {"study_code": "P-1", "sex": "F",
                                         "birth_date": "2014-01-02"}).record_id
    assert window.writer.save("lab", {"sample_date": "2024-05-20", "sample_time": "08:15",
                                      "analyte": "CK", "value": "1000", "unit": "U/L",
                                      "ref_low": "0", "ref_high": "145"},
                              patient_id=pid).ok
    src = tmp_path / "own.csv"
    src.write_text("study_code,sample_date,sample_time,analyte,value,unit,ref_low,ref_high\n"
                   "P-1,2024-05-20,08:15,CK,1200,U/L,0,145\n", encoding="utf-8")
    dialog = window.import_labs(src)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.findChild(QPushButton, "check_button"), Qt.MouseButton.LeftButton)
    table = dialog.findChild(QTableWidget, "import_conflicts")
    assert table.rowCount() == 1
    assert (table.item(0, 4).text(), table.item(0, 5).text()) == ("1200 U/L", "1000 U/L")
    assert not dialog.findChild(QPushButton, "import_button").isEnabled()  # nothing new
    dialog.close()


def test_the_menu_action_follows_the_role(tmp_path, qtbot):
    path = study_with_users(tmp_path / "roles.jdm")
    for role, importing, undoing in ((Role.DATA_ENTRY, True, False),
                                     (Role.REVIEWER, False, False),
                                     (Role.DATA_MANAGER, True, True)):
        w = shown(open_window(path, role), qtbot)
        try:
            assert (w.findChild(object, "import_labs_action") is not None) is importing
            assert (w.findChild(object, "undo_import_action") is not None) is undoing
        finally:
            close_window(w)
