"""Tools ▸ Users (data managers): the study's accounts, adding one, deactivating or
reactivating one, and setting a new password for a user who forgot theirs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.access import PASSWORD_RULES, ROLE_LABELS, Role, Session, password_problem
from jdmdesk.services.accounts import AccountService
from jdmdesk.ui.i18n import catalogue, message
from jdmdesk.ui.prompts import Prompts

COLUMNS = ("User name", "Full name", "Role", "Active", "Failed attempts")


class UsersDialog(QDialog):
    def __init__(self, accounts: AccountService, session: Session, prompts: Prompts,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Users of this study"))
        self.accounts, self.session, self.prompts = accounts, session, prompts
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([catalogue(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(catalogue(ROLE_LABELS[role]), role.value)
        self.password = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for name in ("username", "display_name", "role", "password", "repeat"):
            w = getattr(self, name)
            w.setObjectName(f"new_{name}")
            w.setAccessibleName(f"new_{name}")
        for w in (self.password, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        # the rules up front, from their one home
        self.rules = QLabel(message(PASSWORD_RULES), self)
        self.rules.setObjectName("password_rules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #555555;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name (shown on signatures)"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.rules)
        form.addRow(self.tr("Password again"), self.repeat)
        for w in (self.username, self.password):
            w.textChanged.connect(self._check_password)
        add = QPushButton(self.tr("Add user"), self)
        add.setObjectName("add_user_button")
        add.clicked.connect(self.add_user)
        add.setDefault(True)  # Enter in the form adds the user
        toggle = QPushButton(self.tr("Deactivate / reactivate…"), self)
        toggle.setObjectName("toggle_user_button")
        toggle.clicked.connect(self.toggle_selected)
        reset = QPushButton(self.tr("Set new password…"), self)
        reset.setObjectName("reset_password_button")
        reset.clicked.connect(self.reset_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(toggle)
        row.addWidget(reset)
        row.addStretch(1)
        row.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("<b>Add a user</b>"), self))
        lay.addLayout(form)
        lay.addWidget(add)
        lay.addWidget(self.message)
        self.resize(620, 560)
        self.refresh()
        self.username.setFocus()  # typing goes into the new user's name at once
        QWidget.setTabOrder(self.username, self.display_name)

    def _check_password(self) -> None:
        """As the password is typed: the rule it breaks, or the rules in plain grey."""
        typed = self.password.text()
        problem = password_problem(typed, self.username.text().strip()) if typed else None
        self.rules.setText(self.tr("{rules} Now: {problem}.").format(
            rules=message(PASSWORD_RULES), problem=message(problem))
            if problem else message(PASSWORD_RULES))
        self.rules.setStyleSheet("color: #b00020;" if problem else "color: #555555;")

    def refresh(self) -> None:
        users = self.accounts.users()
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            cells = (u.username, u.display_name, catalogue(ROLE_LABELS[Role(u.role)]),
                     self.tr("yes") if u.active else self.tr("no"), str(u.failed_attempts))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #0b6e2e;")
        self.message.setText(text)

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        if item is None:
            self._say(self.tr("Select a user first."), error=True)
            return None
        return item.text()

    def add_user(self) -> None:
        if self.password.text() != self.repeat.text():
            self._say(self.tr("The two passwords differ."), error=True)
            return
        result = self.accounts.create_user(self.session, self.username.text(),
                                           self.display_name.text(), self.role.currentData(),
                                           self.password.text())
        self._say(message(result.message), error=not result.ok)
        if not result.ok:
            return
        for w in (self.username, self.display_name, self.password, self.repeat):
            w.clear()
        self.role.setCurrentIndex(0)
        self.refresh()
        self.username.setFocus()  # ready for the next user

    def toggle_selected(self) -> None:
        username = self._selected()
        if username is None:
            return
        account = next(u for u in self.accounts.users() if u.username == username)
        reason = self.prompts.reason(
            self.tr("Deactivate user") if account.active else self.tr("Reactivate user"),
            (self.tr("Why deactivate {user}?") if account.active
             else self.tr("Why reactivate {user}?")).format(user=username))
        if reason is None:
            return
        result = self.accounts.set_active(self.session, username, not account.active, reason)
        self._say(message(result.message), error=not result.ok)
        if not result.ok:
            return
        self.refresh()

    def reset_selected(self) -> None:
        username = self._selected()
        if username is None:
            return
        password = self.prompts.password(self.tr("New password"),
                                         self.tr("New password for {user}.").format(user=username)
                                         + " " + message(PASSWORD_RULES))
        if password is None:
            return
        result = self.accounts.reset_password(self.session, username, password,
                                              "password reset")
        self._say(message(result.message), error=not result.ok)
        if not result.ok:
            return
        self.refresh()
