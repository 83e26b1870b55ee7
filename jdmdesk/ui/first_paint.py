"""A probe for smoke tests and start-up benchmarks: did a window paint, and what did it show?

Armed only when ``JDMDESK_FIRST_PAINT`` names a PNG file (``tasks.py bundle --smoke``, the bundle
test, ``benchmarks/bench_bundle.py``); a user's run never sets it. Once armed, the first window
that paints is saved to that file, one line goes to stderr and the program closes that window
and leaves its event loop. When the study asks for a login and ``JDMDESK_USER`` and
``JDMDESK_PASSWORD`` are set, the probe types them into the login dialog (as a person would) so
that the window measured is the study's main window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

ENV = "JDMDESK_FIRST_PAINT"
MARKER = "jdmdesk: first paint:"


class FirstPaintProbe(QObject):
    def __init__(self, app: QApplication, target: Path,
                 credentials: tuple[str, str] | None) -> None:
        super().__init__(app)
        self.target = target
        self.credentials = credentials
        self.done = False
        self.filled: set[int] = set()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if event.type() == QEvent.Type.Show and self._fills(window):
            if id(window) not in self.filled:
                self.filled.add(id(window))
                QTimer.singleShot(0, lambda w=window: self._log_in(w))
        elif event.type() == QEvent.Type.Paint and not self._fills(window):
            self.done = True
            QTimer.singleShot(0, lambda w=window: self._finish(w))
        return False

    def _fills(self, window: QWidget) -> bool:
        return self.credentials is not None and window.objectName() == "login_dialog"

    def _log_in(self, dialog: QWidget) -> None:
        assert self.credentials is not None
        user, password = self.credentials
        for name, text in (("login_username", user), ("login_password", password)):
            field = dialog.findChild(QWidget, name)
            if field is not None:
                field.setText(text)  # type: ignore[attr-defined]
        dialog.submit()  # type: ignore[attr-defined]

    def _finish(self, window: QWidget) -> None:
        saved = window.grab().save(str(self.target), "PNG")
        print(f"{MARKER} {type(window).__name__} {window.width()}x{window.height()} "
              f"{'saved to ' + str(self.target) if saved else 'not saved'}",
              file=sys.stderr, flush=True)
        if isinstance(window, QDialog):
            window.reject()
        else:
            window.close()
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))


def arm_from_environment() -> FirstPaintProbe | None:
    """Arm the probe when ``JDMDESK_FIRST_PAINT`` is set (this makes the QApplication)."""
    target = os.environ.get(ENV)
    if not target:
        return None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    user, password = os.environ.get("JDMDESK_USER"), os.environ.get("JDMDESK_PASSWORD")
    return FirstPaintProbe(app, Path(target), (user, password) if user and password else None)
