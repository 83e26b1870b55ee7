"""Auto-lock: an idle timer over the whole application, and the screen that replaces the window's
contents until the logged-in user enters the password again. Typed but unsaved form content is
left untouched underneath."""

from __future__ import annotations

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

from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock

# What counts as the user being present: keyboard, mouse, wheel, touch.
ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})
TICK_MS = 1000  # how often idle time is checked (the lock comes at most this late)


class IdleWatcher(QObject):
    """Emits ``idle`` once no input has reached the application for ``interval_ms``, measured
    on ``clock.monotonic()``; a timer ticks ``check`` (tests move a FixedClock and call it)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None, *,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.clock = clock
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.setInterval(min(TICK_MS, interval_ms))
        self._last = 0.0
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)

    def set_interval_ms(self, interval_ms: int) -> None:
        self.interval_ms = interval_ms
        self.timer.setInterval(min(TICK_MS, interval_ms))

    def start(self) -> None:
        self._last = self.clock.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def remove(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def check(self) -> None:
        """Emit ``idle`` (and stop watching) when the idle time has run out."""
        idle_ms = (self.clock.monotonic() - self._last) * 1000
        if self.timer.isActive() and idle_ms >= self.interval_ms:
            self.timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self._last = self.clock.monotonic()
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
        title = QLabel(self.tr("JDM Desk is locked"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.who = QLabel(self.tr("Locked for {user}.").format(user=who), self)
        hint = QLabel(self.tr("Enter your password to go on; unsaved work is kept."), self)
        self.password = QLineEdit(self)
        self.password.setObjectName("lock_password")
        self.password.setAccessibleName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel("", self)
        self.message.setObjectName("lock_message")
        self.message.setStyleSheet("color: #b00020;")
        unlock = QPushButton(self.tr("Unlock"), self)
        unlock.setObjectName("unlock_screen_button")
        unlock.clicked.connect(self.try_unlock)
        close = QPushButton(self.tr("Close the study"), self)
        close.setObjectName("lock_close_button")
        close.setToolTip(self.tr("Another user: close this study (unsaved changes are asked about "
                         "after the password), then open it with your own account"))
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
