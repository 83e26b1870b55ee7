"""One refresh path: a save or a delete reaches each visible view exactly once, through
``RecordService.changed`` (never through ``form.saved`` or an explicit refresh as well)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import ctrl


class Counts:
    """How often each view redrew from the database since the last ``reset``."""

    def __init__(self, window) -> None:
        ws = window.workspace
        self.n: dict[str, int] = {}
        signals = {f"{kind}_table": s.model.modelReset for kind, s in ws.sections.items()}
        signals |= {"patient_list": window.patients.model.modelReset,
                    "lab_chart": ws.chart.refreshed, "review": ws.review.recomputed,
                    "review_chart": ws.review.chart.refreshed}
        for name, signal in signals.items():
            self.n[name] = 0
            signal.connect(lambda *_, name=name: self._bump(name))

    def _bump(self, name: str) -> None:
        self.n[name] += 1

    def reset(self) -> None:
        self.n = dict.fromkeys(self.n, 0)

    def nonzero(self) -> dict[str, int]:
        return {k: v for k, v in self.n.items() if v}


def _patient(window, qtbot, counts: Counts) -> str:
    window.new_patient()
    form = window.workspace.forms["patient"]
    for name, text in (("study_code", "R-1"), ("sex", "F"), ("birth_date", "2013-05-02")):
        form.inputs[name].set_text(text)
    counts.reset()
    form.inputs["birth_date"].focus_widget.setFocus()
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)
    assert counts.n["patient_list"] == 1  # once, though the window then selects the patient
    pid = window.workspace.patient_id
    assert pid is not None
    return pid


def _lab_save(window, qtbot, day: str, value: str) -> None:
    lab = window.workspace.forms["lab"]
    lab.inputs["sample_date"].set_text(day)
    lab.inputs["analyte"].set_text("CK")
    lab._analyte_changed()
    lab.inputs["value"].set_text(value)
    lab.inputs["value"].focus_widget.setFocus()
    with qtbot.waitSignal(window.writer.changed):
        ctrl(qtbot, Qt.Key.Key_S)  # Ctrl+S in the real form


def test_one_save_and_one_delete_refresh_each_visible_view_once(window, prompts, qtbot):
    counts = Counts(window)
    _patient(window, qtbot, counts)
    ws = window.workspace
    ws.show_section("lab")
    # the lab tab's chart is built when first shown
    qtbot.waitUntil(lambda: ws.chart.built and ws.chart.panel().isVisible())

    counts.reset()
    _lab_save(window, qtbot, "2024-03-01", "1200")
    assert ws.sections["lab"].model.rowCount() == 1
    # the lab table and the chart beside it, once each; the hidden review waits to be shown
    assert counts.nonzero() == {"lab_table": 1, "lab_chart": 1}

    ws.sections["lab"].table.selectRow(0)
    ws.sections["lab"].table.setFocus()
    prompts.reasons = ["wrong patient"]
    counts.reset()
    with qtbot.waitSignal(window.writer.changed):
        qtbot.keyClick(ws.sections["lab"].table, Qt.Key.Key_Delete)
    assert ws.sections["lab"].model.rowCount() == 0
    assert counts.nonzero() == {"lab_table": 1, "lab_chart": 1}

    counts.reset()
    ws.tabs.setCurrentWidget(ws.review)  # stale since the save: recomputed once on showing
    qtbot.waitUntil(lambda: counts.n["review"] == 1)
    assert counts.n["review"] == 1


def test_a_save_while_the_review_is_shown_redraws_it_once(window, prompts, qtbot):
    counts = Counts(window)
    pid = _patient(window, qtbot, counts)
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.review)
    qtbot.waitUntil(lambda: ws.review.chart.built and ws.review.chart.panel().isVisible())
    counts.reset()
    with qtbot.waitSignal(window.writer.changed):
        result = window.writer.save("visit", {"visit_date": "2024-04-02", "phga": "4"},
                                    patient_id=pid)
    assert result.ok
    # the review and its chart, once each; the tables and the lab tab's chart are hidden
    # (tables re-query anyway, cheaply; the hidden chart waits until it is shown)
    assert counts.nonzero() == {"visit_table": 1, "review": 1, "review_chart": 1}


def test_a_visit_saved_with_the_save_button_refreshes_its_table_once(window, prompts, qtbot):
    counts = Counts(window)
    _patient(window, qtbot, counts)
    ws = window.workspace
    ws.show_section("visit")
    form = ws.forms["visit"]
    form.inputs["visit_date"].set_text("2024-05-01")
    form._on_changed()
    counts.reset()
    with qtbot.waitSignal(window.writer.changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert ws.sections["visit"].model.rowCount() == 1
    assert counts.nonzero() == {"visit_table": 1}
