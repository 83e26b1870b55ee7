"""Primary keys: time-ordered UUIDs (version 7, RFC 9562).

A version 7 UUID starts with the Unix time in milliseconds, so the keys of new rows sort after
the existing ones and an insert appends to the end of the primary-key B-tree instead of landing
on a random page (random version 4 keys split and rewrite pages all over the file). Existing
rows keep their keys: both kinds are 36-character text and nothing reads meaning from a key.

Layout (RFC 9562 §5.7, with the "fixed bit-length dedicated counter" of §6.2, method 1, as
Python 3.14's ``uuid.uuid7`` does): 48 bits of milliseconds, the version (7), 42 bits of
counter (12 in ``rand_a``, 30 at the top of ``rand_b``) seeded at random each millisecond with
its top bit clear, the variant (0b10) and 32 random bits. Within one process the keys are
strictly increasing, even when the clock stands still or steps back: the counter then counts
on, and when it overflows the timestamp is advanced by one millisecond.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid
from collections.abc import Callable

_COUNTER_BITS = 42
_COUNTER_MAX = (1 << _COUNTER_BITS) - 1
_SEED_MASK = (1 << (_COUNTER_BITS - 1)) - 1  # the top bit clear: room to count on


class Uuid7Generator:
    """Strictly increasing version 7 UUIDs as text; ``clock_ms`` is for tests."""

    def __init__(self, clock_ms: Callable[[], int] | None = None,
                 random_bytes: Callable[[int], bytes] = os.urandom) -> None:
        self._clock_ms = clock_ms or (lambda: time.time_ns() // 1_000_000)
        self._random = random_bytes
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0

    def _reserve(self, n: int) -> tuple[int, int]:
        """(milliseconds, first counter) for ``n`` consecutive keys, and move past them."""
        with self._lock:
            now = self._clock_ms()
            if now > self._last_ms:
                ms = now
                counter = int.from_bytes(self._random(6), "big") & _SEED_MASK
            else:  # the same millisecond, or the clock stepped back: count on
                ms = self._last_ms
                counter = self._counter + 1
            if counter + n - 1 > _COUNTER_MAX:  # overflow: borrow the next millisecond
                ms += 1
                counter = 0
                if n - 1 > _COUNTER_MAX:
                    raise ValueError("too many keys for one batch")
            self._last_ms, self._counter = ms, counter + n - 1
            return ms, counter

    def batch(self, n: int) -> list[str]:
        """``n`` keys, each greater than every key given before."""
        if n <= 0:
            return []
        ms, first = self._reserve(n)
        tails = memoryview(self._random(4 * n)).cast("I")  # 32 random bits per key
        head = f"{ms & 0xFFFF_FFFF_FFFF:012x}"
        stamp = f"{head[:8]}-{head[8:]}-7"
        # counter bits: 12 in rand_a, then 30 after the variant (0b10): 14 + 16 of them
        return [f"{stamp}{c >> 30:03x}-{0x8000 | ((c >> 16) & 0x3FFF):04x}-"
                f"{c & 0xFFFF:04x}{t:08x}" for c, t in zip(range(first, first + n), tails,
                                                         strict=True)]

    def __call__(self) -> str:
        return self.batch(1)[0]


_GENERATOR = Uuid7Generator()


def new_id() -> str:
    """A new primary key (a version 7 UUID as text): Python's own from 3.14 on."""
    if sys.version_info >= (3, 14):
        return str(uuid.uuid7())  # type: ignore[attr-defined,unused-ignore]
    return _GENERATOR()


def new_ids(n: int) -> list[str]:
    """``n`` new primary keys, in increasing order (one reservation: fast for bulk loads)."""
    return _GENERATOR.batch(n)
