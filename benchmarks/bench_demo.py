"""Bulk writes: ``jdmdesk demo`` generation speed, time-ordered (UUIDv7) against random keys.

    .venv/bin/python benchmarks/bench_demo.py [--patients 2000 10000] [--random-keys]

For each size, writes the demo study encrypted and plain (same seed) and prints rows per second
with the demo accounts' Argon2id cost counted apart (three password hashes and three key
wraps at the production cost, timed in the same run and subtracted), beside the floor: copying
the finished file with SQLite's backup API through the same driver (a page copy: disk speed),
and the insert floor: the same driver's bare ``executemany`` of one 500-patient batch of
prepared rows into a fresh file of the same kind, secondary indexes dropped (what any way of
writing these rows into these STRICT tables costs). The writing process's CPU seconds and the
load average are printed beside each figure (the wall time waits for the CPU on a busy machine).
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


def insert_floor(tmp: Path, encrypt: bool) -> float:
    """Rows per second of a bare executemany of one prepared 500-patient batch."""
    import jdmdesk.demo as demo
    from jdmdesk.db.bulk import bulk_load_profile, drop_secondary_indexes
    from jdmdesk.db.connection import write_transaction
    from jdmdesk.db.studyfile import create_study

    _, tables = demo._prepared(list(demo.synthetic(500)))
    study = create_study(tmp / f"floor{int(encrypt)}.jdm", encrypt=encrypt)
    try:
        bulk_load_profile(study.db)
        with write_transaction(study.db) as db:
            drop_secondary_indexes(db)
        conn = study.db.conn
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        for table, cols, params, _ in tables:
            conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                             f"({', '.join('?' * len(cols))})", params)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - t0
    finally:
        study.close()
    return sum(len(t[2]) for t in tables) / seconds


def one(path: Path, patients: int, encrypt: bool, keys: str) -> tuple[float, int, float, float]:
    """(seconds, rows, floor seconds, CPU seconds of this process) for one demo study."""
    import jdmdesk.db.bulk as bulk
    import jdmdesk.demo as demo
    from jdmdesk.db import keyring
    from jdmdesk.db.driver import connect

    saved = bulk.new_ids, demo.new_ids
    if keys == "v4":
        bulk.new_ids = demo.new_ids = random_keys
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        counts = demo.write_demo(path, patients, encrypt=encrypt)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
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
    return seconds, rows, floor, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, nargs="+", default=[2_000, 10_000])
    ap.add_argument("--random-keys", action="store_true")
    args = ap.parse_args()
    hashes, wraps = argon2_cost()
    print(f"Argon2id of the three demo accounts (counted apart): password hashes {hashes:.2f} s,"
          f" key wraps {wraps:.2f} s (encrypted only)")
    print(f"{'demo':<30} {'seconds':>8} {'rows':>10} {'rows/s':>9} {'floor s':>8} "
          f"{'ratio':>6} {'cpu s':>6} {'load':>5}  goal")
    with tempfile.TemporaryDirectory() as tmp:
        for encrypt in (True, False):
            rate = insert_floor(Path(tmp), encrypt)
            print(f"insert floor, {'encrypted' if encrypt else 'plain'}: bare executemany of a "
                  f"500-patient batch {rate:,.0f} rows/s (load {os.getloadavg()[0]:.2f})")
        for patients in args.patients:
            for keys in (("v7", "v4") if args.random_keys else ("v7",)):
                for encrypt in (True, False):
                    path = Path(tmp) / f"d{patients}{keys}{int(encrypt)}.jdm"
                    seconds, rows, floor, cpu = one(path, patients, encrypt, keys)
                    net = seconds - hashes - (wraps if encrypt else 0.0)
                    cpu -= hashes + (wraps if encrypt else 0.0)
                    rate = rows / net
                    goal = GOALS.get(patients)
                    verdict = "" if goal is None else (
                        f"≥ {goal:,} rows/s: {'met' if rate >= goal else 'missed'}")
                    name = f"{patients} {'encrypted' if encrypt else 'plain'} keys {keys}"
                    print(f"{name:<30} {net:8.1f} {rows:10,} {rate:9,.0f} {floor:8.2f} "
                          f"{net / floor:5.1f}x {cpu:6.1f} {os.getloadavg()[0]:5.2f}  {verdict}",
                          flush=True)
                    for p in Path(tmp).glob(f"{path.name}*"):
                        p.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
