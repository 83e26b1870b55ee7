"""Accounts and logins: Argon2id hashes (at or above OWASP's minimum), lockout with back-off,
every attempt audited. Passwords are never stored, logged or audited in clear."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from jdmdesk.db import accounts
from jdmdesk.db.connection import Study, write_transaction
from jdmdesk.domain.access import Role, backoff_seconds, password_problem

# OWASP Password Storage Cheat Sheet minimum for Argon2id: m=19 MiB, t=2, p=1. We use more.
HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=1, hash_len=32,
                        salt_len=16)


class AccountError(ValueError):
    """A message fit to show beside the login or account form."""


@dataclass(frozen=True)
class Session:
    username: str
    display_name: str
    role: Role


def _now() -> datetime:
    return datetime.now(UTC)


class AccountService:
    def __init__(self, study: Study, clock: Callable[[], datetime] = _now,
                 hasher: PasswordHasher = HASHER) -> None:
        self.study, self.clock, self.hasher = study, clock, hasher

    def has_accounts(self) -> bool:
        return accounts.count(self.study.db) > 0

    def create_user(self, actor: str, username: str, display_name: str, role: Role | str,
                    password: str) -> str:
        problem = password_problem(password, username)
        if problem:
            raise AccountError(problem)
        if accounts.by_username(self.study.db, username) is not None:
            raise AccountError("this user name is taken")
        digest = self.hasher.hash(password)
        with write_transaction(self.study.db) as db:
            return accounts.insert(db, actor, username.strip(), display_name.strip(),
                                   Role(role).value, digest)

    def login(self, username: str, password: str) -> Session:
        """A session, or AccountError saying why not (wrong password, wait N s, inactive)."""
        db = self.study.db
        account = accounts.by_username(db, username)
        if account is None or not account.active:
            with write_transaction(db):
                accounts.record_unknown_login(db, username)
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
            with write_transaction(db):
                accounts.record_login(db, account, ok=False, failed_attempts=failed,
                                      locked_until=until)
            if wait:
                raise AccountError(f"too many failed attempts: try again in {wait} s") from None
            raise AccountError("unknown user name or wrong password") from None
        rehash = self.hasher.hash(password) if self.hasher.check_needs_rehash(
            account.password_hash) else None
        with write_transaction(db):
            accounts.record_login(db, account, ok=True, failed_attempts=0, locked_until=None,
                                  new_hash=rehash)
        return Session(account.username, account.display_name, Role(account.role))
