"""Electronic signatures bound to content (21 CFR 11.70): Ed25519 per signer.

Each account has its own Ed25519 key pair; the private key is wrapped like the study key (by the
account's password), so only a logged-in session of that signer can sign. The public key is kept in
the account row (itself covered by the account rows' MAC), so anyone who can open the study can
verify a signature, and a signature copied to another visit or surviving a changed value fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from jdmdesk.crypto.chain import canonical

SIGNATURE_VERSION = 1


@dataclass(frozen=True)
class SignedContent:
    """What a signature covers: the record and its values, who signed, when and what it means."""

    table: str
    record_id: str
    values: Mapping[str, Any]
    signer: str
    signed_at_utc: str
    meaning: str

    def message(self) -> bytes:
        return canonical({"v": SIGNATURE_VERSION, "table": self.table, "id": self.record_id,
                          "values": dict(self.values), "signer": self.signer,
                          "at": self.signed_at_utc, "meaning": self.meaning})


@dataclass(frozen=True)
class SigningKeys:
    private_raw: bytes  # 32 bytes; kept only wrapped at rest
    public_raw: bytes


def new_signing_keys() -> SigningKeys:
    private = Ed25519PrivateKey.generate()
    return SigningKeys(
        private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_of(private_raw: bytes) -> bytes:
    """The public half of a raw Ed25519 private key."""
    return Ed25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)


def sign(private_raw: bytes, content: SignedContent) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(content.message())


def verify(public_raw: bytes, content: SignedContent, signature: bytes) -> bool:
    """True only when ``signature`` is the signer's over exactly this content."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, content.message())
    except (InvalidSignature, ValueError):
        return False
    return True
