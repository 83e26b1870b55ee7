"""User accounts: rows of ``user_account``; hashing is done by the caller (services)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from jdmdesk.db import audit
from jdmdesk.db.audit import Change


@dataclass(frozen=True)
class Account:
    id: str
    username: str
    display_name: str
    role: str
    password_hash: str
    failed_attempts: int
    locked_until: str | None
    active: bool


_COLUMNS = ("id, username, display_name, role, password_hash, failed_attempts, locked_until, "
            "active")


def by_username(db: Database, username: str) -> Account | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM user_account WHERE username = ?",
                          (username,)).fetchone()
    return None if row is None else Account(*row[:7], bool(row[7]))


def active_role(db: Database, username: str) -> str | None:
    """The role of an active account, or None (unknown or deactivated): the services' guard."""
    row = db.conn.execute("SELECT role FROM user_account WHERE username = ? AND active = 1",
                          (username,)).fetchone()
    return None if row is None else str(row[0])


def list_accounts(db: Database) -> list[Account]:
    rows = db.conn.execute(f"SELECT {_COLUMNS} FROM user_account ORDER BY username COLLATE "
                           "NOCASE").fetchall()
    return [Account(*r[:7], bool(r[7])) for r in rows]


def count(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM user_account").fetchone()[0])


def insert(db: Database, actor: str, username: str, display_name: str, role: str,
           password_hash: str) -> str:
    """Inside the caller's transaction; the audit row never holds the hash."""
    now = audit.utc_now()
    account_id = str(uuid.uuid4())
    db.conn.execute(
        "INSERT INTO user_account (id, username, display_name, role, password_hash, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (account_id, username, display_name, role, password_hash, now, now))
    audit.append(db, actor, [Change("user", "user_account", account_id, "username", None,
                                    username, f"account created with role {role}")], at_utc=now)
    return account_id


def record_login(db: Database, account: Account, *, ok: bool, failed_attempts: int,
                 locked_until: str | None, new_hash: str | None = None,
                 purpose: str = "login") -> None:
    """Inside the caller's transaction: the attempt's outcome and its audit row."""
    now = audit.utc_now()
    db.conn.execute(
        "UPDATE user_account SET failed_attempts = ?, locked_until = ?, "
        "password_hash = coalesce(?, password_hash), updated_at = ? WHERE id = ?",
        (failed_attempts, locked_until, new_hash, now, account.id))
    audit.append(db, account.username, [Change(
        purpose if ok else f"{purpose}_failed", "user_account", account.id, None, None, None,
        None if ok else f"failed attempt {failed_attempts}")], at_utc=now)


def record_unknown_login(db: Database, username: str) -> None:
    audit.append(db, username[:64] or "?", [Change("login_failed", "user_account", None, None,
                                                   None, None, "unknown user name")])


def set_active(db: Database, actor: str, account: Account, active: bool, reason: str) -> None:
    """Inside the caller's transaction: deactivate (or reactivate) an account, audited."""
    now = audit.utc_now()
    db.conn.execute("UPDATE user_account SET active = ?, updated_at = ? WHERE id = ?",
                    (int(active), now, account.id))
    audit.append(db, actor, [Change("user", "user_account", account.id, "active",
                                    int(account.active), int(active), reason)], at_utc=now)


def set_password(db: Database, actor: str, account: Account, password_hash: str,
                 reason: str) -> None:
    """Inside the caller's transaction: a new hash and a cleared lockout; the audit row says
    that the password changed, never what it is."""
    now = audit.utc_now()
    db.conn.execute("UPDATE user_account SET password_hash = ?, failed_attempts = 0, "
                    "locked_until = NULL, updated_at = ? WHERE id = ?",
                    (password_hash, now, account.id))
    audit.append(db, actor, [Change("user", "user_account", account.id, "password", None,
                                    "(changed)", reason)], at_utc=now)
