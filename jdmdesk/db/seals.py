"""Keyed seals of an encrypted study: the audit chain's MAC, the account rows' MAC and the
chain head kept in the key file, each with its own sub-key of the study key.

Someone who can write the file (SQLCipher's page MACs stop byte edits; a script with the key
could still write rows) but does not run JDM Desk cannot append, rehash or edit audit rows,
promote an account or replace a password hash without these seals failing, and a study whose
newest saves were lost (an older copy put in its place, a cut WAL) ends before the head that
its key file remembers. Plain (pre-encryption) studies keep the unkeyed SHA-256 chain.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from jdmdesk.crypto.chain import canonical, mac
from jdmdesk.crypto.keys import Purpose, subkey
from jdmdesk.db import driver


@dataclass(frozen=True)
class SealKeys:
    audit: bytes
    accounts: bytes
    head: bytes
    copy: bytes  # the seal of a plain (unencrypted) copy's tables


def attach(conn: object, study_key: bytes) -> None:
    """Give a keyed connection its study's seal keys (done by open_keyed; for a plain copy,
    once its study key was unwrapped from the copy's own key mirror)."""
    driver.attach_seal_keys(conn, SealKeys(subkey(study_key, Purpose.AUDIT_CHAIN),
                                           subkey(study_key, Purpose.ACCOUNT_ROWS),
                                           subkey(study_key, Purpose.CHAIN_HEAD),
                                           subkey(study_key, Purpose.PLAIN_COPY)))


def of(conn: object) -> SealKeys | None:
    keys = driver.seal_keys(conn)
    return keys if isinstance(keys, SealKeys) else None


# What an account row's MAC covers: who it is, what it may do, how it logs in.
ACCOUNT_SEALED = ("id", "username", "display_name", "role", "active", "password_hash")


def account_mac(keys: SealKeys, row: dict[str, Any]) -> str:
    """The row's MAC; its signing public key is covered once it has one (rows sealed before
    signing keys existed keep verifying, and a key removed or replaced outside fails)."""
    sealed = {k: row[k] for k in ACCOUNT_SEALED}
    if row.get("signing_key") is not None:
        sealed["signing_key"] = row["signing_key"]
    return mac(keys.accounts, canonical(sealed))


def key_certificate(keys: SealKeys, username: str, public_hex: str) -> str:
    """A MAC binding a signing public key to a user name: stored with each signature, so a
    signature stays verifiable after its signer's key pair changes (a new password), and a key
    pair made outside JDM Desk (without the study key) cannot pass as the signer's."""
    return mac(keys.accounts, canonical(["signing key", username, public_hex]))


def head_tag(keys: SealKeys, study_id: str, seq: int, row_mac: str) -> str:
    return mac(keys.head, canonical([study_id, seq, row_mac]))


def verify_mac(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected, given)
