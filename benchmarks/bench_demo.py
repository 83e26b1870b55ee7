"""Bulk writes: ``jdmdesk demo`` generation speed, time-ordered (UUIDv7) against random keys.

    .venv/bin/python benchmarks/bench_demo.py [--patients 2000 10000] [--random-keys]

For each size, writes the demo study encrypted and plain (same seed) and prints rows per second
with the demo accounts' Argon2id cost counted apart (three password hashes and three key
wraps at the production cost, timed in the same run and subtracted), beside the floor: copying
the finished file with SQLite's backup API through the same driver (a page copy: disk speed).
``--random-keys`` also times random version 4 keys (as before RFC 9562 keys) for comparison.
Goals: at least 150 000 rows/s at 2 000 patients and 200 000 at 10 000. Never fails on time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOALS = {2_000: 150_000, 10_000: 200_000}


def argon2_cost() -> tuple[float, float]:
    """Seconds the three demo accounts' password hashes, and their key wraps, take."""
    from jdmdesk.crypto.keys import KdfParams, derive_kek
    from jdmdesk.demo import DEMO_ACCOUNTS
    from jdmdesk.services.accounts import HASHER

    kdf = KdfParams(HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism)
    t0 = time.perf_counter()
    for _, _, _, password in DEMO_ACCOUNTS:
        HASHER.hash(password)
    t1 = time.perf_counter()
    for _, _, _, password in DEMO_ACCOUNTS:
        derive_kek(password, os.urandom(16), kdf)
    return t1 - t0, time.perf_counter() - t1


def random_keys(n: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(n)]


def one(path: Path, patients: int, encrypt: bool, keys: str) -> tuple[float, int, float]:
    """(seconds, rows, floor seconds) for one demo study."""
    import jdmdesk.db.bulk as bulk
    import jdmdesk.demo as demo
    from jdmdesk.db import keyring
    from jdmdesk.db.driver import connect

    saved = bulk.new_ids, demo.new_ids
    if keys == "v4":
        bulk.new_ids = demo.new_ids = random_keys
    try:
        t0 = time.perf_counter()
        counts = demo.write_demo(path, patients, encrypt=encrypt)
        seconds = time.perf_counter() - t0
    finally:
        bulk.new_ids, demo.new_ids = saved
    rows = sum(counts.values())
    src = connect(str(path))
    key = keyring.key_for(path)
    copy = path.with_suffix(".copy")
    if key is not None:
        src.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    dst = connect(str(copy))
    if key is not None:
        dst.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    t0 = time.perf_counter()
    src.backup(dst)
    floor = time.perf_counter() - t0
    src.close()
    dst.close()
    copy.unlink()
    return seconds, rows, floor


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, nargs="+", default=[2_000, 10_000])
    ap.add_argument("--random-keys", action="store_true")
    args = ap.parse_args()
    hashes, wraps = argon2_cost()
    print(f"Argon2id of the three demo accounts (counted apart): password hashes {hashes:.2f} s,"
          f" key wraps {wraps:.2f} s (encrypted only)")
    print(f"{'demo':<30} {'seconds':>8} {'rows':>10} {'rows/s':>9} {'floor s':>8} "
          f"{'ratio':>6}  goal")
    with tempfile.TemporaryDirectory() as tmp:
        for patients in args.patients:
            for keys in (("v7", "v4") if args.random_keys else ("v7",)):
                for encrypt in (True, False):
                    path = Path(tmp) / f"d{patients}{keys}{int(encrypt)}.jdm"
                    seconds, rows, floor = one(path, patients, encrypt, keys)
                    net = seconds - hashes - (wraps if encrypt else 0.0)
                    rate = rows / net
                    goal = GOALS.get(patients)
                    verdict = "" if goal is None else (
                        f"≥ {goal:,} rows/s: {'met' if rate >= goal else 'missed'}")
                    name = f"{patients} {'encrypted' if encrypt else 'plain'} keys {keys}"
                    print(f"{name:<30} {net:8.1f} {rows:10,} {rate:9,.0f} {floor:8.2f} "
                          f"{net / floor:5.1f}x  {verdict}", flush=True)
                    for p in Path(tmp).glob(f"{path.name}*"):
                        p.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
