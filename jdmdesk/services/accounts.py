"""Accounts and logins: Argon2id hashes (at or above OWASP's minimum), lockout with back-off,
every attempt audited. Passwords are never stored, logged or audited in clear."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlite_utils import Database

from jdmdesk.db import accounts
from jdmdesk.db.accounts import Account
from jdmdesk.db.connection import Study, account_transaction, write_transaction
from jdmdesk.domain.access import (
    Action,
    Role,
    Session,
    account_name_problem,
    backoff_seconds,
    password_problem,
)
from jdmdesk.services.guard import denial

# OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1. We use more.
HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=1, hash_len=32,
                        salt_len=16)


class AccountError(ValueError):
    """A message fit to show beside the login or account form."""


def _now() -> datetime:
    return datetime.now(UTC)


class AccountService:
    def __init__(self, study: Study, clock: Callable[[], datetime] = _now,
                 hasher: PasswordHasher = HASHER,
                 ready: Callable[[], None] | None = None, record: bool = True) -> None:
        """``ready`` is called before the first write (the window passes the wait for its
        integrity check, so a damaged file is refused before a login is recorded in it).
        ``record=False`` checks passwords without writing (a backup file is never changed)."""
        self.study, self.clock, self.hasher = study, clock, hasher
        self._ready = ready
        self.record = record
        self._pending: list[Callable[[], None]] = []

    def _wait_ready(self) -> None:
        if self._ready is not None:
            self._ready()
            self._ready = None

    def has_accounts(self) -> bool:
        return accounts.count(self.study.db) > 0

    def users(self) -> list[Account]:
        return accounts.list_accounts(self.study.db)

    def create_first_user(self, username: str, display_name: str, password: str) -> Session:
        """The study's first account, a data manager; refused once any account exists."""
        if self.has_accounts():
            raise AccountError("this study already has users: log in as one of them")
        self._create("setup", username, display_name, Role.DATA_MANAGER, password)
        return self.login(username, password)

    def create_user(self, session: Session, username: str, display_name: str,
                    role: Role | str, password: str) -> str:
        self._require(session, Action.MANAGE_USERS)
        return self._create(session.username, username, display_name, role, password)

    def _create(self, actor: str, username: str, display_name: str, role: Role | str,
                password: str) -> str:
        username, display_name = username.strip(), display_name.strip()
        if (problem := account_name_problem(username, display_name)) is not None:
            raise AccountError(problem)
        problem = password_problem(password, username)
        if problem:
            raise AccountError(problem)
        if accounts.by_username(self.study.db, username) is not None:
            raise AccountError("this user name is taken")
        digest = self.hasher.hash(password)
        self._wait_ready()
        with write_transaction(self.study.db) as db:
            return accounts.insert(db, actor, username, display_name, Role(role).value, digest)

    def set_active(self, session: Session, username: str, active: bool, reason: str) -> None:
        self._require(session, Action.MANAGE_USERS)
        account = self._account(username)
        if not reason.strip():
            raise AccountError("a reason is needed")
        if not active and account.username.lower() == session.username.lower():
            raise AccountError("you cannot deactivate your own account")
        with write_transaction(self.study.db) as db:
            accounts.set_active(db, session.username, account, active, reason.strip())

    def reset_password(self, session: Session, username: str, password: str,
                       reason: str) -> None:
        """A data manager sets a new password (the user's lockout is cleared)."""
        self._require(session, Action.MANAGE_USERS)
        account = self._account(username)
        problem = password_problem(password, account.username)
        if problem:
            raise AccountError(problem)
        digest = self.hasher.hash(password)
        with write_transaction(self.study.db) as db:
            accounts.set_password(db, session.username, account, digest,
                                  reason.strip() or "password reset")

    def _account(self, username: str) -> Account:
        account = accounts.by_username(self.study.db, username)
        if account is None:
            raise AccountError(f"no user {username!r} in this study")
        return account

    def _require(self, session: Session, action: Action) -> None:
        problem = denial(self.study, session, action)
        if problem:
            raise AccountError(problem)

    def login(self, username: str, password: str, *, defer_record: bool = False) -> Session:
        """A session, or AccountError saying why not (wrong password, wait N s, inactive).

        With ``defer_record`` a successful login is written by ``record_pending()`` (the window
        opens while its integrity check runs, and records the login once that check passed);
        failures are always recorded at once.
        """
        return self._authenticate(username, password, "login", defer_record)

    def record_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()

    def confirm_password(self, session: Session, password: str, purpose: str) -> None:
        """Re-entry of the logged-in user's password (signature, screen unlock): raises
        AccountError when wrong; failures count towards the lockout like failed logins."""
        self._authenticate(session.username, password, purpose)

    @contextmanager
    def _bookkeeping(self) -> Iterator[Database | None]:
        if not self.record:
            yield None
            return
        self._wait_ready()
        with account_transaction(self.study) as db:
            yield db

    def _authenticate(self, username: str, password: str, purpose: str,
                      defer_record: bool = False) -> Session:
        db = self.study.db
        account = accounts.by_username(db, username)
        if account is None or not account.active:
            with self._bookkeeping() as w:
                if w is not None:
                    accounts.record_unknown_login(w, username)
            raise AccountError("unknown user name or wrong password")
        now = self.clock()
        if account.locked_until and datetime.fromisoformat(account.locked_until) > now:
            wait = int((datetime.fromisoformat(account.locked_until) - now).total_seconds()) + 1
            raise AccountError(f"too many failed attempts: try again in {wait} s")
        try:
            self.hasher.verify(account.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            failed = account.failed_attempts + 1
            wait = backoff_seconds(failed)
            until = (now + timedelta(seconds=wait)).isoformat() if wait else None
            with self._bookkeeping() as w:
                if w is not None:
                    accounts.record_login(w, account, ok=False, failed_attempts=failed,
                                          locked_until=until, purpose=purpose)
            if wait:
                raise AccountError(f"too many failed attempts: try again in {wait} s") from None
            raise AccountError("unknown user name or wrong password") from None
        rehash = self.hasher.hash(password) if self.hasher.check_needs_rehash(
            account.password_hash) else None

        def record() -> None:
            with self._bookkeeping() as w:
                if w is not None:
                    accounts.record_login(w, account, ok=True, failed_attempts=0,
                                          locked_until=None, new_hash=rehash, purpose=purpose)

        if defer_record:
            self._pending.append(record)
        else:
            record()
        return Session(account.username, account.display_name, Role(account.role))
