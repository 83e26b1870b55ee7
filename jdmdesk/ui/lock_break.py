"""File ▸ Break lock…: a data manager whose window is read-only because another JDM Desk that
stopped still holds the study's lock breaks it, after confirming, and continues in a writable
window on the same study (the same session; the break is in the audit trail)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jdmdesk.ui.i18n import message

if TYPE_CHECKING:
    from jdmdesk.services.results import ServiceResult
    from jdmdesk.ui.main_window import MainWindow

# (confirm) -> (what happened, the writable window when the lock was broken)
BreakLock = Callable[[Callable[[str], bool]], "tuple[ServiceResult, MainWindow | None]"]


def _title() -> str:
    return QCoreApplication.translate("LockBreak", "Break the lock")


def break_lock(window: MainWindow, do_break: BreakLock) -> MainWindow | None:
    """Ask, break, and hand over to the writable window; None when nothing was broken."""
    if window.locked or not window.workspace.resolve_unsaved():
        return None

    def confirm(text: str) -> bool:
        return window.prompts.confirm(_title(), message(text), risky=True)

    result, new = do_break(confirm)
    if new is None:
        if result.ok:
            window.show_status(message(result.message))
        else:
            window.prompts.error(_title(), message(result.message))
        return None
    window.close()  # this window's read-only study closes with it
    window.deleteLater()
    new.show()
    new.activateWindow()
    new.show_status(message(result.message))
    return new
