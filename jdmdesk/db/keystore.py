"""The wrapped copies of a study key: made at creation, unlocked at login, kept in two places.

Each account's copy (wrapped by its password) and the recovery copy live in the key file beside
the study (``<study>.keys``, read before the study can be opened) and, identically, in the
study's ``key_mirror`` table, so a lost key file is rebuilt once the study is opened with its
recovery key. Every change of a copy writes both inside the caller's write transaction.
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.crypto.keyfile import (
    RECOVERY_SLOT,
    KeyFile,
    KeyFileError,
    slot_context,
    user_slot,
)
from jdmdesk.crypto.keys import (
    KEY_BYTES,
    KdfParams,
    WrongKey,
    derive_kek,
    study_key_from_recovery,
    unwrap,
    wrap,
)
from jdmdesk.crypto.recovery import format_recovery_key, new_recovery_secret, parse_recovery_key
from jdmdesk.crypto.signing import SigningKeys, new_signing_keys
from jdmdesk.db import accounts, driver, keyring
from jdmdesk.domain.texts import Message

# The recovery secret is 256 random bits: no guessing to slow down, so its wrap costs little.
RECOVERY_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


class MissingKeyFile(Exception):
    """The key file beside an encrypted study is gone: only the recovery key opens it now."""


@dataclass(frozen=True)
class NewKeys:
    study_key: bytes
    recovery_key: str  # printable, shown once
    keys: KeyFile


def new_study_keys() -> NewKeys:
    study_id = str(uuid.uuid4())
    secret = new_recovery_secret()
    study_key = study_key_from_recovery(secret)
    recovery = wrap(study_key, secret, slot_context(study_id, RECOVERY_SLOT), RECOVERY_KDF)
    return NewKeys(study_key, format_recovery_key(secret),
                   KeyFile(study_id).with_slot(RECOVERY_SLOT, recovery))


def slot_of(username: str) -> str:
    return user_slot(username.strip().lower())


def required_key_file(study_path: Path) -> KeyFile:
    keys = keyring.read_key_file(study_path)
    if keys is None:
        raise MissingKeyFile(Message(
            "the key file {file} is missing: open the study with its recovery key",
            file=keyring.key_file_path(study_path).name))
    return keys


def has_user_copies(study_path: Path) -> bool:
    """Whether the key file holds an account's copy (False when it is missing or damaged)."""
    try:
        keys = keyring.read_key_file(study_path)
    except KeyFileError:
        return False
    return keys is not None and any(s != RECOVERY_SLOT for s in keys.slots)


def key_file_status(study_path: Path, db: Database | None = None) -> tuple[bool, str]:
    """One line for ``jdmdesk check``: is the key file there, readable, and like the mirror?"""
    name = keyring.key_file_path(study_path).name
    try:
        keys = keyring.read_key_file(study_path)
    except KeyFileError as err:
        return False, f"key file {name}: damaged ({err})"
    if keys is None:
        return False, f"key file {name}: missing (open the study with its recovery key to " \
            "rebuild it)"
    mirror = None if db is None else read_mirror(db)
    users = sum(1 for s in keys.slots if s != RECOVERY_SLOT)
    if mirror is not None and mirror.slots != keys.slots:
        return False, f"key file {name}: differs from the copy inside the study"
    return True, f"key file {name}: ok ({users} account copies and the recovery copy)"


@dataclass(frozen=True)
class PasswordOpened:
    """What a password that opened its account's copy of the study key proves: the copy of
    ``username``'s slot unwrapped (AES-GCM authenticates it) under that password, giving
    ``key``. The login takes it as the password check (one Argon2id run per login): a copy
    only opens with its account's password, and only a holder of the study key can write one.
    """

    username: str
    key: bytes

    def proves(self, username: str, study_key: bytes | None) -> bool:
        """Whether this is proof of ``username``'s password for the study keyed ``study_key``."""
        return (study_key is not None and slot_of(self.username) == slot_of(username)
                and hmac.compare_digest(self.key, study_key))


def open_with_password(study_path: Path, username: str, password: str) -> PasswordOpened:
    """The study key from this account's copy, as proof of the password; WrongKey for an
    unknown name or a wrong password alike, after the same Argon2id work (the time taken
    does not reveal names)."""
    keys = required_key_file(study_path)
    slot = slot_of(username)
    wrapped = keys.slots.get(slot)
    if wrapped is None:
        others = [w for s, w in keys.slots.items() if s != RECOVERY_SLOT]
        kdf = others[0].kdf if others else KdfParams()
        derive_kek(password, b"\0" * 16, kdf)
        raise WrongKey("unknown user name or wrong password")
    key = unwrap(wrapped, password, slot_context(keys.study_id, slot))[:KEY_BYTES]
    keyring.remember(study_path, key, keys.study_id)
    return PasswordOpened(username, key)


def unlock_with_password(study_path: Path, username: str, password: str) -> bytes:
    """The study key from this account's copy (see ``open_with_password``)."""
    return open_with_password(study_path, username, password).key


def unlock_slot(keys: KeyFile, username: str, password: str) -> tuple[bytes, bytes | None]:
    """(study key, signing private key or None) from ``username``'s slot of ``keys``; WrongKey
    when the password does not open it or there is no such slot. An account's slot holds its
    copy of the study key followed by its Ed25519 private key (slots written before signatures
    were bound to content hold the study key alone)."""
    slot = slot_of(username)
    wrapped = keys.slots.get(slot)
    if wrapped is None:
        raise WrongKey("unknown user name or wrong password")
    payload = unwrap(wrapped, password, slot_context(keys.study_id, slot))
    private = payload[KEY_BYTES:2 * KEY_BYTES]
    return payload[:KEY_BYTES], private if len(private) == KEY_BYTES else None


def open_own_slot(db: Database, username: str, password: str
                  ) -> tuple[PasswordOpened, bytes | None]:
    """``username``'s slot in the study's own mirror of the key file, opened with the password
    just re-entered (one Argon2id run): the proof of that password (see ``PasswordOpened``) and
    the signing private key (None when the slot predates signing keys). WrongKey when the
    password does not open it."""
    key, private = unlock_slot(_current(db), username, password)
    return PasswordOpened(username, key), private


def signing_private_key(db: Database, username: str, password: str) -> bytes | None:
    """The signer's Ed25519 private key, unwrapped with the password just re-entered (from the
    study's own mirror of the key file); None when the account's slot predates signing keys.
    WrongKey when the password does not open the slot."""
    keys = _current(db)
    return unlock_slot(keys, username, password)[1]


def unlock_with_recovery(study_path: Path, text: str) -> bytes:
    """The study key from the recovery key alone (no key file needed).

    Raises RecoveryKeyError for a mistyped key and WrongKey when it does not open this study."""
    key = study_key_from_recovery(parse_recovery_key(text))
    if not _opens(study_path, key):
        raise WrongKey("this recovery key does not open this study")
    keyring.remember(study_path, key)
    return key


def _opens(study_path: Path, key: bytes) -> bool:
    from jdmdesk.db.connection import connect

    try:
        conn = connect(Path(study_path), read_only=True, key=key)
    except driver.Error:
        return False
    try:
        conn.execute("PRAGMA application_id").fetchone()
    except driver.Error:
        return False
    finally:
        conn.close()
    return True


def read_mirror(db: Database) -> KeyFile | None:
    try:
        row = db.conn.execute("SELECT content FROM key_mirror WHERE id = 1").fetchone()
    except driver.OperationalError:  # a study of a schema before the mirror: a plain one
        return None
    return None if row is None else KeyFile.from_bytes(str(row[0]).encode("utf-8"))


def write_keys(db: Database, study_path: Path, keys: KeyFile) -> None:
    """Inside the caller's write transaction: the mirror, then the key file beside the study
    (an error rolls the transaction back)."""
    db.conn.execute(
        "INSERT INTO key_mirror (id, content) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET content = excluded.content",
        (replace(keys, head=None).to_bytes().decode("utf-8"),))
    keyring.write_key_file(study_path, replace(keys, head=keyring.key_file_head(study_path)))


def _current(db: Database) -> KeyFile:
    keys = read_mirror(db)
    if keys is None:
        raise KeyFileError(Message("This study has no key mirror: it is not encrypted."))
    return keys


def put_user_copy(db: Database, study_path: Path, study_key: bytes, username: str,
                  password: str, kdf: KdfParams) -> SigningKeys:
    """Wrap the study key for ``username`` (a new account or a new password), with a new
    Ed25519 signing key whose public half goes to the account row (sealed with it). Earlier
    signatures stay verifiable: each carries its public key and that key's certificate."""
    keys = _current(db)
    slot = slot_of(username)
    pair = new_signing_keys()
    wrapped = wrap(study_key + pair.private_raw, password, slot_context(keys.study_id, slot),
                   kdf)
    write_keys(db, study_path, keys.with_slot(slot, wrapped))
    found = accounts.by_username(db, username.strip())
    if found is not None:
        accounts.set_signing_key(db, found.username, pair.public_raw)
    return pair


def upgrade_user_copy(db: Database, study_path: Path, username: str, password: str,
                      kdf: KdfParams) -> bool:
    """In a savepoint of the caller's write transaction: ``username``'s copy wrapped again at
    the cost ``kdf`` (an account upgraded to the current Argon2id parameters on a login),
    keeping its signing key. True when the copy is at ``kdf`` now (re-wrapped, already so, or
    there is no copy that ``password`` opens to keep in step); False, with nothing changed,
    when it could not be written (a key file the OS refuses to replace, a full disk): the login
    goes on, and the upgrade waits for a later one."""
    keys = _current(db)
    slot = slot_of(username)
    wrapped = keys.slots.get(slot)
    if wrapped is None or wrapped.kdf == kdf:
        return True
    context = slot_context(keys.study_id, slot)
    try:
        payload = unwrap(wrapped, password, context)
    except WrongKey:
        return True
    db.conn.execute("SAVEPOINT upgrade_user_copy")
    try:
        write_keys(db, study_path, keys.with_slot(slot, wrap(payload, password, context, kdf)))
    except (OSError, KeyFileError, driver.Error):
        db.conn.execute("ROLLBACK TO upgrade_user_copy")
        db.conn.execute("RELEASE upgrade_user_copy")
        return False
    db.conn.execute("RELEASE upgrade_user_copy")
    return True


def remove_user_copy(db: Database, study_path: Path, username: str) -> None:
    """A deactivated account keeps no copy: its password no longer opens the study."""
    keys = _current(db)
    write_keys(db, study_path, keys.without_slot(slot_of(username)))


def rebuild_key_file(db: Database, study_path: Path) -> bool:
    """After an open with the recovery key: write the key file again from the mirror.
    False when the study has no mirror (a plain file)."""
    keys = read_mirror(db)
    if keys is None:
        return False
    keyring.write_key_file(study_path, keys)
    return True


def remember_study(db: Database, study_path: Path, key: bytes) -> None:
    """After an open: copies of this study (its backups) are keyed like it."""
    keys = read_mirror(db)
    keyring.remember(study_path, key, None if keys is None else keys.study_id)


def is_encrypted(db: Database) -> bool:
    return read_mirror(db) is not None


@dataclass(frozen=True)
class Tamper:
    problems: list[str]
    accounts: list[str]  # user names whose row does not verify


def tamper_problems(db: Database, study_path: Path) -> Tamper:
    """What an open can tell at once (the full audit chain is ``jdmdesk check``'s): account
    rows whose MAC fails, and a study that does not reach its remembered chain head."""
    from jdmdesk.db.accounts import unsealed
    from jdmdesk.db.chain_head import head_problem  # chain_head reads this module's mirror

    problems = []
    bad = unsealed(db)
    if bad:
        problems.append("account rows do not verify (" + ", ".join(bad) + ")")
    head = head_problem(db, study_path)
    if head is not None:
        problems.append(head)
    return Tamper(problems, bad)


def copy_mirror(path: Path) -> KeyFile | None:
    """The key mirror inside a plain file: a plain copy of an encrypted study has one (with
    every account's wrapped copy of the study key); a study made before encryption has none.
    KeyFileError when the mirror is there but damaged."""
    from jdmdesk.db.connection import open_keyed

    try:
        conn = open_keyed(f"{Path(path).resolve().as_uri()}?mode=ro", None, uri=True)
    except driver.Error:
        return None
    try:
        row = conn.execute("SELECT content FROM key_mirror WHERE id = 1").fetchone()
    except driver.Error:
        return None
    finally:
        conn.close()
    return None if row is None else KeyFile.from_bytes(str(row[0]).encode("utf-8"))


def unlock_copy(path: Path, username: str, password: str) -> bytes:
    """The study key of a plain copy, from ``username``'s wrapped copy inside it (WrongKey for a
    wrong password or an unknown name, after the same work); remembered to verify its seals."""
    keys = copy_mirror(path)
    if keys is None:
        raise KeyFileError(Message("This file holds no wrapped keys: it is not a plain copy."))
    if slot_of(username) not in keys.slots:
        others = [w for s, w in keys.slots.items() if s != RECOVERY_SLOT]
        derive_kek(password, b"\0" * 16, others[0].kdf if others else KdfParams())
        raise WrongKey("unknown user name or wrong password")
    key = unlock_slot(keys, username, password)[0]
    keyring.remember_copy(path, key)
    return key
