"""The window opens with the patient tab only; each other section is built on first use (or
ahead, once the window is up) and then shows the patient already chosen (issue 19)."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter

from jdmdesk.domain.access import Role
from tests.ui.conftest import close_window, demo_window, shown

SECTIONS = ("visit", "medication", "lab", "adverse_event")


def test_after_login_the_window_lists_the_study_and_builds_sections_when_used(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    w = shown(demo_window(path), qtbot)
    try:
        model = w.patients.model
        assert len(model.ids) > 1 and all(code for code in model.codes)  # the study's patients
        ws = w.workspace
        assert set(ws.forms.built()) == {"patient"} and ws.sections.built() == {}
        target = model.ids[1]
        w.choose_patient(target)
        ws.show_section("visit")  # built now, for the patient chosen before it existed
        visits = ws.sections.built()["visit"]
        assert ws.tabs.currentWidget() is visits
        assert ws.forms["visit"].patient_id == target
        assert visits.model.rowCount() == len(w.reader.records("visit", target))
        assert visits.model.rowCount() > 0
        assert set(ws.sections.built()) == {"visit"}
        ws.tabs.setCurrentIndex(ws.tabs.indexOf(ws._placeholders["medication"]))  # a click
        assert ws.tabs.currentWidget() is ws.sections.built()["medication"]
        assert ws.forms["medication"].patient_id == target
    finally:
        close_window(w)


def test_the_rest_is_built_once_the_window_is_idle(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    w = shown(demo_window(path, Role.REVIEWER), qtbot)
    try:
        w.choose_patient(w.patients.model.ids[0])
        w.workspace.build_rest_when_idle()
        qtbot.waitUntil(lambda: set(w.workspace.sections.built()) == set(SECTIONS))
        assert [w.workspace.tabs.widget(i) for i in range(len(SECTIONS) + 1)] == [
            w.workspace.forms.built()["patient"],
            *(w.workspace.sections.built()[k] for k in SECTIONS)]
        for kind in SECTIONS:
            assert w.workspace.forms[kind].patient_id == w.workspace.patient_id
            assert not w.workspace.forms[kind].save_button.isVisible()  # the reviewer's look
    finally:
        close_window(w)


def test_a_section_built_late_gets_the_users_remembered_splitter(tmp_path, qtbot, monkeypatch):
    from jdmdesk.ui import window_state

    path = tmp_path / "demo.jdm"
    first = shown(demo_window(path), qtbot)
    first.workspace.show_section("lab")
    saved = first.workspace.sections["lab"].splitter.saveState()
    close_window(first)
    asked: list[str] = []
    real = window_state.load_bytes
    monkeypatch.setattr(window_state, "load_bytes", lambda key: asked.append(key) or real(key))
    second = shown(demo_window(path), qtbot)
    try:
        assert "lab" not in second.workspace.sections.built()
        assert not [k for k in asked if k.endswith("/lab_splitter")]
        restored: list[bytes] = []
        monkeypatch.setattr(QSplitter, "restoreState",
                            lambda self, state: restored.append(bytes(state)) or True)
        second.workspace.show_section("lab")
        assert [k for k in asked if k.endswith("/lab_splitter")]  # this user's, for this one
        assert bytes(saved) in restored
    finally:
        close_window(second)


def test_opening_on_the_remembered_patient_writes_no_settings(tmp_path, qtbot, monkeypatch):
    from jdmdesk.ui import window_state

    path = tmp_path / "demo.jdm"
    first = shown(demo_window(path), qtbot)
    target = first.patients.model.ids[2]
    first.choose_patient(target)  # remembered: the study opens on it next time
    close_window(first)
    written: list[str] = []
    real = window_state.save_text
    monkeypatch.setattr(window_state, "save_text",
                        lambda key, value: written.append(key) or real(key, value))
    second = demo_window(path)
    try:
        assert second.workspace.patient_id == target
        assert not [k for k in written if k.endswith("/last_patient")]  # a synced disk write
        second.choose_patient(second.patients.model.ids[0])
        assert [k for k in written if k.endswith("/last_patient")]
    finally:
        close_window(second)
