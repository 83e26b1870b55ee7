"""Help ▸ About shows what ``jdmdesk --version`` prints."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from jdmdesk.ui.about import app_icon
from jdmdesk.version_info import version_text


def test_help_about_shows_the_version_lines(window, qtbot):
    action = window.findChild(QAction, "about_action")
    assert action is not None and action in window.help_menu.actions()
    action.trigger()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.informativeText() == version_text()
    assert not box.iconPixmap().isNull()  # the application's icon
    box.close()


def test_the_application_icon_loads():
    icon = app_icon()
    assert not icon.isNull() and icon.availableSizes()
