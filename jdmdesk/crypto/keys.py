"""The study key and its copies wrapped per account (and for the recovery key).

A study is encrypted with one random 256-bit study key. Nobody types it: each account keeps its own
copy wrapped (AES-256-GCM) by a key derived from that account's password with Argon2id, and one
more copy is wrapped by the recovery key. Changing one password re-wraps only that copy.

Sub-keys for other purposes (the audit chain's MAC, the account rows' MAC) are derived from the
study key with HKDF-SHA256 and a purpose label, so no purpose ever reuses another's key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12


class WrongKey(Exception):
    """The password or recovery key does not open this wrapped key (or the copy was altered)."""


class Purpose(StrEnum):
    """What a derived sub-key is for; the label is part of the derivation."""

    AUDIT_CHAIN = "jdmdesk audit chain v1"
    ACCOUNT_ROWS = "jdmdesk account rows v1"
    CHAIN_HEAD = "jdmdesk chain head v1"
    PLAIN_COPY = "jdmdesk plain copy seal v1"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost (the default: RFC 9106's t=3, 64 MiB, four lanes; OWASP's minimum is
    t=2, m=19 MiB). Stored beside each wrapped copy."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    def __post_init__(self) -> None:
        if self.time_cost < 1 or self.memory_kib < 8 * self.parallelism or self.parallelism < 1:
            raise ValueError("Argon2id parameters out of range")


@dataclass(frozen=True)
class WrappedKey:
    """One wrapped copy of a key: everything needed to unwrap it except the secret."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: KdfParams


def new_key() -> bytes:
    """A fresh random 256-bit key (study key, recovery secret)."""
    return os.urandom(KEY_BYTES)


def derive_kek(secret: str | bytes, salt: bytes, kdf: KdfParams) -> bytes:
    """The key-encryption key for a password (or recovery secret) and salt."""
    raw = secret.encode("utf-8") if isinstance(secret, str) else secret
    if len(salt) < SALT_BYTES:
        raise ValueError("salt too short")
    return hash_secret_raw(raw, salt, time_cost=kdf.time_cost, memory_cost=kdf.memory_kib,
                           parallelism=kdf.parallelism, hash_len=KEY_BYTES, type=Type.ID)


def wrap(key: bytes, secret: str | bytes, context: bytes,
         kdf: KdfParams | None = None) -> WrappedKey:
    """Wrap ``key`` under ``secret``; ``context`` (study id and slot name) is authenticated too,
    so a copy moved to another account's slot or another study does not unwrap."""
    params = kdf or KdfParams()
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    kek = derive_kek(secret, salt, params)
    return WrappedKey(salt, nonce, AESGCM(kek).encrypt(nonce, key, context), params)


def unwrap(wrapped: WrappedKey, secret: str | bytes, context: bytes) -> bytes:
    """The key inside ``wrapped``; WrongKey when the secret, the context or the bytes differ."""
    kek = derive_kek(secret, wrapped.salt, wrapped.kdf)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, context)
    except InvalidTag as err:
        raise WrongKey("the password or key does not open this study") from err


STUDY_KEY_LABEL = b"jdmdesk study key from recovery secret v1"


def study_key_from_recovery(secret: bytes) -> bytes:
    """The study key is derived from the recovery secret (HKDF-SHA256), so the recovery key
    alone opens the study even when the key file with every wrapped copy is lost."""
    if len(secret) != KEY_BYTES:
        raise ValueError("a recovery secret has 32 bytes")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=STUDY_KEY_LABEL).derive(secret)


def subkey(study_key: bytes, purpose: Purpose) -> bytes:
    """A 256-bit key for one purpose, derived from the study key (HKDF-SHA256)."""
    if len(study_key) != KEY_BYTES:
        raise ValueError("a study key has 32 bytes")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=purpose.value.encode("ascii")).derive(study_key)

