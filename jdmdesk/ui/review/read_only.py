"""Read-only looks read-only: the window's style for fields that cannot be typed in, and the
controls a role cannot use taken off the screen (a reviewer, a read-only study).

Fields become read-only in several places (a reviewer's forms, a signed visit, a read-only
study); one style-sheet rule on the window follows Qt's ``:read-only`` and ``:disabled`` states
wherever they change, so no form has to restyle its inputs.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QPushButton, QWidget

READ_ONLY_BACKGROUND: Final = "#ececec"
READ_ONLY_STYLE: Final = f"""
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{
    background: {READ_ONLY_BACKGROUND}; color: #333333; border: 1px solid #d0d0d0;
}}
QComboBox:disabled {{ background: {READ_ONLY_BACKGROUND}; color: #333333; }}
"""
# Controls that only a role that may edit can use.
EDIT_ONLY_BUTTONS: Final = ("new_patient_button",)


def apply_read_only_look(window: QWidget, can_edit: bool) -> None:
    """Style read-only fields on ``window``; hide the edit-only controls when ``can_edit`` is
    False (the menu's edit actions are already left out for such a role)."""
    if READ_ONLY_STYLE not in window.styleSheet():
        window.setStyleSheet(window.styleSheet() + READ_ONLY_STYLE)
    for name in EDIT_ONLY_BUTTONS:
        for button in window.findChildren(QPushButton, name):
            button.setVisible(can_edit)
            button.setEnabled(can_edit)
