"""Raw SQL against sqlite-utils on the same work: bulk inserts and simple reads.

    .venv/bin/python benchmarks/bench_sqlite_utils.py [--patients 500] [--runs 5]

Bulk: raw ``executemany`` against ``insert_all`` (list rows and dict rows). The rows are
the demo generator's (patients, visits, medications, labs of ``--patients``
synthetic patients), prepared once by ``jdmdesk.db.bulk.bulk_rows``. Each run inserts them into
a fresh study file (secondary indexes and the per-row trigger dropped, as ``write_demo`` does)
inside one transaction, with each writer in turn, and prints medians in milliseconds. The
sqlite-utils writers pass ``alter=False`` into tables that already exist.

Reads: one account by user name and one record's audit history, as ``conn.execute``,
``db.query`` and ``table.rows_where`` (which looks the table up in the schema catalogue on
every call), in microseconds per call. Never fails on time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from jdmdesk.db.bulk import (  # noqa: E402
    bulk_rows,
    drop_secondary_indexes,
    insert_rows,
)
from jdmdesk.db.connection import write_transaction  # noqa: E402
from jdmdesk.db.ids import new_id  # noqa: E402
from jdmdesk.db.studyfile import create_study  # noqa: E402
from jdmdesk.db.tables import existing_table  # noqa: E402
from jdmdesk.demo import synthetic, write_demo  # noqa: E402

Batch = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]


def prepared(patients: int) -> list[Batch]:
    plans = list(synthetic(patients, seed=7))
    now = "2026-01-01T00:00:00.000000Z"
    batches: list[Batch] = []
    table, cols, params, ids = bulk_rows("patient", [p.patient for p in plans], now)
    batches.append((table, cols, params))
    for kind, attr in (("visit", "visits"), ("medication", "medications"), ("lab", "labs")):
        rows = []
        for pid, plan in zip(ids, plans, strict=True):
            for row in getattr(plan, attr):
                rows.append({**row, "patient_id": pid})
        samples: dict[str, str] = {}
        for row in rows if kind == "lab" else []:  # the generator's sample keys become UUIDs
            row["sample_id"] = samples.setdefault(row["sample_id"], new_id())
        table, cols, params, _ = bulk_rows(kind, rows, now)
        batches.append((table, cols, params))
    return batches


def raw(db: Database, table: str, cols: tuple[str, ...], params: list[tuple[Any, ...]]) -> None:
    insert_rows(db, table, cols, params)


def insert_all_lists(db: Database, table: str, cols: tuple[str, ...],
                     params: list[tuple[Any, ...]]) -> None:
    existing_table(db, table).insert_all([list(cols), *params], alter=False)


def insert_all_dicts(db: Database, table: str, cols: tuple[str, ...],
                     params: list[tuple[Any, ...]]) -> None:
    rows = [dict(zip(cols, p, strict=True)) for p in params]
    existing_table(db, table).insert_all(rows, alter=False)


Writer = Callable[[Database, str, tuple[str, ...], list[tuple[Any, ...]]], None]


def one_run(folder: Path, name: str, writer: Writer, batches: list[Batch]) -> float:
    study = create_study(folder / f"{name}-{time.perf_counter_ns()}.jdm")
    try:
        study.conn.execute("PRAGMA foreign_keys = OFF")
        with write_transaction(study.db) as db:
            drop_secondary_indexes(db)
        t0 = time.perf_counter()
        with write_transaction(study.db) as db:
            for table, cols, params in batches:
                writer(db, table, cols, params)
        return (time.perf_counter() - t0) * 1000
    finally:
        study.close()


def read_medians(path: Path, runs: int) -> None:
    import timeit

    from jdmdesk.db.studyfile import open_study

    study = open_study(path)
    db = study.db
    record_id = db.conn.execute("SELECT record_id FROM audit_log WHERE table_name = 'user_account'"
                                " AND record_id IS NOT NULL LIMIT 1").fetchone()[0]
    one = "SELECT role FROM user_account WHERE username = ? AND active = 1"
    hist = ("SELECT seq, at_utc, user, action, field, old_value, new_value FROM audit_log "
            "WHERE table_name = ? AND record_id = ? ORDER BY seq")
    cases: dict[str, dict[str, Callable[[], object]]] = {
        "one account by user name": {
            "conn.execute": lambda: db.conn.execute(one, ("doctor",)).fetchone(),
            "db.query": lambda: next(db.query(one, ["doctor"]), None),
            "rows_where": lambda: next(db.table("user_account").rows_where(
                "username = ? AND active = 1", ["doctor"], select="role"), None),
        },
        "one record's audit history": {
            "conn.execute": lambda: db.conn.execute(hist, ("user_account", record_id)).fetchall(),
            "db.query": lambda: list(db.query(hist, ["user_account", record_id])),
            "rows_where": lambda: list(db.table("audit_log").rows_where(
                "table_name = ? AND record_id = ?", ["user_account", record_id],
                order_by="seq", select="seq, at_utc, user, action, field, old_value, new_value")),
        },
    }
    try:
        for case, ways in cases.items():
            line = []
            for name, fn in ways.items():
                per_call = [t / 2000 * 1e6 for t in timeit.repeat(fn, number=2000, repeat=runs)]
                line.append(f"{name} {statistics.median(per_call):6.1f}")
            print(f"{case:<28} " + "   ".join(line) + "  (µs per call, median)")
    finally:
        study.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    batches = prepared(args.patients)
    total = sum(len(p) for _, _, p in batches)
    print(f"{total} rows ({', '.join(f'{t} {len(p)}' for t, _, p in batches)}), "
          f"{args.runs} runs, median ms")
    writers: dict[str, Writer] = {"executemany (raw SQL)": raw,
                                  "insert_all, list rows": insert_all_lists,
                                  "insert_all, dict rows": insert_all_dicts}
    times: dict[str, list[float]] = {name: [] for name in writers}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):  # interleaved, so drift hits every writer alike
            for name, writer in writers.items():
                times[name].append(one_run(Path(tmp), name.split()[0], writer, batches))
        base = statistics.median(times["executemany (raw SQL)"])
        for name, ms in times.items():
            med = statistics.median(ms)
            print(f"{name:<24} {med:9.1f} ms  {med / base:5.2f}x  "
                  f"{total / med * 1000:10.0f} rows/s")
        demo = Path(tmp) / "reads.jdm"
        write_demo(demo)
        read_medians(demo, args.runs)


if __name__ == "__main__":
    main()
