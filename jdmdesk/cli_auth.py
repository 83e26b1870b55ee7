"""Credentials for the command line: from ``JDMDESK_USER`` and ``JDMDESK_PASSWORD`` (scripts),
else asked in the terminal (the password without echo). A command logs in exactly like the
window: the attempt is audited, failures count towards the lockout, and the role decides.

An encrypted study is unlocked first: the password must unwrap the account's copy of the study
key in the key file beside the study. When the key file is gone the recovery key opens it
(``JDMDESK_RECOVERY_KEY``, or asked in the terminal) and the key file is written again."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from jdmdesk.crypto.keyfile import KeyFileError
from jdmdesk.crypto.keys import WrongKey
from jdmdesk.crypto.recovery import RecoveryKeyError
from jdmdesk.db import keyring, keystore
from jdmdesk.db.backup.restore_copy import is_plain_copy
from jdmdesk.db.connection import checkpoint, looks_encrypted
from jdmdesk.db.lock import OpenedStudy, open_locked, os_user
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Action, Credentials, Session
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.services.guard import refusal

USER_VARIABLE = "JDMDESK_USER"
PASSWORD_VARIABLE = "JDMDESK_PASSWORD"
RECOVERY_VARIABLE = "JDMDESK_RECOVERY_KEY"


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


def read_recovery_key(reason: str) -> str:
    text = os.environ.get(RECOVERY_VARIABLE, "").strip()
    if text:
        return text
    if not sys.stdin.isatty():
        raise LoginRefused(f"{reason}: set {RECOVERY_VARIABLE} to the study's recovery key, or "
                           "run the command in a terminal to be asked")
    try:
        return getpass.getpass(f"{reason}. Recovery key: ")
    except EOFError:
        raise LoginRefused("no recovery key given") from None


NEW_PASSWORD_VARIABLE = "JDMDESK_NEW_PASSWORD"


def read_new_password(username: str) -> str:
    password = os.environ.get(NEW_PASSWORD_VARIABLE)
    if password:
        return password
    if not sys.stdin.isatty():
        raise LoginRefused(f"set {NEW_PASSWORD_VARIABLE}, or run the command in a terminal to "
                           "be asked")
    try:
        first = getpass.getpass(f"New password for {username}: ")
        again = getpass.getpass("The same password again: ")
    except EOFError:
        raise LoginRefused("no password given") from None
    if first != again:
        raise LoginRefused("the two passwords differ: nothing was changed")
    return first


def open_with_recovery_key(study_path: Path) -> OpenedStudy:
    """The study opened for editing (as its one writer) with its recovery key alone; its key
    file is rebuilt. LoginRefused when another instance has it open."""
    path = Path(study_path)
    if not looks_encrypted(path):
        raise LoginRefused(f"{path} is not an encrypted study: nothing to recover")
    try:
        keystore.unlock_with_recovery(path, read_recovery_key("every password lost"))
    except RecoveryKeyError as err:
        raise LoginRefused(f"recovery key refused: {err}") from None
    except WrongKey:
        raise LoginRefused("recovery key refused: it does not open this study") from None
    opened = open_locked(path, user=os_user())
    study = opened.study
    if study.read_only:
        opened.close()
        raise LoginRefused(" ".join(opened.notices) or f"{path} cannot be opened for editing")
    if study.key is not None:
        keystore.remember_study(study.db, path, study.key)
        keystore.rebuild_key_file(study.db, path)
    return opened


def unlock(study_path: Path, given: Credentials | None
           ) -> tuple[bool, keystore.PasswordOpened | None]:
    """Learn the key of an encrypted study: (opened with the recovery key — its key file is
    then written again —, the proof of ``given``'s password when its copy of the key opened
    the study, so the login needs no second Argon2id run). Nothing to do for a plain file."""
    path = Path(study_path)
    if not looks_encrypted(path):
        return False, None
    if keyring.key_file_path(path).exists() and given is not None:
        try:
            return False, keystore.open_with_password(path, given.username, given.password)
        except WrongKey:
            raise LoginRefused("login refused: unknown user name or wrong password") from None
        except KeyFileError as err:
            reason = f"the key file is unusable ({err})"
    else:
        if not os.environ.get(RECOVERY_VARIABLE, "").strip() and not sys.stdin.isatty():
            return False, None  # opening names the problem (not a study, or no key file)
        reason = f"the key file {keyring.key_file_path(path).name} is missing"
    try:
        keystore.unlock_with_recovery(path, read_recovery_key(reason.rstrip(".")))
    except RecoveryKeyError as err:
        raise LoginRefused(f"recovery key refused: {err}") from None
    except WrongKey:
        raise LoginRefused("recovery key refused: it does not open this study") from None
    return True, None


def log_in(study_path: Path, action: Action, *, record: bool = True,
           given: Credentials | None = None) -> Session:
    """A session on ``study_path`` whose role may do ``action``, or LoginRefused.

    ``record=False`` checks the password without writing to the file (used on backup files).
    ``given``: credentials already read (else read here).
    """
    path = Path(study_path)
    if is_plain_copy(path):
        return _log_in_copy(path, action)
    needs_key = looks_encrypted(path)
    if given is None and needs_key and keyring.key_file_path(path).exists():
        given = read_credentials()
    recovered, opened = unlock(path, given) if needs_key else (False, None)
    study = open_study(path, read_only=True)
    try:
        if study.key is not None:
            keystore.remember_study(study.db, path, study.key)
            if recovered and record:
                keystore.rebuild_key_file(study.db, path)
        accounts = AccountService(study, record=record)
        if not accounts.has_accounts():
            raise LoginRefused(f"{study_path} has no users yet: open it in JDM Desk to create "
                               "its first data manager")
        given = given or read_credentials()
        try:
            session = accounts.login(given.username, given.password, opened=opened)
        except AccountError as err:
            raise LoginRefused(f"login refused: {err}") from None
        refused = refusal(study, session, action)
        if refused is not None:
            raise LoginRefused(refused.message)
        return session
    finally:
        study.close()
        if record:
            checkpoint(path, study.key)  # the login row into the file itself, not only the -wal


def _log_in_copy(path: Path, action: Action) -> Session:
    """A session on a plain copy (``backup --plain``), which is never written: the password
    must open the account's own wrapped copy of the study key inside it (its password hash,
    which anyone can replace in a plain file, is not trusted), and for anything beyond reading
    the account's row must still verify, so a role promoted in the copy does not count."""
    from jdmdesk.db import accounts as account_rows
    from jdmdesk.domain.access import Role

    given = read_credentials()
    try:
        keystore.unlock_copy(path, given.username, given.password)
    except WrongKey:
        raise LoginRefused("login refused: unknown user name or wrong password") from None
    except KeyFileError as err:
        raise LoginRefused(f"{path}: the keys inside this plain copy are unusable ({err})") \
            from None
    study = open_study(path, read_only=True)
    try:
        account = account_rows.by_username(study.db, given.username.strip())
        if account is None or not account.active:
            raise LoginRefused("login refused: unknown user name or wrong password")
        session = Session(account.username, account.display_name, Role(account.role))
        if action is not Action.READ and not account_rows.verifies(study.db, account.id):
            raise LoginRefused(
                f"refused: the account row of {account.username} in {path.name} was changed "
                "outside JDM Desk (it does not verify), so its role cannot be trusted")
        refused = refusal(study, session, action)
        if refused is not None:
            raise LoginRefused(refused.message)
        return session
    finally:
        study.close()
