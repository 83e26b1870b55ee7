"""Writing an encrypted copy of a study made before encryption (a plain SQLite study file).

Never in place: the plain study is only read. Its audit chain (unkeyed SHA-256) is verified
first; the new file is SQLCipher-encrypted with a new study key (and a new recovery key, shown
once), its audit chain is sealed again with the keyed MAC from its first row, its account rows
are sealed, and the data manager who asked gets a wrapped copy of the key. Other accounts open
it once a data manager has set them a new password (their passwords are not known here: only
their Argon2id hashes are). Signatures made before keep showing as not content-bound.
"""

from __future__ import annotations

import sqlite3  # type names only: connections come from jdmdesk.db.driver
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.atomic_file import SQLITE_COMPANIONS, TargetExists, atomic_write
from jdmdesk.crypto.keys import KdfParams
from jdmdesk.db import accounts, audit, chain_head, keyring, keystore, seals
from jdmdesk.db.audit import Change
from jdmdesk.db.backup.verified_copy import (
    BackupError,
    UnverifiedBackup,
    content_problems,
    exists_text,
    verify_backup,
)
from jdmdesk.db.connection import APPLICATION_ID, is_plain, open_keyed, wrap, write_transaction
from jdmdesk.db.driver import Error
from jdmdesk.db.migrations import LATEST_VERSION, migrate
from jdmdesk.domain.texts import Message


@dataclass(frozen=True)
class Encrypted:
    path: Path
    recovery_key: str  # shown once
    without_key: list[str]  # accounts that need a new password to open the new study
    unverified: list[str]


def encrypt_plain_study(source: Path, new_path: Path, *, username: str, password: str,
                        kdf: KdfParams, accept_unverified: bool = False) -> Encrypted:
    """Write ``new_path`` (never an existing file) as an encrypted copy of the plain study
    ``source``; ``username`` (a data manager, logged in with ``password``) gets its key."""
    source, new_path = Path(source), Path(new_path)
    if not is_plain(source):
        raise BackupError(Message("{name} is already encrypted", name=source.name))
    for p in (new_path, Path(f"{new_path}-wal"), keyring.key_file_path(new_path)):
        if p.exists():
            raise BackupError(exists_text(p))
    verify_backup(source)
    problems = content_problems(source)
    if problems and not accept_unverified:
        raise UnverifiedBackup(source, problems)
    new = keystore.new_study_keys()
    key = new.study_key
    new_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_write(new_path, replace=False, companions=SQLITE_COMPANIONS) as tmp:
            conn = open_keyed(tmp.resolve().as_uri(), key, uri=True)
            try:
                _export(conn, source)
            finally:
                conn.close()  # a fresh connection sees the exported schema
            conn = open_keyed(str(tmp), key)
            try:
                db = wrap(conn)
                with write_transaction(db):
                    _reseal_chain(db)
                    keystore.write_keys(db, new_path, new.keys)
                    ids = [str(r[0]) for r in conn.execute("SELECT id FROM user_account")]
                    for account_id in ids:
                        accounts.seal(db, account_id)
                    keystore.put_user_copy(db, new_path, key, username, password, kdf)
                    audit.append(db, username, [Change(
                        "encrypt", "study", None, "file", None, source.name,
                        "encrypted copy of a study made before encryption" + (
                            "; it did not verify: " + "; ".join(problems) if problems else ""))])
                keyring.remember(new_path, key, new.keys.study_id)
                chain_head.write_head(db, new_path)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                without = [str(r[0]) for r in conn.execute(
                    "SELECT username FROM user_account WHERE active = 1 AND username <> ? "
                    "ORDER BY username", (username,))]
            finally:
                conn.close()
            verify_backup(tmp, name=_copy_name(new_path), key=key)
    except TargetExists:
        raise BackupError(exists_text(new_path)) from None
    except Error as err:
        keyring.key_file_path(new_path).unlink(missing_ok=True)
        raise BackupError(_failed(str(err))) from None
    except BaseException:
        keyring.key_file_path(new_path).unlink(missing_ok=True)
        raise
    return Encrypted(new_path, new.recovery_key, without, problems)


def _copy_name(path: Path) -> Message:
    return Message("the encrypted copy {name}", name=path.name)


def _failed(reason: str) -> Message:
    return Message("the encrypted copy failed ({reason})", reason=reason)


def _export(conn: sqlite3.Connection, source: Path) -> None:
    """The plain study's content into the keyed connection's (new, empty) file, upgraded."""
    if copy_plain_into(conn, source) < LATEST_VERSION:
        migrate(conn)


def copy_plain_into(conn: sqlite3.Connection, source: Path) -> int:
    """Copy an unencrypted study file into the keyed connection's new, empty file (SQLCipher's
    ``sqlcipher_export``), with its version, identity and WAL mode; returns that version."""
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (f"{source.resolve().as_uri()}?mode=ro",))
    try:
        conn.execute("SELECT sqlcipher_export('main', 'plain')").fetchall()
        version = int(conn.execute("PRAGMA plain.user_version").fetchone()[0])
    finally:
        conn.execute("DETACH DATABASE plain")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    return version


def _reseal_chain(db: Database) -> None:
    """Every audit row's MAC again, keyed, in order (the chain was verified unkeyed first);
    the append-only triggers are set aside for this and put back."""
    conn = db.conn
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND tbl_name = 'audit_log'").fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    keys = seals.of(conn)
    key = None if keys is None else keys.audit
    prev = audit.GENESIS
    rows = conn.execute(f"SELECT {', '.join(audit.COLUMNS)} FROM audit_log ORDER BY seq")\
        .fetchall()
    for record in rows:
        row = (*record[:-1], prev)
        prev = audit.row_hash(row, key)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                     (row[-1], prev, row[0]))
    for _, sql in triggers:
        conn.execute(sql)
