"""Signing a visit from the review: the dialog names the patient and the visit, asks for the
password, and stays open with a message when the password is wrong (retry in place)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.services.results import ServiceResult
from jdmdesk.ui.i18n import message
from jdmdesk.ui.locale_format import show_date

# translated where shown
SIGN_MEANING = QT_TRANSLATE_NOOP("SignDialog", "The signature records your name, the UTC time "
                                 "and the meaning \u201creviewed\u201d, and locks the visit.")


class SignDialog(QDialog):
    """``sign(password)`` does the signing (``SignoffService.sign`` bound to the visit)."""

    def __init__(self, study_code: str, visit_date: date, sign: Callable[[str], ServiceResult],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_dialog")
        self.setWindowTitle(self.tr("Sign visit \u2014 {study_code}").format(study_code=study_code))
        self._sign = sign
        self.result_of_signing: ServiceResult | None = None
        self.what = QLabel(self.tr("Sign the visit of <b>{study_code}</b> on <b>{date}</b> as "
                                   "reviewed.").format(study_code=study_code,
                                                       date=show_date(visit_date.isoformat()))
                           + "<br>" + self.tr(SIGN_MEANING), self)
        self.what.setObjectName("sign_what")
        self.what.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("sign_password")
        self.password.setAccessibleName("Your password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Your password"))
        self.message = QLabel("", self)
        self.message.setObjectName("sign_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = buttons.addButton(self.tr("Sign"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_confirm")
        self.sign_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.what)
        lay.addWidget(QLabel(self.tr("Your password:"), self))
        lay.addWidget(self.password)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.password.setFocus()
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        """Sign; on a wrong password say so here and let the user type it again."""
        password = self.password.text()
        if not password:
            self._say(self.tr("Type your password to sign."))
            return
        result = self._sign(password)
        self.result_of_signing = result
        if result.ok:
            super().accept()
            return
        wrong = result.errors.get("password")
        self._say(self.tr("Not signed: {problem}. Type your password again.").format(
            problem=message(wrong)) if wrong else message(result.message))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.password.clear()
        self.password.setFocus()
