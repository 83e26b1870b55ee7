"""Lab import speed: a 10 000-row hospital file checked and imported, beside a raw floor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_lab_import.py [--rows 10000]
        [--runs 5] [--big-mb 0]

Each run imports the same Dutch-layout CSV (``;``, decimal commas, Windows-1252, 50 patients
matched by hospital number, a stored result per patient to compare with) into a fresh
encrypted study through ``LabImportService.run`` (read, map, validate with the lab form's rules,
duplicate/conflict check, insert, one audit entry per row, the import event, commit). The floor
is the same number of prepared lab rows written with one ``executemany`` into a fresh study and
committed. Reported: median and p95 of both and their ratio; ``--big-mb N`` also checks (dry
run) a file of about N MB and reports the peak memory growth, to show it is streamed. Prints
numbers; never fails on time.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from jdmdesk.db.bulk import bulk_insert, insert_rows, uuid4_batch
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.lab_import import LAB_COLUMNS
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.lab_import import LabImportService
from tests.conftest import TODAY, seed_users

TESTS = (("CK", "U/L", 40, 3000, "0 - 145"), ("LDH", "U/L", 150, 900, "0 - 325"),
         ("ASAT", "U/L", 10, 200, "0 - 30"), ("ALAT", "U/L", 10, 200, "0 - 30"),
         ("Kalium", "mmol/L", 3.2, 5.2, "3,5 - 5,0"), ("Tacrolimus dal", "\u00b5g/L", 3, 12,
                                                     "5 - 10"))
PATIENTS = 50


def write_file(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    with open(path, "w", encoding="cp1252", newline="") as fh:
        fh.write("Ziekenhuisnummer;Afnamedatum;Afnametijd;Bepaling;Uitslag;Eenheid;Referentie\r\n")
        for i in range(rows):
            test, unit, lo, hi, ref = TESTS[i % len(TESTS)]
            p = (i // len(TESTS)) % PATIENTS
            day = 1 + (i // (len(TESTS) * PATIENTS)) % 28
            month = 1 + (i // (len(TESTS) * PATIENTS * 28)) % 12
            year = 2015 + i // (len(TESTS) * PATIENTS * 28 * 12)
            value = f"{rnd.uniform(lo, hi):.1f}".replace(".", ",")
            fh.write(f"H{p:06d};{day:02d}-{month:02d}-{year};08:{i % 60:02d};{test};{value};"
                     f"{unit};{ref}\r\n")


def fresh_study(folder: Path, name: str):
    study = create_study(folder / name)
    users = seed_users(study)
    with write_transaction(study.db) as db:
        ids = bulk_insert(db, "bench", "patient", [
            {"study_code": f"P{p:03d}", "sex": "F", "birth_date": "2010-01-01",
             "hospital_number": f"H{p:06d}"} for p in range(PATIENTS)], reason="benchmark")
        bulk_insert(db, "bench", "lab", [
            {"patient_id": pid, "sample_date": "2014-06-01", "analyte": "CK", "value": 100.0,
             "unit": "U/L", "value_canonical": 100.0, "sample_id": uuid4_batch(1)[0]}
            for pid in ids], reason="benchmark")
    return study, users, ids


def run_import(folder: Path, src: Path, i: int) -> float:
    study, users, _ = fresh_study(folder, f"imp{i}.jdm")
    service = LabImportService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY))
    t0 = time.perf_counter()
    result, check = service.run(src)
    elapsed = time.perf_counter() - t0
    study.close()
    assert result.ok, (result, check and [str(p) for p in check.problems[:3]])
    return elapsed


def run_floor(folder: Path, rows: int, i: int) -> float:
    study, _, ids = fresh_study(folder, f"raw{i}.jdm")
    now = "2026-01-01T00:00:00.000000Z"
    new = uuid4_batch(rows)
    params = [(new[k], ids[k % len(ids)], new[k], f"2016-01-{1 + k % 28:02d}", "08:00", "CK",
               100.0 + k % 50, None, "U/L", 100.0 + k % 50, 0.0, 145.0, None, "{}", now, now)
              for k in range(rows)]
    t0 = time.perf_counter()
    with write_transaction(study.db) as db:
        insert_rows(db, "lab_result", LAB_COLUMNS, params)
    elapsed = time.perf_counter() - t0
    study.close()
    return elapsed


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-mb", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "labs.csv"
        write_file(src, args.rows)
        imports = [run_import(folder, src, i) for i in range(args.runs)]
        floors = [run_floor(folder, args.rows, i) for i in range(args.runs)]
        mi, mf = statistics.median(imports), statistics.median(floors)
        print(f"lab import of {args.rows} rows ({src.stat().st_size / 1e6:.2f} MB), "
              f"{args.runs} runs")
        print(f"  LabImportService.run : median {mi:.3f} s, p95 {p95(imports):.3f} s "
              f"({args.rows / mi:,.0f} rows/s)")
        print(f"  raw executemany floor: median {mf:.3f} s, p95 {p95(floors):.3f} s")
        print(f"  ratio import/floor   : {mi / mf:.1f}x   (goal: import under 3 s)")
        if args.big_mb:
            big = folder / "big.csv"
            write_file(big, args.big_mb * 1_000_000 // 60)
            study, users, _ = fresh_study(folder, "big.jdm")
            service = LabImportService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY))
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            check = service.check(big)
            took = time.perf_counter() - t0
            grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
            print(f"  dry run of {big.stat().st_size / 1e6:.0f} MB ({check.rows} rows): "
                  f"{took:.1f} s, peak memory grew {grew:.0f} MB")
            study.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
