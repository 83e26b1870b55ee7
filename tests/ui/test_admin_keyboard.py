"""Users and study settings dialogs by keyboard (issue 16 item 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jdmdesk.domain.access import PASSWORD_RULES, Role, password_problem
from jdmdesk.ui.admin.settings_dialog import SettingsDialog
from jdmdesk.ui.admin.users_dialog import UsersDialog
from tests.conftest import study_with_users
from tests.ui.conftest import close_window, open_window, shown
from tests.ui.helpers import FakePrompts, focused


def test_password_rules_are_the_validating_rule():
    assert "10 characters" in PASSWORD_RULES and "user name" in PASSWORD_RULES
    assert password_problem("short", "x") and password_problem("nurse2-long-pw", "nurse2")


def test_users_dialog_types_into_the_form_shows_rules_and_starts_over(tmp_path, qtbot):
    window = shown(open_window(study_with_users(tmp_path / "u.jdm"), Role.DATA_MANAGER), qtbot)
    try:
        s = window.services
        dialog = UsersDialog(s.accounts, s.session, FakePrompts(), window)
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert focused() is dialog.username  # typing goes somewhere
        assert dialog.rules.isVisible() and dialog.rules.text() == PASSWORD_RULES
        qtbot.keyClicks(focused(), "nurse2")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "Second Nurse")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dialog.role
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "nurse2xx")
        assert "at least 10" in dialog.rules.text()  # said while typing, before submitting
        qtbot.keyClicks(focused(), "-long")
        assert "user name" in dialog.rules.text()
        focused().clear()
        qtbot.keyClicks(focused(), "long enough pw")
        assert dialog.rules.text() == PASSWORD_RULES
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "long enough pw")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert dialog.table.rowCount() == 4, dialog.message.text()
        assert focused() is dialog.username and dialog.username.text() == ""
        assert dialog.password.text() == dialog.repeat.text() == ""
        dialog.reject()
    finally:
        close_window(window)


def test_settings_tab_skips_the_analyte_names(tmp_path, qtbot):
    window = shown(open_window(study_with_users(tmp_path / "s.jdm"), Role.DATA_MANAGER), qtbot)
    try:
        dialog = SettingsDialog(window.services.settings, FakePrompts(), window)
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow)
        table = dialog.ranges
        assert not table.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
        dialog.auto_lock_minutes.setFocus()
        qtbot.waitUntil(dialog.auto_lock_minutes.hasFocus)
        qtbot.keyClick(dialog.auto_lock_minutes, Qt.Key.Key_Tab)
        assert focused() is table and table.currentColumn() == 1
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert focused() is not table and not table.isPersistentEditorOpen(table.item(0, 0))
        assert table.item(0, 0).text().startswith("CK")
        dialog.reject()
    finally:
        close_window(window)
