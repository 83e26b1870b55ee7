"""The recovery key in the window: shown once when a study is created, asked for when the key
file beside a study is gone (or no password opens it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RecoveryKeyShownDialog(QDialog):
    """A new study's recovery key, shown this once; closes only after the confirmation."""

    def __init__(self, study_name: str, recovery_key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle(self.tr("Recovery key — {study}").format(study=study_name))
        intro = QLabel(self.tr(
            "<b>{study}</b> is encrypted. This recovery key opens it when every password "
            "is lost or its key file (<i>{study}.keys</i>) is gone. It is shown "
            "<b>only now</b>: print it or write it down, and keep it in the site file, apart "
            "from the computer.").format(study=study_name), self)
        intro.setWordWrap(True)
        self.key = QLabel(recovery_key, self)
        self.key.setObjectName("recovery_key_text")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 2)
        self.key.setFont(font)
        self.key.setWordWrap(True)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = QPushButton(self.tr("Copy"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recovery_key))
        self.stored = QCheckBox(self.tr("I have printed or stored the recovery key"), self)
        self.stored.setObjectName("recovery_key_stored")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.stored.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        for w in (intro, self.key, copy, self.stored, self.buttons):
            lay.addWidget(w)
        self.setMinimumWidth(460)

    def reject(self) -> None:  # Escape does not skip the confirmation
        if self.stored.isChecked():
            super().reject()


class RecoveryKeyAskDialog(QDialog):
    def __init__(self, study_name: str, reason: str, error: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_ask_dialog")
        self.setWindowTitle(self.tr("Open with the recovery key — {study}").format(
            study=study_name))
        intro = QLabel(self.tr("{reason}. Type the recovery key of <b>{study}</b> (printed when "
                               "the study was created; dashes and case do not matter).").format(
            reason=reason, study=study_name), self)
        intro.setWordWrap(True)
        self.text = QLineEdit(self)
        self.text.setObjectName("recovery_key_input")
        self.text.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(error or "", self)
        self.message.setObjectName("recovery_message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (intro, self.text, self.message, buttons):
            lay.addWidget(w)
        self.setMinimumWidth(460)


def show_recovery_key_with_dialog(study_name: str) -> Callable[[str], None]:
    def show(recovery_key: str) -> None:
        RecoveryKeyShownDialog(study_name, recovery_key).exec()

    return show


def ask_recovery_with_dialog(study_name: str) -> Callable[[str, str | None], str | None]:
    def ask(reason: str, error: str | None) -> str | None:
        dialog = RecoveryKeyAskDialog(study_name, reason, error)
        return dialog.text.text() if dialog.exec() else None

    return ask
