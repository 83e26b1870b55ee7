"""Every mnemonic (&X) is unique where it can fire: in one window (menu bar, tabs, buttons,
labels with a buddy, group boxes) and within each menu."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from jdmdesk.domain.access import Role
from tests.conftest import study_with_users
from tests.ui.conftest import close_window, open_window, shown


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) != -1:
        if text[i + 1:i + 2] == "&":
            i += 2
            continue
        return text[i + 1:i + 2].lower() or None
    return None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of what can fire with Alt+letter in ``window`` as it is shown now."""
    found: list[tuple[str, str]] = []

    def add(text: str) -> None:
        if (m := mnemonic(text)) is not None:
            found.append((m, text))

    def here(w: QWidget) -> bool:
        return w.window() is window and w.isVisible()

    bar = getattr(window, "menuBar", None)
    if bar is not None and callable(bar) and window.findChildren(QMenu):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text())
    for tabs in window.findChildren(QTabBar):
        if here(tabs):
            for i in range(tabs.count()):
                if tabs.isTabVisible(i):
                    add(tabs.tabText(i))
    for b in window.findChildren(QAbstractButton):
        if here(b):
            add(b.text())
    for label in window.findChildren(QLabel):
        if here(label) and label.buddy() is not None:
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if here(box):
            add(box.title())
    return found


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(m for m, _ in found)
    return {m: [t for k, t in found if k == m] for m, n in counts.items() if n > 1}


def menu_duplicates(window: QWidget) -> dict[str, dict[str, list[str]]]:
    out = {}
    for menu in window.findChildren(QMenu):
        found = [(m, a.text()) for a in menu.actions()
                 if a.isVisible() and (m := mnemonic(a.text())) is not None]
        if dup := duplicates(found):
            out[menu.title()] = dup
    return out


def test_mnemonic_parser():
    assert mnemonic("Re&view") == "v"
    assert mnemonic("Tom && Jerry") is None
    assert mnemonic("A && &B") == "b"
    assert duplicates([("v", "&Visits"), ("v", "Re&view"), ("p", "&Patient")]) == {
        "v": ["&Visits", "Re&view"]}


def test_mnemonics_are_unique_in_the_window_on_every_tab_and_in_each_menu(tmp_path, qtbot):
    for role in (Role.DATA_MANAGER, Role.DATA_ENTRY, Role.REVIEWER):
        path = study_with_users(tmp_path / f"{role.value}.jdm")
        window = shown(open_window(path, role), qtbot)
        try:
            assert menu_duplicates(window) == {}
            tabs = window.workspace.tabs
            seen = set()
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                found = window_mnemonics(window)
                assert duplicates(found) == {}, tabs.tabText(i)
                seen |= {m for m, _ in found}
            assert {"f", "p", "g", "t", "h", "v", "r", "o", "n"} <= seen
        finally:
            close_window(window)


def test_mnemonics_are_unique_in_each_dialog(tmp_path, qtbot):
    from jdmdesk.ui.admin.login_dialog import LoginDialog
    from jdmdesk.ui.admin.settings_dialog import SettingsDialog
    from jdmdesk.ui.admin.users_dialog import UsersDialog
    from jdmdesk.ui.export_dialog import ExportDialog
    from jdmdesk.ui.review.overview_dialog import OverviewDialog

    window = shown(open_window(study_with_users(tmp_path / "d.jdm"), Role.DATA_MANAGER), qtbot)
    s = window.services
    try:
        dialogs: list[QDialog] = [
            SettingsDialog(s.settings, window.prompts, window),
            UsersDialog(s.accounts, s.session, window.prompts, window),
            ExportDialog(s.path, s.session, window),
            OverviewDialog(s.review, window),
            LoginDialog("d.jdm", first_user=False),
            LoginDialog("d.jdm", first_user=True),
        ]
        for dialog in dialogs:
            dialog.show()
            qtbot.waitExposed(dialog)
            assert duplicates(window_mnemonics(dialog)) == {}, dialog.objectName()
            dialog.reject()
            dialog.deleteLater()
    finally:
        close_window(window)
