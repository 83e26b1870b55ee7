"""The main window built while the person types the password, bound after the unlock (issue 19).

The window built and polished ahead (``MainWindow(study_path=…)``, no study, no session) and
bound to a session must end as the window built for that session at once: same menus, same
controls for the role, the same patients and the same remembered patient. (Both go through
``MainWindow.bind``; what each role is offered is tested in test_access.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget

from jdmdesk.app import build_main_window
from jdmdesk.domain.access import Role
from jdmdesk.ui import launch
from jdmdesk.ui.main_window import MainWindow
from jdmdesk.ui.window_ahead import WindowAhead
from tests.conftest import FAST, credentials, study_with_users
from tests.ui.conftest import close_window


def fingerprint(window: MainWindow) -> list[tuple[str, str, bool, bool, bool, str]]:
    """Every named widget and action: class, visible (to the window), hidden, enabled, text."""
    out = []
    for child in window.findChildren(QWidget):
        if child.objectName() and not child.objectName().startswith("qt_"):
            text = child.text() if isinstance(child, QAbstractButton) else ""
            out.append((child.objectName(), type(child).__name__,
                        child.isVisibleTo(window), child.isHidden(), child.isEnabled(), text))
    for action in window.menuBar().actions():
        menu = action.menu()
        for inner in menu.actions() if menu is not None else []:
            out.append((inner.objectName(), "QAction", inner.isVisible(), False,
                        inner.isEnabled(), inner.text()))
    return sorted(out)


@pytest.mark.parametrize("role", list(Role))
def test_a_window_built_ahead_is_the_window_built_at_once(tmp_path, qtbot, role):
    study = study_with_users(tmp_path / "s.jdm")
    at_once = build_main_window(study, credentials(role), hasher=FAST)
    qtbot.wait(10)  # the patient tab's placeholder, deleted later, is gone
    expected = fingerprint(at_once)
    title, user = at_once.windowTitle(), at_once.user_label.text()
    close_window(at_once)
    maker = WindowAhead(study, lambda: True)  # built and polished before any session exists
    qtbot.waitUntil(lambda: maker.polished)
    ahead = maker.take()
    assert ahead is not None and not ahead.bound
    bound = build_main_window(study, credentials(role), hasher=FAST, ahead=ahead)
    try:
        assert bound is ahead and bound.bound
        qtbot.wait(10)
        assert fingerprint(bound) == expected
        assert (bound.windowTitle(), bound.user_label.text()) == (title, user)
    finally:
        close_window(bound)


def test_the_bound_window_works_and_remembers_the_patient(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    first = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    saved = first.services.records.save("patient", {"study_code": "P-1", "sex": "F",
                                                    "birth_date": "2015-01-01"})
    assert saved.ok and saved.record_id
    first.choose_patient(saved.record_id)
    close_window(first)
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST,
                          ahead=MainWindow(study_path=study))
    try:
        assert w.patients.model.codes == ["P-1"]
        assert w.workspace.patient_id == saved.record_id  # the patient it was left on
        assert w.workspace.forms["patient"].inputs["study_code"].text() == "P-1"
        form = w.workspace.forms["visit"]  # a section built after the bind has the services
        assert form.reader is w.reader
        result = w.services.records.save("patient", {"study_code": "P-2", "sex": "M",
                                                     "birth_date": "2016-02-02"})
        assert result.ok and "P-2" in w.patients.model.codes  # the list follows the saves
    finally:
        close_window(w)


def test_a_window_is_bound_once_and_only_to_its_study(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    other = study_with_users(tmp_path / "other.jdm")
    with pytest.raises(ValueError, match="another study"):
        build_main_window(other, credentials(Role.DATA_ENTRY), hasher=FAST,
                          ahead=MainWindow(study_path=study))
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST,
                          ahead=MainWindow(study_path=study))
    try:
        with pytest.raises(RuntimeError, match="already"):
            w.bind(w.services)
    finally:
        close_window(w)
    with pytest.raises(ValueError):
        MainWindow()  # neither services nor a path


def test_an_unbound_window_closes_without_saving_anything(tmp_path, qtbot, monkeypatch):
    saved: list[object] = []
    monkeypatch.setattr("jdmdesk.ui.window_state.save_bytes", lambda *a: saved.append(a))
    w = MainWindow(study_path=tmp_path / "s.jdm")
    assert w.close() and not saved


def test_the_window_is_built_only_once_the_imports_are_done(tmp_path, qtbot):
    ready = {"now": False}
    ahead = WindowAhead(tmp_path / "s.jdm", lambda: ready["now"])
    qtbot.wait(120)
    assert ahead.take() is None  # Enter before the imports ended: built after the unlock
    ready["now"] = True
    qtbot.wait(120)
    assert ahead.take() is None  # taken (stopped) already: nothing is built any more
    later = WindowAhead(tmp_path / "s.jdm", lambda: ready["now"])
    qtbot.waitUntil(lambda: later.polished)
    window = later.take()
    assert isinstance(window, MainWindow) and not window.bound and not window.isVisible()
    assert later.take() is None
    window.deleteLater()


def test_the_launcher_builds_the_window_while_the_dialog_is_up(tmp_path, qtbot, monkeypatch):
    study = study_with_users(tmp_path / "s.jdm")
    typed = credentials(Role.REVIEWER)
    made: list[WindowAhead] = []

    class Recorded(WindowAhead):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    def typing(path: Path, painted):
        qtbot.wait(200)
        assert not made[0].polished  # the imports wait for the dialog's first paint
        painted()
        qtbot.waitUntil(lambda: made[0].polished, timeout=20_000)  # the person types
        return typed

    opened: list[MainWindow] = []

    def fake_open(app, path, given, *, read_only, integrity, ahead):
        assert isinstance(ahead, MainWindow) and not ahead.bound
        opened.append(build_main_window(path, given, hasher=FAST, ahead=ahead))
        return 0

    monkeypatch.setattr(launch, "WindowAhead", Recorded)
    monkeypatch.setattr(launch, "early_login", typing)
    monkeypatch.setattr("jdmdesk.app.open_window", fake_open)
    assert launch.run_gui(study) == 0
    try:
        assert opened[0].services.session.username == typed.username
        assert not opened[0].findChild(QAbstractButton, "review_sign_button").isHidden()
    finally:
        close_window(opened[0])


def test_a_window_that_fails_to_build_is_not_tried_again(tmp_path, qtbot, monkeypatch):
    tries: list[int] = []

    def failing(*args: object, **kwargs: object) -> None:
        tries.append(1)
        raise RuntimeError("no window today")

    monkeypatch.setattr("jdmdesk.ui.main_window.MainWindow", failing)
    ahead = WindowAhead(tmp_path / "s.jdm", lambda: True)
    with qtbot.captureExceptions() as raised:
        qtbot.wait(300)
    assert tries == [1] and len(raised) == 1
    assert ahead.take() is None  # the window is built after the unlock instead
