"""Auto-lock: an idle timer over the whole application, and the screen that replaces the window's
contents until the logged-in user enters the password again. Typed but unsaved form content is
left untouched underneath."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# What counts as the user being present: keyboard, mouse, wheel, touch.
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once no input has reached the application for ``interval_ms``."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.timer.setInterval(interval_ms)
        self._last = 0.0
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)

    def set_interval_ms(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self._last = time.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def remove(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            now = time.monotonic()
            if now - self._last > 0.25:  # restarting the timer on every mouse move is waste
                self._last = now
                self.timer.start()
        return False


class LockScreen(QWidget):
    """Shown instead of the study: who it is locked for, a password field, and a way out."""

    unlocked = Signal()
    close_requested = Signal()

    def __init__(self, who: str, check: Callable[[str], str | None],
                 parent: QWidget | None = None) -> None:
        """``check`` returns None when the password is right, else the message to show."""
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self._check = check
        title = QLabel("JDM Desk is locked", self)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.who = QLabel(f"Locked for {who}.", self)
        hint = QLabel("Enter your password to go on; unsaved work is kept.", self)
        self.password = QLineEdit(self)
        self.password.setObjectName("lock_password")
        self.password.setAccessibleName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Password")
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel("", self)
        self.message.setObjectName("lock_message")
        self.message.setStyleSheet("color: #b00020;")
        unlock = QPushButton("Unlock", self)
        unlock.setObjectName("unlock_screen_button")
        unlock.clicked.connect(self.try_unlock)
        close = QPushButton("Close the study", self)
        close.setObjectName("lock_close_button")
        close.setToolTip("Another user: close this study (unsaved changes are asked about "
                         "after the password), then open it with your own account")
        close.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(unlock)
        box = QWidget(self)
        box.setFixedWidth(440)
        inner = QVBoxLayout(box)
        for w in (title, self.who, hint, self.password, self.message):
            inner.addWidget(w)
        inner.addLayout(buttons)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        problem = self._check(self.password.text())
        self.password.clear()
        if problem is not None:
            self.message.setText(problem)
            return
        self.message.clear()
        self.unlocked.emit()
