"""Questions the window asks the user. Tests replace ``Prompts`` methods to answer them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Prompts:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved_changes(self, what: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Prompts",
                                                                                "Unsaved changes"),
                          QCoreApplication.translate("Prompts", "The {record} has unsaved changes.")
                          .format(record=what), parent=self.parent)
        box.setInformativeText(QCoreApplication.translate("Prompts", "Save them before leaving?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
                    QMessageBox.StandardButton(answer), "cancel")

    def reason(self, title: str, question: str) -> str | None:
        """A non-empty reason, or None when the user cancels."""
        while True:
            text, ok = QInputDialog.getText(self.parent, title, question,
                                            QLineEdit.EchoMode.Normal)
            if not ok:
                return None
            if text.strip():
                return text.strip()

    def password(self, title: str, question: str) -> str | None:
        """The user's password (typed hidden), or None when the user cancels."""
        text, ok = QInputDialog.getText(self.parent, title, question,
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def confirm_warnings(self, warnings: dict[str, str]) -> str | None:
        """Show unusual values; returns the reason to keep them, or None to go back."""
        lines = "\n".join(f"• {name}: {msg}" for name, msg in warnings.items())
        return self.reason(QCoreApplication.translate("Prompts", "Confirm unusual values"),
                           lines + "\n\n" + QCoreApplication.translate(
                               "Prompts", "Reason for keeping these values:"))

    def confirm(self, title: str, text: str, *, risky: bool = False) -> bool:
        """Yes or no; ``risky``: No is the default button (Enter does not do it)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        default = QMessageBox.StandardButton.No if risky else QMessageBox.StandardButton.Yes
        answer = QMessageBox.question(self.parent, title, text, buttons, default)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)
