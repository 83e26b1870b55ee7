"""The login dialog, and the first-account form of a study that has no users yet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.access import Credentials, password_problem
from jdmdesk.ui.i18n import message, sentence


class LoginDialog(QDialog):
    def __init__(self, study_name: str, *, first_user: bool, error: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.first_user = first_user
        self.setWindowTitle(self.tr("Create the first user") if first_user
                            else self.tr("Log in — {study}").format(study=study_name))
        intro = QLabel(
            self.tr("<b>{study}</b> has no users yet. Create its first account: a data manager, "
                    "who can then add the other users.").format(study=study_name) if first_user
            else self.tr("Log in to <b>{study}</b>.").format(study=study_name), self)
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for name in ("username", "display_name", "password", "repeat"):
            w = getattr(self, name)
            w.setObjectName(f"login_{name}")
            w.setAccessibleName(f"login_{name}")
        for w in (self.password, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        if not first_user:  # not in the form: keep them from showing at the dialog's corner
            self.display_name.hide()
            self.repeat.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        if first_user:
            form.addRow(self.tr("Full name (shown on signatures)"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        if first_user:
            form.addRow(self.tr("Password again"), self.repeat)
        self.message = QLabel(error or "", self)
        self.message.setObjectName("login_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create and open") if first_user else self.tr("Log in"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.setMinimumWidth(380)

    def problem(self) -> str | None:
        """What must be fixed before the form can be sent (the service checks again)."""
        if not self.username.text().strip() or not self.password.text():
            return self.tr("Enter the user name and the password.")
        if not self.first_user:
            return None
        if not self.display_name.text().strip():
            return self.tr("Enter your full name: it is shown on your signatures.")
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        problem = password_problem(self.password.text(), self.username.text().strip())
        return sentence(message(problem)) if problem else None

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def credentials(self) -> Credentials:
        return Credentials(self.username.text().strip(), self.password.text(),
                           self.display_name.text().strip())


def ask_with_dialog(study_name: str) -> Callable[[bool, str | None], Credentials | None]:
    """An ``ask`` for ``app.build_main_window``: the dialog, shown until OK or Cancel."""

    def ask(first_user: bool, error: str | None) -> Credentials | None:
        dialog = LoginDialog(study_name, first_user=first_user,
                             error=sentence(error) if error else None)
        return dialog.credentials() if dialog.exec() else None

    return ask
