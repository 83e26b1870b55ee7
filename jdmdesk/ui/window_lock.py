"""The main window's idle lock: every patient datum hidden until the password is typed again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from jdmdesk.services.accounts import AccountError
from jdmdesk.ui.i18n import error_message, sentence

if TYPE_CHECKING:
    from jdmdesk.ui.main_window import MainWindow


class LockableWindow:
    """A base of ``MainWindow``: lock (File ▸ Lock now, or idle), unlock with the password."""

    @property
    def locked(self: MainWindow) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self: MainWindow) -> None:
        """Hide every patient datum until the password is entered again (forms keep their
        unsaved text underneath; open dialogs are hidden and come back)."""
        if self.locked or self._closed:
            return
        self.idle.stop()
        self._focus_before_lock = self.focusWidget()
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for d in self._hidden_dialogs:
            d.hide()
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        # menu shortcuts still fire from a disabled menu bar: switch the actions off too
        self._actions_on = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for a in self._actions_on:
            a.setEnabled(False)
        self.statusBar().clearMessage()
        self.lock_screen.reset()

    def unlock(self: MainWindow) -> None:
        if not self.locked:
            return
        self.stack.setCurrentWidget(self.splitter)
        self.menuBar().setEnabled(True)
        for a in self._actions_on:
            a.setEnabled(True)
        self._actions_on = []
        for d in self._hidden_dialogs:
            d.show()
        self._hidden_dialogs = []
        if self._focus_before_lock is not None:
            self._focus_before_lock.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.start()

    def _check_password(self: MainWindow, password: str) -> str | None:
        try:
            self.services.accounts.confirm_password(self.services.session, password,
                                                    "unlock_screen")
        except AccountError as err:
            return sentence(error_message(err))
        return None

    def _close_from_lock(self: MainWindow) -> None:
        if self.workspace.dirty_forms():
            self.lock_screen.message.setText(QCoreApplication.translate(
                "MainWindow", "There are unsaved changes: only {name} can close this study."
            ).format(name=self.services.session.display_name))
            return
        self.close()

    def _settings_changed(self: MainWindow, keys: list[str]) -> None:
        if "auto_lock_minutes" in keys:
            self.idle.set_interval_ms(self.reader.settings().auto_lock_minutes * 60_000)
