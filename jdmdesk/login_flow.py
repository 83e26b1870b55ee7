"""Before the study is opened: its key learnt from the password typed (or from the recovery
key), then the login checked against the opened study.

One Argon2id run per login: the account's copy of the study key, opened by the password
(AES-GCM authenticates it), is that password's check (``keystore.PasswordOpened``). Lockout,
refusals and the audit are the account service's, as for any login.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jdmdesk.crypto.keyfile import KeyFileError
from jdmdesk.crypto.keys import WrongKey
from jdmdesk.crypto.recovery import RecoveryKeyError
from jdmdesk.db import keyring, keystore
from jdmdesk.db.connection import looks_encrypted
from jdmdesk.db.keystore import MissingKeyFile
from jdmdesk.domain.access import Credentials, Session
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP, Message, text_of
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.ui.i18n import error_message, translate


class LoginCancelled(Exception):
    """The user closed the login dialog: nothing was opened."""


# Asks for credentials: (the study has no users yet, the previous attempt's error) → None to stop
AskCredentials = Callable[[bool, str | None], Credentials | None]
# Asks for the recovery key: (why it is needed, the previous attempt's error) → None to stop
AskRecovery = Callable[[str, str | None], str | None]


@dataclass
class Unlocked:
    """What unlocking an encrypted study gave: the credentials that opened it (None when the
    study is plain, new, or opened with the recovery key), the refused names to record, and
    whether the key file must be written again from the study's mirror."""

    credentials: Credentials | None
    refused: list[str]
    rebuild_key_file: bool = False
    opened: keystore.PasswordOpened | None = None  # the password check, done by the unwrap


def unlock(path: Path, credentials: Credentials | None, ask: AskCredentials | None,
           ask_recovery: AskRecovery | None) -> Unlocked:
    """Learn the study key before the file is opened: from the first credentials whose
    password unwraps that account's copy (asking again after a refusal), or from the recovery
    key when the key file is gone. A plain (pre-encryption) file needs no key."""
    if not looks_encrypted(path):
        return Unlocked(credentials, [])
    refused: list[str] = []
    if keystore.has_user_copies(path) or not keyring.key_file_path(path).exists():
        error: str | None = None
        while True:
            given = credentials if credentials is not None and error is None else None
            if given is None and not keyring.key_file_path(path).exists():
                return _recover(path, ask_recovery, refused)
            if given is None:
                if ask is None:
                    raise AccountError(error or Message("credentials are needed to open this "
                                                        "study"))
                given = ask(False, error)
                if given is None:
                    raise LoginCancelled
            try:
                opened = keystore.open_with_password(path, given.username, given.password)
                return Unlocked(given, refused, opened=opened)
            except WrongKey:
                refused.append(given.username)
                error = translate("app", QT_TRANSLATE_NOOP(
                    "app", "unknown user name or wrong password"))
            except (MissingKeyFile, KeyFileError) as err:
                if ask_recovery is None:
                    raise AccountError(text_of(err)) from None
                return _recover(path, ask_recovery, refused)
    if keyring.key_for(path) is None:  # no account yet, and not made by this process
        return _recover(path, ask_recovery, refused)
    return Unlocked(credentials, refused)


def _recover(path: Path, ask_recovery: AskRecovery | None, refused: list[str]) -> Unlocked:
    missing = not keystore.has_user_copies(path)
    if ask_recovery is None:
        raise AccountError(Message("the key file {file} is missing or damaged: open the study "
                                   "with its recovery key", file=keyring.key_file_path(path).name)
                           if missing else Message("no password opened the study: open it "
                                                   "with its recovery key"))
    reason = (translate("app", QT_TRANSLATE_NOOP(
        "app", "The key file {file} is missing or damaged")).format(
        file=keyring.key_file_path(path).name) if missing
        else translate("app", QT_TRANSLATE_NOOP("app", "No password opened the study")))
    error: str | None = None
    while True:
        text = ask_recovery(reason, error)
        if text is None:
            raise LoginCancelled
        try:
            keystore.unlock_with_recovery(path, text)
            return Unlocked(None, refused, rebuild_key_file=True)
        except RecoveryKeyError as err:
            error = error_message(err)
        except WrongKey:
            error = translate("app", QT_TRANSLATE_NOOP(
                "app", "This recovery key does not open this study."))


def log_in(accounts: AccountService, credentials: Credentials | None,
           ask: AskCredentials | None, *, read_only: bool,
           opened: keystore.PasswordOpened | None = None) -> Session:
    """A verified session: from ``credentials``, or by asking until a login succeeds.

    A study without users (new, or made before access control) takes the first credentials as
    its first data manager. ``opened``: the first credentials' password already opened their
    account's copy of the study key (their password check; credentials asked for later are
    checked by their hash).
    """
    error: str | None = None
    while True:
        first = not accounts.has_accounts()
        if first and read_only:
            raise AccountError(Message("this study has no users yet: open it for editing to "
                                       "create the first data manager"))
        given = credentials if credentials is not None and error is None else None
        if given is None:
            if ask is None:
                raise AccountError(error or Message("credentials are needed to open this study"))
            given = ask(first, error)
            if given is None:
                raise LoginCancelled
        try:
            if first:
                return accounts.create_first_user(given.username,
                                                  given.display_name or given.username,
                                                  given.password)
            return accounts.login(given.username, given.password, defer_record=True,
                                  opened=opened if given is credentials else None)
        except AccountError as err:
            error = error_message(err)
