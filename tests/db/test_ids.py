"""Version 7 UUIDs (RFC 9562) for new primary keys: layout and order, as properties."""

from __future__ import annotations

import itertools
import time
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from jdmdesk.db.ids import Uuid7Generator, new_id, new_ids


def fields(text: str) -> tuple[int, int, int]:
    """(milliseconds, counter, random tail) read back from a key."""
    value = uuid.UUID(text).int
    ms = value >> 80
    counter = (((value >> 64) & 0xFFF) << 30) | ((value >> 32) & 0x3FFF_FFFF)
    return ms, counter, value & 0xFFFF_FFFF


def check_layout(text: str) -> None:
    u = uuid.UUID(text)
    assert str(u) == text and len(text) == 36
    assert u.version == 7 and u.variant == uuid.RFC_4122


# clock readings in ms: forwards, standing still, stepping back; and batch sizes
steps = st.lists(st.tuples(st.integers(-5_000, 5_000), st.integers(1, 300)),
                 min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(start=st.integers(0, 2**47), steps=steps, seed=st.binary(min_size=64, max_size=64))
def test_keys_increase_strictly_whatever_the_clock_does(start, steps, seed):
    now = [start]
    counter = [0]

    def random_bytes(n: int) -> bytes:  # deterministic, but with high bits set often
        counter[0] += 1
        return (seed * (n // len(seed) + 1))[:n]

    gen = Uuid7Generator(clock_ms=lambda: now[0], random_bytes=random_bytes)
    keys: list[str] = []
    readings: list[int] = []
    for delta, n in steps:
        now[0] = max(0, now[0] + delta)
        readings.append(now[0])
        keys.extend(gen.batch(n) if n > 1 else [gen()])
    for key in keys:
        check_layout(key)
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    as_ints = [uuid.UUID(k).int for k in keys]
    assert all(a < b for a, b in itertools.pairwise(as_ints))
    # the first key carries the clock's reading; later ones never carry less than the highest
    # reading so far (the clock stood still or stepped back: the counter counts on)
    assert fields(keys[0])[0] == readings[0]
    assert fields(keys[-1])[0] >= max(readings)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 2_000))
def test_real_clock_layout_and_time(n):
    before = time.time_ns() // 1_000_000
    keys = new_ids(n)
    after = time.time_ns() // 1_000_000
    assert len(keys) == n
    for key in keys:
        check_layout(key)
    ms = [fields(k)[0] for k in keys]
    assert before <= ms[0] and ms[-1] <= after + 1
    assert keys == sorted(keys)


def test_single_keys_follow_each_other():
    keys = [new_id() for _ in range(500)]
    for key in keys:
        check_layout(key)
    assert keys == sorted(keys) and len(set(keys)) == 500


def test_counter_overflow_moves_to_the_next_millisecond():
    gen = Uuid7Generator(clock_ms=lambda: 1000, random_bytes=lambda n: b"\xff" * n)
    first = gen.batch(3)
    assert [fields(k)[0] for k in first] == [1000] * 3
    gen._counter = (1 << 42) - 2  # as if the millisecond were nearly used up
    nxt = gen.batch(3)
    assert fields(nxt[0])[0] == 1001 and fields(nxt[0])[1] == 0
    assert first + nxt == sorted(first + nxt)
    for key in first + nxt:
        check_layout(key)


def test_random_tail_differs_between_keys():
    keys = new_ids(1_000)
    assert len({fields(k)[2] for k in keys}) > 990
