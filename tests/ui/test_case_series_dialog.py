"""Tools ▸ Case series report…: the dialog writes the report in a worker thread."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from jdmdesk.domain.access import Role
from jdmdesk.ui.case_series.dialog import CaseSeriesDialog
from tests.ui.conftest import close_window
from tests.ui.conftest import demo_window as open_demo


def test_dialog_writes_the_chosen_patients_and_refuses_to_replace(tmp_path, qtbot):
    window = open_demo(tmp_path / "demo.jdm", Role.REVIEWER)
    qtbot.addWidget(window)
    action = window.findChild(type(window.tools_menu.actions()[0]), "case_series_action")
    assert action is not None and action in window.tools_menu.actions()
    action.trigger()
    dialog = window.findChild(CaseSeriesDialog)
    assert dialog is not None and dialog.patients.count() == 3
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.patients.item(1).setCheckState(Qt.CheckState.Unchecked)  # SYN-002
    with qtbot.waitSignal(dialog.report_finished, timeout=120_000) as done:
        assert dialog.start_report()
        assert not dialog.start.isEnabled()  # running: no second start
    assert done.args[0].startswith("Wrote 10 files into") and "of 2 patient" in done.args[0]
    assert dialog.status.text() == done.args[0] and dialog.progress.value() == 100
    with (tmp_path / "out" / "table1.csv").open(encoding="utf-8") as f:
        assert [r["study_code"] for r in csv.DictReader(f)] == ["SYN-001", "SYN-003"]
    assert not (tmp_path / "out" / "figure_enzymes_SYN-002.svg").exists()
    # again into the same folder: refused, said in the dialog, nothing replaced
    before = (tmp_path / "out" / "table1.csv").stat().st_mtime_ns
    with qtbot.waitSignal(dialog.report_failed, timeout=120_000):
        dialog.start_report()
    assert "already holds" in dialog.status.text() and dialog.start.isEnabled()
    assert (tmp_path / "out" / "table1.csv").stat().st_mtime_ns == before
    dialog.force.setChecked(True)
    with qtbot.waitSignal(dialog.report_finished, timeout=120_000):
        dialog.start_report()
    for i in range(3):
        dialog.patients.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.start_report() and "at least one patient" in dialog.status.text()
    dialog.close()
    close_window(window)
