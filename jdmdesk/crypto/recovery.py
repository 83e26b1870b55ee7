"""The recovery key: shown once when a study is created, printed and kept in the site file.

32 random bytes written in Crockford base32 (no I, L, O, U; case-insensitive; 0/O and 1/I/L read
alike) in groups of four, with a two-character check so a mistyped key is told apart from a wrong
one: ``7K2Q-....-XX``.
"""

from __future__ import annotations

import hashlib

from jdmdesk.crypto.keys import KEY_BYTES, new_key
from jdmdesk.domain.texts import Message

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_ALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_GROUP = 4
_CHECK_CHARS = 2


class RecoveryKeyError(ValueError):
    """The text is not a recovery key (wrong length, characters or check)."""


def _b32(data: bytes) -> str:
    width = (len(data) * 8 + 4) // 5
    number = int.from_bytes(data, "big") << (width * 5 - len(data) * 8)
    return "".join(ALPHABET[(number >> (5 * (width - 1 - i))) & 31] for i in range(width))


def _check(body: str) -> str:
    digest = hashlib.sha256(body.encode("ascii")).digest()
    return "".join(ALPHABET[b & 31] for b in digest[:_CHECK_CHARS])


def new_recovery_secret() -> bytes:
    return new_key()


def format_recovery_key(secret: bytes) -> str:
    """The printable form of ``secret``."""
    if len(secret) != KEY_BYTES:
        raise ValueError("a recovery secret has 32 bytes")
    text = _b32(secret)
    text += _check(text)
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The secret in a typed recovery key; RecoveryKeyError with a sentence for the user."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    cleaned = cleaned.translate(_READ_ALIKE)
    width = (KEY_BYTES * 8 + 4) // 5
    if len(cleaned) != width + _CHECK_CHARS:
        raise RecoveryKeyError(Message("A recovery key has {n} characters; this has {given}.",
                                       n=width + _CHECK_CHARS, given=len(cleaned)))
    bad = sorted({ch for ch in cleaned if ch not in ALPHABET})
    if bad:
        raise RecoveryKeyError(Message("A recovery key has no {characters}.",
                                       characters=", ".join(bad)))
    body, check = cleaned[:width], cleaned[width:]
    if _check(body) != check:
        raise RecoveryKeyError(Message("This recovery key has a typing error: check each "
                                       "group."))
    number = 0
    for ch in body:
        number = number * 32 + ALPHABET.index(ch)
    extra_bits = width * 5 - KEY_BYTES * 8
    if number & ((1 << extra_bits) - 1):
        raise RecoveryKeyError(Message("This is not a recovery key of JDM Desk."))
    return (number >> extra_bits).to_bytes(KEY_BYTES, "big")
