"""Benchmark: export a large study and compare with a plain csv.writer dump of the same rows.

    .venv/bin/python benchmarks/bench_export.py [--study BIG.jdm] [--patients 10000]
                                                [--format bundle] [--tracemalloc]

Without --study a synthetic study of --patients patients is written first (about 1.6 M lab
rows for 10 000 patients; that takes a couple of minutes). Prints wall time, peak memory
(resident set via getrusage, and with --tracemalloc the Python heap peak of a second export
run), and the ratio of the export's time to a plain ``csv.writer`` dump of the same database
rows in the same process. Never fails on time.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from jdmdesk.cli_auth import log_in
from jdmdesk.db import export_queries as eq
from jdmdesk.db.studyfile import open_study
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Action, Role
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export

KINDS = ("patient", "visit", "medication", "lab", "adverse_event")


def rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def plain_dump(study_path: Path, folder: Path) -> tuple[float, int]:
    """The same rows (every live record and the audit trail), csv.writer, no rules."""
    study = open_study(study_path, read_only=True)
    t0, n = time.perf_counter(), 0
    try:
        for kind in (*KINDS, "visit"):  # the bundle writes visits twice (tidy + wide)
            with (folder / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                for rec in eq.iter_records(study.db, kind):
                    w.writerow(rec.values())
                    n += 1
        with (folder / "audit.csv").open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            for rec in eq.iter_audit(study.db):
                w.writerow(rec.values())
                n += 1
    finally:
        study.close()
    return time.perf_counter() - t0, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--study", type=Path)
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--format", default="bundle",
                    choices=("bundle", "xlsx", "odm", "redcap", "stata", "spss"))
    ap.add_argument("--tracemalloc", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        study = args.study
        if study is None:
            from jdmdesk.demo import write_demo

            study = folder / "big.jdm"
            t0 = time.perf_counter()
            counts = write_demo(study, args.patients)
            print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
        # the demo's data manager, unless JDMDESK_USER / JDMDESK_PASSWORD say otherwise
        manager = demo_credentials(Role.DATA_MANAGER)
        os.environ.setdefault("JDMDESK_USER", manager.username)
        os.environ.setdefault("JDMDESK_PASSWORD", manager.password)
        session = log_in(study, Action.EXPORT)  # an encrypted study is unlocked here
        s = open_study(study, read_only=True)
        counts = {k: eq.count_records(s.db, k) for k in KINDS}
        counts["audit"] = eq.count_audit(s.db)
        s.close()
        print(f"study {study}: {counts}")
        out = folder / f"export.{args.format}"
        rss0 = rss_mb()
        t0 = time.perf_counter()
        result = run_export(study, out, ExportOptions(args.format), session=session)
        export_s = time.perf_counter() - t0
        rss1 = rss_mb()
        print(f"export ({args.format}): {export_s:.1f} s, {out.stat().st_size / 1e6:.1f} MB, "
              f"rows {sum(result.rows.values())}")
        print(f"peak RSS: {rss1:.0f} MB (before the export {rss0:.0f} MB; goal ≤ 200 MB: "
              f"{'met' if rss1 <= 200 else 'missed'})")

        dump_s, dumped = plain_dump(study, folder)
        print(f"plain csv.writer dump of the same rows: {dump_s:.1f} s ({dumped} rows)")
        print(f"ratio export / plain dump: {export_s / dump_s:.2f}")

        if args.tracemalloc:
            out.unlink()
            tracemalloc.start()
            run_export(study, out, ExportOptions(args.format), session=session)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"peak Python heap during export (tracemalloc): {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
