"""The main window built while the person types the password (issue 19).

An encrypted study cannot be read before the unlock, but the window's widgets need no study:
once the background imports are done (``prelogin.Warmup``), the window is built here, unbound
(``MainWindow(study_path=…)``), and polished, on the GUI thread, in two turns of the login
dialog's event loop. After Enter, ``app.build_main_window(…, ahead=…)`` binds it to the
session (menus for the role, the patients, the remembered patient), so the span from Enter to
the painted window is the unlock, the open and the bind. When Enter comes first, the window is
built after the unlock as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from jdmdesk.ui.main_window import MainWindow

POLL_MS = 25


class WindowAhead(QObject):
    """Builds ``path``'s window once ``ready()`` (the imports are done), without blocking."""

    def __init__(self, path: Path, ready: Callable[[], bool]) -> None:
        super().__init__()
        self.path = path
        self._ready = ready
        self._window: MainWindow | None = None
        self.polished = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def _step(self) -> None:
        if not self._ready():
            return
        if self._window is None:
            from jdmdesk.ui.main_window import MainWindow

            self._timer.stop()  # a window that fails to build is not tried again
            self._window = MainWindow(study_path=self.path)
            self._timer.start()
            return  # polished in the next turn: the dialog takes keys in between
        self._timer.stop()
        window = self._window
        window.ensurePolished()  # the widgets' fonts, palettes and style sheet, now
        layout = window.layout()
        if layout is not None:
            layout.activate()  # sizes at the window's size
        self.polished = True

    def take(self) -> MainWindow | None:
        """The window built ahead (None when it was not ready in time); taken once."""
        self._timer.stop()
        window, self._window = self._window, None
        return window
