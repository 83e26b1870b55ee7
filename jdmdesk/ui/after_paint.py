"""Work that can wait until a widget is on screen: called after its first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once ``widget`` has painted for the first time (in the next turn of the
    event loop, so the paint reaches the screen first)."""
    _FirstPaint(widget, then)
