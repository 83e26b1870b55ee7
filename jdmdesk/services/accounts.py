"""Accounts and logins: Argon2id hashes (at or above OWASP's minimum), lockout with back-off,
every attempt audited. Passwords are never stored, logged or audited in clear.

Authentication (``login``, ``create_first_user``, ``confirm_password``) gives a Session or raises
AccountError; managing accounts returns a ServiceResult like every other service call.

In an encrypted study each account also holds its own copy of the study key, wrapped by its
password with Argon2id at the hasher's cost: adding an account or setting a new password
re-wraps that copy, deactivating removes it (jdmdesk.db.keystore)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from jdmdesk.crypto.keyfile import KeyFileError
from jdmdesk.crypto.keys import KdfParams
from jdmdesk.db import accounts, keystore
from jdmdesk.db.accounts import Account
from jdmdesk.db.connection import Study, account_transaction, write_transaction
from jdmdesk.domain.access import (
    Action,
    Role,
    Session,
    account_name_problem,
    backoff_seconds,
    password_problem,
    unknown_user_label,
)
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.texts import Message, text_of
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status, commit

# RFC 9106's second recommended option (t=3, 64 MiB, four lanes; OWASP's minimum is 19 MiB,
# t=2, p=1). The lanes run in threads: 133 ms against 207 ms with one lane on a 2-core machine
# (issue 19), at the same memory and passes, so a guess costs an attacker the same.
HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4, hash_len=32,
                        salt_len=16)


class AccountError(ValueError):
    """A message fit to show beside the login or account form."""


class AccountService:
    def __init__(self, study: Study, clock: Clock = SYSTEM_CLOCK,
                 hasher: PasswordHasher = HASHER,
                 ready: Callable[[], None] | None = None, record: bool = True) -> None:
        """``ready`` is called before the first write (the window passes the wait for its
        integrity check, so a damaged file is refused before a login is recorded in it).
        ``record=False`` checks passwords without writing (a backup file is never changed)."""
        self.study, self.clock, self.hasher = study, clock, hasher
        self._ready = ready
        self.record = record
        self._pending: list[Callable[[], None]] = []
        # the copies of the study key are wrapped at the cost of the password hashes
        self.kdf = KdfParams(hasher.time_cost, hasher.memory_cost, hasher.parallelism)

    def _wrap_copy(self, db: Database, username: str, password: str) -> None:
        if self.study.key is not None:
            keystore.put_user_copy(db, self.study.path, self.study.key, username, password,
                                   self.kdf)

    def _commit(self, write: Callable[[Database], ServiceResult]) -> ServiceResult:
        try:
            return commit(self.study, write)
        except (OSError, KeyFileError) as err:
            return ServiceResult.failed(Message(
                "The key file beside the study could not be written ({error}): nothing was "
                "changed.", error=text_of(err)))

    def _wait_ready(self) -> None:
        if self._ready is not None:
            self._ready()
            self._ready = None

    def has_accounts(self) -> bool:
        return accounts.count(self.study.db) > 0

    def users(self) -> list[Account]:
        return accounts.list_accounts(self.study.db)

    def create_first_user(self, username: str, display_name: str, password: str) -> Session:
        """The study's first account, a data manager, logged in; AccountError once any account
        exists or when the name or password cannot be used."""
        if self.has_accounts():
            raise AccountError(Message("this study already has users: log in as one of them"))
        problem = self._new_account_problem(username, display_name, password)
        if problem is not None:
            raise AccountError(problem)
        digest = self.hasher.hash(password)
        self._wait_ready()
        with write_transaction(self.study.db) as db:
            accounts.insert(db, "setup", username.strip(), display_name.strip(),
                            Role.DATA_MANAGER.value, digest)
            self._wrap_copy(db, username, password)
        return self.login(username, password)

    def create_user(self, session: Session, username: str, display_name: str,
                    role: Role | str, password: str) -> ServiceResult:
        """A data manager adds an account; INVALID saying why a name or password is refused."""
        if (refused := refusal(self.study, session, Action.MANAGE_USERS)) is not None:
            return refused
        problem = self._new_account_problem(username, display_name, password)
        if problem is not None:
            return ServiceResult(Status.INVALID, message=Message(
                "{problem_capitalized}: not added.", problem=problem))
        username, display_name = username.strip(), display_name.strip()
        digest = self.hasher.hash(password)
        self._wait_ready()

        def write(db: Database) -> ServiceResult:
            new_id = accounts.insert(db, session.username, username, display_name,
                                     Role(role).value, digest)
            self._wrap_copy(db, username, password)
            return ServiceResult(Status.SAVED, (new_id,), message=Message(
                "User {username} added.", username=username))

        return self._commit(write)

    def _new_account_problem(self, username: str, display_name: str,
                             password: str) -> str | None:
        username, display_name = username.strip(), display_name.strip()
        if (problem := account_name_problem(username, display_name)) is not None:
            return problem
        problem = password_problem(password, username)
        if problem:
            return problem
        if accounts.by_username(self.study.db, username) is not None:
            return Message("this user name is taken")
        return None

    def set_active(self, session: Session, username: str, active: bool,
                   reason: str) -> ServiceResult:
        """A data manager deactivates (or reactivates) an account, with a reason."""
        if (refused := refusal(self.study, session, Action.MANAGE_USERS)) is not None:
            return refused
        account = accounts.by_username(self.study.db, username) if _is_text(username) else None
        if account is None:
            return _no_such_user(username)
        if not reason.strip():
            return ServiceResult(Status.NEEDS_REASON, message=Message("A reason is needed."))
        if not active and account.username.lower() == session.username.lower():
            return ServiceResult(Status.INVALID,
                                 message=Message("You cannot deactivate your own account."))

        def write(db: Database) -> ServiceResult:
            accounts.set_active(db, session.username, account, active, reason.strip())
            if not active and self.study.key is not None:
                keystore.remove_user_copy(db, self.study.path, account.username)
            name = account.username
            done = (Message("{username} deactivated.", username=name) if not active
                    else Message("{username} reactivated: set a new password for them to open "
                                 "the study again.", username=name)
                    if self.study.key is not None
                    else Message("{username} reactivated.", username=name))
            return ServiceResult(Status.SAVED, message=done)

        return self._commit(write)

    def reset_password(self, session: Session, username: str, password: str,
                       reason: str) -> ServiceResult:
        """A data manager sets a new password (the user's lockout is cleared)."""
        if (refused := refusal(self.study, session, Action.MANAGE_USERS)) is not None:
            return refused
        account = accounts.by_username(self.study.db, username) if _is_text(username) else None
        if account is None:
            return _no_such_user(username)
        problem = password_problem(password, account.username)
        if problem:
            return ServiceResult(Status.INVALID,
                                 message=Message(
                "{problem_capitalized}: password not changed.", problem=problem))
        digest = self.hasher.hash(password)

        def write(db: Database) -> ServiceResult:
            accounts.set_password(db, session.username, account, digest,
                                  reason.strip() or "password reset")
            self._wrap_copy(db, account.username, password)
            return ServiceResult(Status.SAVED, message=Message(
                "New password set for {username}; their lockout is cleared.",
                username=account.username))

        return self._commit(write)

    def reset_with_recovery_key(self, username: str, password: str) -> ServiceResult:
        """Every password lost: the study was opened with its recovery key (nobody is logged
        in), and an active data manager's account gets a new password and its own copy of the
        study key, audited as done with the recovery key."""
        account = accounts.by_username(self.study.db, username)
        if account is None or not account.active or account.role != Role.DATA_MANAGER.value:
            return ServiceResult(Status.INVALID, message=Message(
                "No active data manager {username} in this study.", username=repr(username)))
        if self.study.read_only or self.study.key is None:
            return ServiceResult.refused(Message("The study must be open for editing, with its "
                                                 "recovery key."))
        problem = password_problem(password, account.username)
        if problem:
            return ServiceResult(Status.INVALID,
                                 message=Message(
                "{problem_capitalized}: password not changed.", problem=problem))
        digest = self.hasher.hash(password)

        def write(db: Database) -> ServiceResult:
            accounts.set_password(db, "recovery-key", account, digest,
                                  "password reset with the recovery key")
            self._wrap_copy(db, account.username, password)
            return ServiceResult(Status.SAVED, message=Message("New password set for {username}.",
                                                         username=account.username))

        return self._commit(write)

    def login(self, username: str, password: str, *, defer_record: bool = False,
              opened: keystore.PasswordOpened | None = None) -> Session:
        """A session, or AccountError saying why not (wrong password, wait N s, inactive).

        With ``defer_record`` a successful login is written by ``record_pending()`` (the window
        opens while its integrity check runs, and records the login once that check passed);
        failures are always recorded at once. ``opened``: this password has just opened the
        account's copy of the study key (the unlock before the file was opened); that is the
        password check, so a login costs one Argon2id run, not two. Lockout, activity and the
        recording are as for any login.
        """
        checked = opened is not None and opened.proves(username, self.study.key)
        return self._authenticate(username, password, "login", defer_record, checked=checked)

    def record_refused(self, username: str) -> None:
        """A login refused before the study could be opened (its password did not unwrap a
        copy of the study key): recorded now, counting towards that account's lockout."""
        account = accounts.by_username(self.study.db, username) if _is_text(username) else None
        if account is None or not account.active:
            self._record_unknown(username, account)
            return
        failed = account.failed_attempts + 1
        wait = backoff_seconds(failed)
        until = (self.clock.now() + timedelta(seconds=wait)).isoformat() if wait else None
        with self._bookkeeping() as w:
            if w is not None:
                accounts.record_login(w, account, ok=False, failed_attempts=failed,
                                      locked_until=until, purpose="login")

    def record_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()

    def confirm_password(self, session: Session, password: str, purpose: str, *,
                         opened: keystore.PasswordOpened | None = None) -> None:
        """Re-entry of the logged-in user's password (signature, screen unlock): raises
        AccountError when wrong; failures count towards the lockout like failed logins.
        ``opened``: the password has just opened the account's copy of the study key (the
        signature's slot unwrap), which is the check, so the hash is not verified again."""
        checked = opened is not None and opened.proves(session.username, self.study.key)
        self._authenticate(session.username, password, purpose, checked=checked)

    @contextmanager
    def _bookkeeping(self) -> Iterator[Database | None]:
        if not self.record:
            yield None
            return
        self._wait_ready()
        with account_transaction(self.study) as db:
            yield db

    def _authenticate(self, username: str, password: str, purpose: str,
                      defer_record: bool = False, *, checked: bool = False) -> Session:
        db = self.study.db
        account = accounts.by_username(db, username) if _is_text(username) else None
        if account is None or not account.active:
            self._refuse_unknown(username, password, account)
        now = self.clock.now()
        if account.locked_until and datetime.fromisoformat(account.locked_until) > now:
            raise AccountError(_locked_message(account.locked_until, now))
        try:
            if not checked:
                self.hasher.verify(account.password_hash, _secret(password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            failed = account.failed_attempts + 1
            wait = backoff_seconds(failed)
            until = (now + timedelta(seconds=wait)).isoformat() if wait else None
            with self._bookkeeping() as w:
                if w is not None:
                    accounts.record_login(w, account, ok=False, failed_attempts=failed,
                                          locked_until=until, purpose=purpose)
            raise AccountError(_failed_message(wait)) from None
        # a hash of other parameters (an older or cheaper one) is upgraded on a successful
        # login, when the login is recorded (after the window is up when it is deferred), with
        # the account's copy of the study key; only by the session that holds the study for
        # writing (a read-only one leaves both for a later login)
        upgrade = (self.record and not self.study.read_only
                   and self.hasher.check_needs_rehash(account.password_hash))

        def record() -> None:
            rehash = self.hasher.hash(_secret(password)) if upgrade else None
            with self._bookkeeping() as w:
                if w is None:
                    return
                if rehash is not None and self.study.key is not None:
                    copied = keystore.upgrade_user_copy(w, self.study.path, account.username,
                                                        password, self.kdf)
                    if not copied:
                        rehash = None  # hash and copy are upgraded together, at a later login
                accounts.record_login(w, account, ok=True, failed_attempts=0,
                                      locked_until=None, new_hash=rehash, purpose=purpose)

        if defer_record:
            self._pending.append(record)
        else:
            record()
        return Session(account.username, account.display_name, Role(account.role))


    def _refuse_unknown(self, username: str, password: str, inactive: Account | None) -> NoReturn:
        """Answer a name that is no active account exactly like a known name with a wrong
        password: the same Argon2id work (a dummy hash of the same cost), failure counters and
        lockout per fingerprint of the name, the same messages. The audit trail records the
        fingerprint, never the name as typed (it may be a password typed in the wrong field);
        a deactivated account is recorded by its name."""
        now = self.clock.now()
        salt = accounts.fingerprint_salt(self.study.db)
        _, until = (0, None) if salt is None else accounts.unknown_attempts(
            self.study.db, unknown_user_label(salt, username))
        if until and datetime.fromisoformat(until) > now:
            raise AccountError(_locked_message(until, now))
        with suppress(VerificationError, InvalidHashError):
            self.hasher.verify(_dummy_hash(self.hasher), _secret(password))
        raise AccountError(_failed_message(self._record_unknown(username, inactive)))

    def _record_unknown(self, username: str, inactive: Account | None) -> int:
        """Count (per fingerprint) and audit a failed attempt under a name that is no active
        account; returns the wait it now imposes, in seconds."""
        salt = accounts.fingerprint_salt(self.study.db)
        failed, _ = (0, None) if salt is None else accounts.unknown_attempts(
            self.study.db, unknown_user_label(salt, username))
        failed += 1
        wait = backoff_seconds(failed)
        until = (self.clock.now() + timedelta(seconds=wait)).isoformat() if wait else None
        with self._bookkeeping() as w:
            if w is not None:
                label = unknown_user_label(accounts.ensure_fingerprint_salt(w), username)
                accounts.record_unknown_login(
                    w, label, failed_attempts=failed, locked_until=until,
                    actor=None if inactive is None else inactive.username,
                    why="unknown user name" if inactive is None else "inactive account")
        return wait


def _locked_message(locked_until: str, now: datetime) -> str:
    wait = int((datetime.fromisoformat(locked_until) - now).total_seconds()) + 1
    return Message("too many failed attempts: try again in {wait} s", wait=wait)


def _failed_message(wait: int) -> str:
    """A failed attempt's answer, whether the name is an account or not."""
    if wait:
        return Message("too many failed attempts: try again in {wait} s", wait=wait)
    return Message("unknown user name or wrong password")


def _is_text(text: str) -> bool:
    """Whether ``text`` can be stored and looked up (no unpaired surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _secret(password: str) -> bytes:
    """A password as the hasher takes it; an unpaired surrogate (an undecodable byte from a
    terminal or an environment variable) can never match but is no traceback."""
    return password.encode("utf-8", "surrogatepass")


# One verification for a name that is no account costs what a real one costs: a hash of the
# same parameters. The app's hasher has its dummy made once (here); other hashers on first use.
_DUMMY_HASHES = {(3, 65536, 1, 32, 16): "$argon2id$v=19$m=65536,t=3,p=1$LcdyZH9G944lUoJv4GsD6A"
                                        "$vXc1ZFI1s8watRK5iSU+zculURTWZuGDZGVsLvapEpA"}


def _dummy_hash(hasher: PasswordHasher) -> str:
    key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len,
           hasher.salt_len)
    if key not in _DUMMY_HASHES:
        _DUMMY_HASHES[key] = hasher.hash(secrets.token_urlsafe(24))
    return _DUMMY_HASHES[key]


def _no_such_user(username: str) -> ServiceResult:
    return ServiceResult(Status.INVALID, message=Message("No user {username} in this study.",
                                                      username=repr(username)))
