"""Application shortcuts win over a text field's own key bindings.

Under X11 a line edit claims Ctrl+E (end of line), Ctrl+D (delete) and a few more through
Qt's ShortcutOverride: the nurse's Ctrl+E typed in the search box then does nothing. This
filter refuses the override for the keys the window's own actions and shortcuts use, so they
fire from any field of that window; every other key stays the field's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)


class ApplicationShortcuts(QObject):
    """Installed on the application for one window; ``remove()`` when the window closes."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def keys(self) -> set[QKeySequence]:
        """The key sequences the window's enabled actions and shortcuts answer to."""
        out: set[QKeySequence] = set()
        for action in self.window.findChildren(QAction):
            if action.isEnabled():
                out.update(s for s in action.shortcuts() if not s.isEmpty())
        for shortcut in self.window.findChildren(QShortcut):
            if shortcut.isEnabled() and not shortcut.key().isEmpty():
                out.add(shortcut.key())
        return out

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not event.modifiers() & COMMAND_MODIFIERS:
            return False  # plain typing: never a window shortcut, and no lookup per letter
        if not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        pressed = QKeySequence(event.keyCombination())
        if pressed in self.keys():
            event.ignore()  # not the field's: the shortcut map gets the key
            return True
        return False
