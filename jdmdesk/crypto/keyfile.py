"""The key file beside an encrypted study (``study.jdm.keys``): wrapped copies and the chain head.

The study file cannot hold the keys that open it, so each account's wrapped copy of the study key
(and of its signing key) is kept here, beside one copy wrapped by the recovery key. The same slots
are mirrored inside the encrypted study, so a lost key file is rebuilt after opening the study with
the recovery key. The chain head (the newest audit row's sequence number and MAC, itself MAC'd
with a study sub-key) lets an open tell a study that lost its newest saves from a current one.

Only the format lives here: reading and writing the file is the db layer's.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from typing import Any

from jdmdesk.crypto.keys import KdfParams, WrappedKey
from jdmdesk.domain.texts import Message

FORMAT = "jdmdesk-keys"
VERSION = 1
RECOVERY_SLOT = "recovery"


class KeyFileError(ValueError):
    """The key file is not one of ours, is damaged, or belongs to another study."""


def user_slot(username: str) -> str:
    return f"user:{username}"


def slot_context(study_id: str, slot: str) -> bytes:
    """Authenticated with every wrapped copy: a copy moved to another slot or study fails."""
    return f"{FORMAT}|{study_id}|{slot}".encode()


@dataclass(frozen=True)
class ChainHead:
    seq: int
    mac: str
    tag: str  # MAC of (study_id, seq, mac) under the chain-head sub-key


@dataclass(frozen=True)
class KeyFile:
    study_id: str
    slots: dict[str, WrappedKey] = field(default_factory=dict)
    head: ChainHead | None = None

    def with_slot(self, slot: str, wrapped: WrappedKey) -> KeyFile:
        return replace(self, slots={**self.slots, slot: wrapped})

    def without_slot(self, slot: str) -> KeyFile:
        return replace(self, slots={k: v for k, v in self.slots.items() if k != slot})

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "study_id": self.study_id,
            "slots": {name: _wrapped_to_json(w) for name, w in sorted(self.slots.items())},
            "head": None if self.head is None else
            {"seq": self.head.seq, "mac": self.head.mac, "tag": self.head.tag},
        }
        return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise KeyFileError(Message("This is not a JDM Desk key file."))
            if doc.get("version") != VERSION:
                raise KeyFileError(Message(
                    "This key file has version {found}; this JDM Desk reads version "
                    "{version}.", found=repr(doc.get("version")), version=VERSION))
            slots = {str(name): _wrapped_from_json(w) for name, w in doc["slots"].items()}
            head_doc = doc.get("head")
            head = None if head_doc is None else ChainHead(
                int(head_doc["seq"]), str(head_doc["mac"]), str(head_doc["tag"]))
            return cls(str(doc["study_id"]), slots, head)
        except KeyFileError:
            raise
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError,
                AttributeError, binascii.Error) as err:
            raise KeyFileError(Message("The key file is damaged and cannot be read.")) from err


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrapped_to_json(wrapped: WrappedKey) -> dict[str, Any]:
    return {"salt": _b64(wrapped.salt), "nonce": _b64(wrapped.nonce),
            "ciphertext": _b64(wrapped.ciphertext),
            "kdf": {"alg": "argon2id", "t": wrapped.kdf.time_cost, "m": wrapped.kdf.memory_kib,
                    "p": wrapped.kdf.parallelism}}


def _wrapped_from_json(doc: Any) -> WrappedKey:
    kdf = doc["kdf"]
    if kdf.get("alg") != "argon2id":
        raise KeyFileError(Message("The key file names an unknown key derivation."))
    return WrappedKey(_unb64(doc["salt"]), _unb64(doc["nonce"]), _unb64(doc["ciphertext"]),
                      KdfParams(int(kdf["t"]), int(kdf["m"]), int(kdf["p"])))
