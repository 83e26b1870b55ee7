"""Tools ▸ Language applies at once (issue 21).

The new translator is installed and the window rebuilds what it shows in words: the menus, the
patient list, the patient's workspace (every form, table, the chart and the review), the lock
screen and the status bar. They are built again on the same services, so nothing is reopened or
reloaded from another file; the open patient, the current tab and the panes' sizes are kept.
Typed, unsaved input is never lost: a form with unsaved changes is saved or discarded first, as
when another patient is chosen, or the switch is cancelled.

The banner's notices (read-only, the lock holder, a network drive, a failed backup) are written
again in the new language. What stays in the language it was made in: the red tamper alarm and
a separate dialog left open (study overview, case series report) until it is opened again.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from jdmdesk.domain.access import ROLE_LABELS
from jdmdesk.ui import language
from jdmdesk.ui.admin.auto_lock import LockScreen
from jdmdesk.ui.entry.patient_list import PatientListPanel
from jdmdesk.ui.i18n import catalogue
from jdmdesk.ui.review.read_only import apply_read_only_look
from jdmdesk.ui.workspace import PatientWorkspace

if TYPE_CHECKING:
    from jdmdesk.ui.main_window import MainWindow

def switch_language(window: MainWindow, code: str) -> bool:
    """Choose ``code`` ("" = the operating system's language) for this user and show the
    window in it now. False when the switch was cancelled (locked, or unsaved changes kept)."""
    target = code or language.system_language()
    if window.locked:
        return False
    if target == language.current():
        language.save_choice(code)
        return True
    if not window.workspace.resolve_unsaved():
        window.show_status(QCoreApplication.translate(
            "LanguageSwitch", "The language was not changed: the unsaved changes are still "
            "in the form."))
        return False
    language.save_choice(code)
    language.install(target)
    retranslate(window)
    return True


def retranslate(window: MainWindow) -> None:
    """Build the window's views again in the language now installed (see the module)."""
    _rebuild_views(window)
    _rebuild_menus(window)
    _rebuild_lock_screen(window)
    session = window.services.session
    window.user_label.setText(f"{session.display_name} · {catalogue(ROLE_LABELS[session.role])}")
    window.setWindowTitle(window._title())
    window.retranslate_notices()
    window.statusBar().clearMessage()


def _rebuild_views(window: MainWindow) -> None:
    old_panel, old_space = window.patients, window.workspace
    patient_id = old_space.patient_id
    tab = old_space.tabs.currentIndex()
    sizes = window.splitter.sizes()
    panes = {s.objectName(): s.saveState() for s in window._splitters()
             if s is not window.splitter}
    for form in old_space.forms.values():
        form.active = False
    _disconnect(window, old_panel, old_space)
    panel = PatientListPanel(window.reader.patient_index, window)
    space = PatientWorkspace(window.services, window.prompts, window._chart_factory, window)
    window.splitter.replaceWidget(0, panel)
    window.splitter.replaceWidget(1, space)
    window.patients, window.workspace = panel, space
    old_panel.deleteLater()
    old_space.deleteLater()
    panel.patient_chosen.connect(window.choose_patient)
    panel.new_patient_requested.connect(window.new_patient)
    space.status_message.connect(window.show_status)
    window.writer.changed.connect(panel.on_records_changed)
    space.forms["patient"].saved.connect(window._patient_saved)
    apply_read_only_look(window, window.reader.can_edit)
    panel.refresh()
    window.splitter.setSizes(sizes)
    for s in window._splitters():
        if s.objectName() in panes:
            s.restoreState(panes[s.objectName()])
    if patient_id is not None:
        panel.select(patient_id, emit=False)
        space.set_patient(patient_id)
    space.tabs.setCurrentIndex(tab)


def _disconnect(window: MainWindow, panel: PatientListPanel, space: PatientWorkspace) -> None:
    """The old views stop following the services at once (not only when Qt deletes them)."""
    changed = window.writer.changed
    for slot in (panel.on_records_changed, space._records_changed,
                 space.history.on_records_changed, space.review.on_records_changed,
                 *(s.on_records_changed for s in space.sections.values())):
        with suppress(RuntimeError, TypeError):  # already gone
            changed.disconnect(slot)


def _rebuild_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    old: list[QObject] = []
    for action in bar.actions():
        _collect(action, window, old)
    bar.clear()
    for item in old:
        item.setObjectName("")  # findChild finds the new ones even before Qt deletes these
        if isinstance(item, QAction):
            item.setEnabled(False)
        item.deleteLater()  # later: the language action that called us is still running
    window._build_menus()


def _collect(action: QAction, window: MainWindow, out: list[QObject]) -> None:
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            _collect(inner, window, out)
        out.append(menu)
    elif action.parent() is window:
        out.append(action)


def _rebuild_lock_screen(window: MainWindow) -> None:
    session = window.services.session
    old = window.lock_screen
    new = LockScreen(f"{session.display_name} ({session.username})", window._check_password,
                     window)
    new.unlocked.connect(window.unlock)
    new.close_requested.connect(window._close_from_lock)
    window.stack.insertWidget(window.stack.indexOf(old), new)
    window.stack.removeWidget(old)
    window.lock_screen = new
    old.deleteLater()
