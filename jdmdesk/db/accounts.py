"""User accounts: rows of ``user_account``; hashing is done by the caller (services).

Login and administration reads and the insert go through sqlite-utils (``rows_where``,
``count``, ``insert`` into the existing table); the guard's role read and the updates stay
plain SQL (the guard runs before every action; the updates use ``coalesce`` and need no
read-back).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from jdmdesk.db import audit, seals
from jdmdesk.db.audit import Change
from jdmdesk.db.ids import new_id
from jdmdesk.db.tables import existing_table


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


def _account(row: dict[str, Any]) -> Account:
    return Account(**{**row, "active": bool(row["active"])})


def by_username(db: Database, username: str) -> Account | None:
    rows = db.table("user_account").rows_where("username = ?", [username], select=_COLUMNS)
    row = next(rows, None)
    return None if row is None else _account(row)


def active_role(db: Database, username: str) -> str | None:
    """The role of an active account, or None (unknown or deactivated): the services' guard."""
    # plain SQL: the guard runs before every action (rows_where would read the catalogue too)
    row = db.conn.execute("SELECT role FROM user_account WHERE username = ? AND active = 1",
                          (username,)).fetchone()
    return None if row is None else str(row[0])


def list_accounts(db: Database) -> list[Account]:
    rows = db.table("user_account").rows_where(select=_COLUMNS,
                                               order_by="username COLLATE NOCASE")
    return [_account(r) for r in rows]


def count(db: Database) -> int:
    return db.table("user_account").count


def insert(db: Database, actor: str, username: str, display_name: str, role: str,
           password_hash: str) -> str:
    """Inside the caller's transaction; the audit row never holds the hash."""
    now = audit.utc_now()
    account_id = new_id()
    existing_table(db, "user_account").insert(
        {"id": account_id, "username": username, "display_name": display_name, "role": role,
         "password_hash": password_hash, "created_at": now, "updated_at": now}, alter=False)
    seal(db, account_id)
    audit.append(db, actor, [Change("user", "user_account", account_id, "username", None,
                                    username, f"account created with role {role}")], at_utc=now)
    return account_id


_SEALED = ", ".join(seals.ACCOUNT_SEALED)


def _row(db: Database, account_id: str) -> dict[str, Any] | None:
    cur = db.conn.execute(
        f"SELECT {_SEALED}, signing_key, row_mac FROM user_account WHERE id = ?", (account_id,))
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return None if row is None else dict(zip(names, row, strict=True))


def verifies(db: Database, account_id: str) -> bool:
    """Whether the row's MAC matches it now (always True in a plain study)."""
    keys = seals.of(db.conn)
    row = _row(db, account_id)
    return keys is None or (row is not None and row["row_mac"] == seals.account_mac(keys, row))


def seal(db: Database, account_id: str) -> None:
    """Inside the caller's transaction: the row's MAC after an app write (encrypted study).
    Callers seal only rows that verified before their write: an app write never makes a row
    changed outside JDM Desk look genuine."""
    keys = seals.of(db.conn)
    row = _row(db, account_id)
    if keys is not None and row is not None:
        db.conn.execute("UPDATE user_account SET row_mac = ? WHERE id = ?",
                        (seals.account_mac(keys, row), account_id))


def signing_key(db: Database, username: str) -> bytes | None:
    """The account's current Ed25519 public key (None: it has none yet)."""
    row = db.conn.execute("SELECT signing_key FROM user_account WHERE username = ?",
                          (username,)).fetchone()
    return None if row is None or row[0] is None else bytes.fromhex(str(row[0]))


def set_signing_key(db: Database, username: str, public_raw: bytes) -> None:
    """Inside the caller's transaction: the account's new public key, sealed with its row
    (only a row that verified before: an app write never blesses an outside change)."""
    found = db.conn.execute("SELECT id FROM user_account WHERE username = ?",
                            (username,)).fetchone()
    if found is None:
        return
    account_id = str(found[0])
    genuine = verifies(db, account_id)
    db.conn.execute("UPDATE user_account SET signing_key = ? WHERE id = ?",
                    (public_raw.hex(), account_id))
    if genuine:
        seal(db, account_id)


def unsealed(db: Database) -> list[str]:
    """User names of account rows whose MAC does not match: changed outside JDM Desk (role,
    activity, password hash, name). Empty for a plain study."""
    if seals.of(db.conn) is None:
        return []
    ids = db.conn.execute("SELECT id, username FROM user_account ORDER BY username").fetchall()
    return [str(name) for account_id, name in ids if not verifies(db, str(account_id))]


def record_login(db: Database, account: Account, *, ok: bool, failed_attempts: int,
                 locked_until: str | None, new_hash: str | None = None,
                 purpose: str = "login") -> None:
    """Inside the caller's transaction: the attempt's outcome and its audit row."""
    now = audit.utc_now()
    genuine = verifies(db, account.id)
    db.conn.execute(
        "UPDATE user_account SET failed_attempts = ?, locked_until = ?, "
        "password_hash = coalesce(?, password_hash), updated_at = ? WHERE id = ?",
        (failed_attempts, locked_until, new_hash, now, account.id))
    if new_hash is not None and genuine:
        seal(db, account.id)
    audit.append(db, account.username, [Change(
        purpose if ok else f"{purpose}_failed", "user_account", account.id, None, None, None,
        None if ok else f"failed attempt {failed_attempts}")], at_utc=now)


# Login bookkeeping for names that are no (active) account, kept in ``study_setting`` under
# keys no settings change may use (``settings_rules.SETTING_KEYS``) and that no export reads.
FINGERPRINT_SALT_KEY = "login.fingerprint_salt"
_UNKNOWN_COUNTER_PREFIX = "login.unknown."


def fingerprint_salt(db: Database) -> bytes | None:
    """The study's random salt for fingerprints of unknown user names (None until needed)."""
    row = db.conn.execute("SELECT value FROM study_setting WHERE key = ?",
                          (FINGERPRINT_SALT_KEY,)).fetchone()
    return None if row is None else bytes.fromhex(json.loads(row[0]))


def ensure_fingerprint_salt(db: Database) -> bytes:
    """Inside the caller's transaction: the salt, made (32 random bytes) on first use."""
    db.conn.execute("INSERT OR IGNORE INTO study_setting (key, value) VALUES (?, ?)",
                    (FINGERPRINT_SALT_KEY, json.dumps(secrets.token_hex(32))))
    salt = fingerprint_salt(db)
    assert salt is not None
    return salt


def unknown_attempts(db: Database, label: str) -> tuple[int, str | None]:
    """(failed attempts, locked until) counted for an unknown user name's fingerprint label."""
    row = db.conn.execute("SELECT value FROM study_setting WHERE key = ?",
                          (_UNKNOWN_COUNTER_PREFIX + label,)).fetchone()
    if row is None:
        return 0, None
    failed, until = json.loads(row[0])
    return int(failed), until


def record_unknown_login(db: Database, label: str, *, failed_attempts: int,
                         locked_until: str | None, actor: str | None = None,
                         why: str = "unknown user name") -> None:
    """Inside the caller's transaction: the failed attempt under a name that is no active
    account, counted per fingerprint ``label`` (like an account's counters) and audited as
    ``actor`` (the label itself unless the name is a deactivated account's)."""
    db.conn.execute("INSERT INTO study_setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (_UNKNOWN_COUNTER_PREFIX + label, json.dumps([failed_attempts,
                                                                  locked_until])))
    audit.append(db, actor or label, [Change("login_failed", "user_account", None, None,
                                             None, None,
                                             f"{why}; failed attempt {failed_attempts}")])


def set_active(db: Database, actor: str, account: Account, active: bool, reason: str) -> None:
    """Inside the caller's transaction: deactivate (or reactivate) an account, audited."""
    now = audit.utc_now()
    genuine = verifies(db, account.id)
    db.conn.execute("UPDATE user_account SET active = ?, updated_at = ? WHERE id = ?",
                    (int(active), now, account.id))
    if genuine:
        seal(db, account.id)
    audit.append(db, actor, [Change("user", "user_account", account.id, "active",
                                    int(account.active), int(active), reason)], at_utc=now)


def set_password(db: Database, actor: str, account: Account, password_hash: str,
                 reason: str) -> None:
    """Inside the caller's transaction: a new hash and a cleared lockout; the audit row says
    that the password changed, never what it is."""
    now = audit.utc_now()
    genuine = verifies(db, account.id)
    db.conn.execute("UPDATE user_account SET password_hash = ?, failed_attempts = 0, "
                    "locked_until = NULL, updated_at = ? WHERE id = ?",
                    (password_hash, now, account.id))
    if genuine:
        seal(db, account.id)
    audit.append(db, actor, [Change("user", "user_account", account.id, "password", None,
                                    "(changed)", reason)], at_utc=now)
