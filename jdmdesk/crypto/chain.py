"""Keyed MACs: the audit chain, account rows and the chain head kept outside the study file.

Each audit row's MAC covers the previous row's MAC and the row's canonical bytes, with a key
derived from the study key: someone who can write the file but has no study key cannot append,
rehash or edit rows without the chain failing to verify.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping, Sequence
from hashlib import sha256
from typing import Any

GENESIS = "0" * 64


def canonical(values: Mapping[str, Any] | Sequence[Any]) -> bytes:
    """One byte string per value set: sorted keys, no whitespace, floats by ``repr``.

    Floats are written with ``repr`` (shortest round-trip) so 34.2 and 34.20000001 differ and the
    same value always serialises the same way; NaN and infinity are refused.
    """
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False, default=_default).encode("utf-8")


def _default(value: object) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot sign a {type(value).__name__}")


def mac(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, sha256).hexdigest()


def link(key: bytes, previous: str, row: Mapping[str, Any] | Sequence[Any]) -> str:
    """The MAC of one chain row given the MAC of the row before it."""
    return mac(key, previous.encode("ascii") + b"\x00" + canonical(row))


def verify(key: bytes, expected: str, message: bytes) -> bool:
    return hmac.compare_digest(mac(key, message), expected)


def first_broken(key: bytes, rows: Sequence[tuple[Mapping[str, Any] | Sequence[Any], str]],
                 start: str = GENESIS) -> int | None:
    """Index of the first row whose stored MAC does not follow from the rows before it."""
    previous = start
    for index, (row, stored) in enumerate(rows):
        if not hmac.compare_digest(link(key, previous, row), stored):
            return index
        previous = stored
    return None
