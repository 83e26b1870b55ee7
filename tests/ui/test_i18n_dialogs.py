"""Pseudo-localisation of every separate dialog (issue 21): each QDialog class in jdmdesk/ui is
found by walking the package, so a new dialog cannot be left out of the run; each is opened in a
pseudo-language (every text "[!! … !!]" and 30 % longer) at its default size and must show no
untranslated text and no clipped label or button."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QWidget,
)

import jdmdesk.ui
from jdmdesk.domain.access import Role
from jdmdesk.services.results import ServiceResult, Status
from jdmdesk.ui import language
from tests.conftest import study_with_users
from tests.ui.conftest import close_window, open_window, shown
from tests.ui.test_i18n import _clipped, _pseudo_qm, _texts, _untranslated

LAB_FILE = ("study_code,sample_date,sample_time,analyte,value,unit,ref_low,ref_high\n"
            "P-001,2024-05-01,09:00,CK,300,U/L,0,145\n"
            "P-001,2024-05-01,09:00,CK,310,U/L,0,145\n"  # a conflict with the line before
            "P-001,2024-05-02,09:00,ASAT,abc,U/L,0,30\n"  # not a number
            "P-999,2024-05-02,09:00,CK,120,U/L,0,145\n"  # no such patient
            "P-001,2024-05-03,09:00,Enzym X,120,U/L,0,145\n")  # a test to map


def _lab_import(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.entry.lab_import_dialog import LabImportDialog

    if "P-001" not in {code for _, code in w.reader.patient_index("")}:
        from jdmdesk.domain.access import Session
        from jdmdesk.services.records import RecordService
        from tests.conftest import NAMES, USERNAMES

        nurse = Session(USERNAMES[Role.DATA_ENTRY], NAMES[Role.DATA_ENTRY], Role.DATA_ENTRY)
        assert RecordService(w.writer.study, nurse).save("patient", {
            "study_code": "P-001", "sex": "F", "birth_date": "2015-04-02",
            "onset_date": "2020-01-10"}).ok
    source = tmp / "labs.csv"
    source.write_text(LAB_FILE, encoding="utf-8")
    dialog = LabImportDialog(w.lab_import_service(), source, w)
    dialog.run_check()
    assert dialog.check is not None and dialog.check.unknown_tests
    assert dialog.check.conflicts and dialog.check.problems  # every part of the dialog shows
    return dialog


def _login(first_user: bool) -> Callable[..., QDialog]:
    def make(w, tmp: Path) -> QDialog:
        from jdmdesk.ui.admin.login_dialog import LoginDialog

        return LoginDialog("ui.jdm", first_user=first_user, parent=w)

    return make


def _sign(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.review.sign_dialog import SignDialog

    return SignDialog("P-001", date(2024, 5, 1),
                      lambda password: ServiceResult(Status.SAVED), w)


def _export(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.export_dialog import ExportDialog

    return ExportDialog(Path(w.study_path), w.services.session, w)


def _case_series(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.case_series.dialog import CaseSeriesDialog

    return CaseSeriesDialog(Path(w.study_path), w.services.session, ["P-001"], w)


def _settings(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.admin.settings_dialog import SettingsDialog

    return SettingsDialog(w.services.settings, w.prompts, w)


def _users(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.admin.users_dialog import UsersDialog

    return UsersDialog(w.services.accounts, w.services.session, w.prompts, w)


def _overview(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.review.overview_dialog import OverviewDialog

    return OverviewDialog(w.services.review, w)


def _recovery_shown(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.admin.recovery_dialog import RecoveryKeyShownDialog

    return RecoveryKeyShownDialog("ui.jdm", "ABCDE-FGHJK-LMNPQ-RSTVW", w)


def _recovery_ask(w, tmp: Path) -> QDialog:
    from jdmdesk.crypto.recovery import RecoveryKeyError, parse_recovery_key
    from jdmdesk.ui.admin.recovery_dialog import RecoveryKeyAskDialog
    from jdmdesk.ui.i18n import error_message, message

    try:
        parse_recovery_key("ABC")
    except RecoveryKeyError as err:
        error = error_message(err)
    return RecoveryKeyAskDialog("ui.jdm", message("No password opened the study"), error, w)


def _about(w, tmp: Path) -> QDialog:
    from jdmdesk.ui.about import about_box

    return about_box(w)


# every QDialog class in jdmdesk/ui, by class name, and how to open it (some in two states)
DIALOGS: dict[str, list[Callable[..., QDialog]]] = {
    "LoginDialog": [_login(False), _login(True)],
    "LabImportDialog": [_lab_import],
    "SignDialog": [_sign],
    "ExportDialog": [_export],
    "CaseSeriesDialog": [_case_series],
    "SettingsDialog": [_settings],
    "UsersDialog": [_users],
    "OverviewDialog": [_overview],
    "RecoveryKeyShownDialog": [_recovery_shown],
    "RecoveryKeyAskDialog": [_recovery_ask],
}
MESSAGE_BOXES: dict[str, Callable[..., QDialog]] = {"about_box": _about}


def dialog_classes() -> set[str]:
    """The names of the QDialog subclasses defined anywhere in jdmdesk/ui."""
    found = set()
    for info in pkgutil.walk_packages(jdmdesk.ui.__path__, "jdmdesk.ui."):
        module = importlib.import_module(info.name)
        found |= {name for name, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, QDialog) and cls.__module__ == module.__name__}
    return found


def test_every_dialog_class_is_in_the_pseudo_localisation_run():
    assert dialog_classes() == set(DIALOGS), \
        "a dialog class was added or renamed: add it to DIALOGS with a way to open it"


def _own_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """The texts a dialog shows: its title, its widgets' texts, list items and cell tips.
    Qt's own standard buttons (OK, Cancel…) are Qt's translation (qtbase), not ours."""
    yield root, root.windowTitle()
    for widget, text in _texts(root):
        if isinstance(widget, QAbstractButton) and _standard_button(widget):
            continue
        yield widget, text
    for lst in root.findChildren(QListWidget):
        yield from ((lst, lst.item(i).text()) for i in range(lst.count()))
    for table in root.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None and item.toolTip():
                    yield table, item.toolTip()
    if isinstance(root, QMessageBox):
        yield root, root.text()


def _standard_button(button: QAbstractButton) -> bool:
    box = button.parent()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parent()
    return isinstance(box, QDialogButtonBox) and \
        box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton


# data, not UI text: the lab file's own column names, a recovery key
DATA = ("preview_table", "recovery_key_text", "map_")


def _problems(dialog: QWidget, name: str) -> tuple[set[str], set[str]]:
    untranslated, clipped = set(), set()
    for widget, text in _own_texts(dialog):
        if widget.objectName().startswith(DATA):
            continue
        if text and _untranslated(text):
            untranslated.add(f"{name} / {widget.objectName() or type(widget).__name__}: {text}")
    for widget in dialog.findChildren(QWidget):
        if widget.isVisibleTo(dialog) and _clipped(widget):
            clipped.add(f"{name} / {widget.objectName() or type(widget).__name__}: "
                        f"{getattr(widget, 'text', lambda: '')()}")
    return untranslated, clipped


def test_pseudo_localised_dialogs_translate_everything_and_clip_nothing(tmp_path, qtbot):
    language.install("nl", qm=_pseudo_qm(tmp_path))
    w = shown(open_window(study_with_users(tmp_path / "ui.jdm"), Role.DATA_MANAGER), qtbot)
    untranslated, clipped = set(), set()
    try:
        for name, makers in {**DIALOGS, **MESSAGE_BOXES}.items():
            for make in makers if isinstance(makers, list) else [makers]:
                dialog = make(w, tmp_path)
                dialog.show()
                qtbot.waitExposed(dialog)
                found = _problems(dialog, name)
                untranslated |= found[0]
                clipped |= found[1]
                dialog.done(0)
                dialog.deleteLater()
        assert not untranslated, "\n".join(sorted(untranslated))
        assert not clipped, "\n".join(sorted(clipped))
    finally:
        close_window(w)
        language.install("en")


def _answer_modal(qtbot, seen: list[tuple[set[str], set[str]]], name: str) -> None:
    """When the modal dialog is up: look at it, then close it."""
    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, look)
            return
        seen.append(_problems(modal, name))
        modal.close() if isinstance(modal, QMessageBox) else modal.reject()

    QTimer.singleShot(0, look)


def test_pseudo_localised_questions_of_the_window(tmp_path, qtbot):
    """The window's own questions (unsaved changes, a reason, undo a lab import)."""
    language.install("nl", qm=_pseudo_qm(tmp_path))
    w = shown(open_window(study_with_users(tmp_path / "ui.jdm"), Role.DATA_MANAGER), qtbot)
    seen: list[tuple[set[str], set[str]]] = []
    try:
        _answer_modal(qtbot, seen, "unsaved changes")
        w.prompts.unsaved_changes("[!! patient !!]")  # the caller's translated record name
        _answer_modal(qtbot, seen, "keyboard shortcuts")
        w._show_keys()
        _answer_modal(qtbot, seen, "unusual values")
        w.prompts.confirm_warnings({})
        assert len(seen) == 3
        untranslated = set().union(*(u for u, _ in seen))
        clipped = set().union(*(c for _, c in seen))
        assert not untranslated, "\n".join(sorted(untranslated))
        assert not clipped, "\n".join(sorted(clipped))
    finally:
        close_window(w)
        language.install("en")


def _cells_and_tips(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """What tables show beyond their headers: cell texts of dialogs' tables, tooltips of every
    view (the review's TIS, MDI and PRINTO details)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None or not view.isVisibleTo(root):
            continue
        for r in range(min(model.rowCount(), 30)):
            for c in range(model.columnCount()):
                tip = model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield view, tip


def test_pseudo_localised_demo_study_shows_no_english(tmp_path, qtbot):
    """With data: every tab of a demo patient (review tooltips included) and the study
    overview's cells. Names, codes and free text typed by users are data, not UI text."""
    from tests.ui.conftest import demo_window

    language.install("nl", qm=_pseudo_qm(tmp_path))
    w = shown(demo_window(tmp_path / "demo.jdm", Role.DATA_MANAGER), qtbot)
    found: set[str] = set()
    try:
        w.choose_patient(w.patients.model.ids[0])
        for i in range(w.workspace.tabs.count()):
            w.workspace.tabs.setCurrentIndex(i)
            qtbot.wait(10)
            for widget, text in [*_texts(w), *_cells_and_tips(w)]:
                if text and _untranslated(text) and widget.objectName() != "note":
                    found.add(f"tab {i} / {widget.objectName()}: {text}")
        from jdmdesk.ui.review.overview_dialog import HEADERS, OverviewDialog

        overview = OverviewDialog(w.services.review, w)
        table = overview.table
        for r in range(table.rowCount()):
            for c in range(1, len(HEADERS)):  # the first column is the study code
                text = table.item(r, c).text()
                if text and _untranslated(text):
                    found.add(f"overview / {HEADERS[c]}: {text}")
        overview.close()
        assert not found, "\n".join(sorted(found))
    finally:
        close_window(w)
        language.install("en")
