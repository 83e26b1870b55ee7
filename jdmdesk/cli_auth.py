"""Credentials for the command line: from ``JDMDESK_USER`` and ``JDMDESK_PASSWORD`` (scripts),
else asked in the terminal (the password without echo). A command logs in exactly like the
window: the attempt is audited, failures count towards the lockout, and the role decides."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from jdmdesk.db.connection import checkpoint
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Action, Credentials, Session
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.services.guard import refusal

USER_VARIABLE = "JDMDESK_USER"
PASSWORD_VARIABLE = "JDMDESK_PASSWORD"


class LoginRefused(Exception):
    """Why a command may not run: one line for stderr."""


def _text(value: str, what: str) -> str:
    """``value`` when it is valid text; an undecodable byte (a variable or terminal in another
    encoding) arrives as an unpaired surrogate and is refused, naming ``what``."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LoginRefused(f"{what} is not valid text (it must be UTF-8)") from None
    return value


def read_credentials() -> Credentials:
    user = _text(os.environ.get(USER_VARIABLE, ""), f"the user name in {USER_VARIABLE}").strip()
    password = os.environ.get(PASSWORD_VARIABLE)
    if user and password:
        return Credentials(user, _text(password, f"the password in {PASSWORD_VARIABLE}"))
    if not sys.stdin.isatty():
        raise LoginRefused(f"this command needs a study user: set {USER_VARIABLE} and "
                           f"{PASSWORD_VARIABLE}, or run it in a terminal to be asked")
    try:
        user = user or input("JDM Desk user name: ").strip()
        password = getpass.getpass("Password: ")
    except EOFError:
        raise LoginRefused("no credentials given") from None
    return Credentials(_text(user, "the user name"), _text(password, "the password"))


def log_in(study_path: Path, action: Action, *, record: bool = True) -> Session:
    """A session on ``study_path`` whose role may do ``action``, or LoginRefused.

    ``record=False`` checks the password without writing to the file (used on backup files).
    """
    study = open_study(Path(study_path), read_only=True)
    try:
        accounts = AccountService(study, record=record)
        if not accounts.has_accounts():
            raise LoginRefused(f"{study_path} has no users yet: open it in JDM Desk to create "
                               "its first data manager")
        given = read_credentials()
        try:
            session = accounts.login(given.username, given.password)
        except AccountError as err:
            raise LoginRefused(f"login refused: {err}") from None
        refused = refusal(study, session, action)
        if refused is not None:
            raise LoginRefused(refused.message)
        return session
    finally:
        study.close()
        if record:
            checkpoint(Path(study_path))  # the login row into the file itself, not only the -wal
