"""Time from saving a lab through the RecordService to the updated enzyme chart.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chart.py [--runs 60]

A patient with 500 lab points (CK, LD, ASAT, ALAT, tacrolimus troughs) is saved one CK value at a
time; the chart panel is connected to ``RecordService.changed`` as in the app. Reported: median
and p95 of save -> items updated (``setData`` done), of the same plus a synchronous repaint, and a
raw-sqlite floor (one INSERT committed with the same PRAGMAs, then the chart's three reads).
Prints numbers; never fails on time.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from jdmdesk.db.bulk import bulk_insert
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Role, Session
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.chart import ChartService
from jdmdesk.services.records import RecordService
from jdmdesk.ui.chart.panel import EnzymeChartPanel

START = date(2020, 1, 6)
CODES = (("CK", 145), ("LD", 325), ("ASAT", 30), ("ALAT", 30), ("TACROLIMUS", 10))


def seed(study, n_points: int) -> str:
    with write_transaction(study.db) as db:
        (pid,) = bulk_insert(db, "bench", "patient", [{"study_code": "BENCH-1", "sex": "F",
                                                       "birth_date": "2012-03-01"}],
                             reason="benchmark")
        bulk_insert(db, "bench", "medication", [
            {"patient_id": pid, "drug": "tacrolimus", "route": "oral", "dose_amount": 2,
             "dose_unit": "mg", "frequency": "bd", "start_date": START.isoformat(),
             "change_reason": "start"},
            {"patient_id": pid, "drug": "prednisolone", "route": "oral", "dose_amount": 30,
             "dose_unit": "mg", "frequency": "od", "start_date": (START - timedelta(30))
             .isoformat(), "change_reason": "start"}], reason="benchmark")
        bulk_insert(db, "bench", "visit", [
            {"patient_id": pid, "visit_date": (START + timedelta(d)).isoformat(),
             "weight_kg": 30 + d / 100} for d in range(-40, 2000, 90)], reason="benchmark")
        labs = []
        for i in range(n_points):
            code, ref = CODES[i % len(CODES)]
            day = START + timedelta(days=(i // len(CODES)) * 7 - 30)
            value = ref * (0.5 + 8 * 0.99 ** (i // len(CODES)))
            if code == "TACROLIMUS":
                value = 4.0 + (i * 7919) % 80 / 10
            labs.append({"patient_id": pid, "sample_id": str(uuid.uuid4()),
                         "sample_date": day.isoformat(), "analyte": code,
                         "value": round(value, 1),
                         "unit": "ng/mL" if code == "TACROLIMUS" else "U/L",
                         "value_canonical": round(value, 1), "ref_low": 0, "ref_high": ref})
        bulk_insert(db, "bench", "lab", labs, reason="benchmark")
    return pid


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float]) -> float:
    med = statistics.median(ms)
    print(f"{name:<44} median {med:7.2f} ms   p95 {pct(ms, 0.95):7.2f} ms   (n={len(ms)})")
    return med


def raw_floor(path: Path, pid: str, runs: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO lab_result (id, patient_id, sample_id, sample_date, analyte, value, "
            "unit, value_canonical, ref_low, ref_high, missing, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'CK', ?, 'U/L', ?, 0, 145, '{}', ?, ?)",
            (str(uuid.uuid4()), pid, str(uuid.uuid4()),
             (START + timedelta(days=900 + i)).isoformat(), 150.0, 150.0,
             "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
        conn.execute("COMMIT")
        conn.execute("SELECT id, analyte, sample_date, sample_time, value, unit, "
                     "value_canonical, ref_low, ref_high FROM lab_result WHERE patient_id = ? "
                     "AND deleted = 0 AND analyte IN ('CK','LD','ASAT','ALAT','ALDOLASE',"
                     "'TACROLIMUS') ORDER BY sample_date, sample_time, created_at",
                     (pid,)).fetchall()
        conn.execute("SELECT drug, route, dose_amount, dose_unit, frequency, start_date, "
                     "end_date FROM medication WHERE patient_id = ? AND deleted = 0 "
                     "ORDER BY start_date, created_at", (pid,)).fetchall()
        conn.execute("SELECT visit_date, weight_kg FROM visit WHERE patient_id = ? AND "
                     "deleted = 0 AND weight_kg IS NOT NULL ORDER BY visit_date, created_at",
                     (pid,)).fetchall()
        out.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return out


def bench_user(study: object) -> Session:
    """A data entry account to save as (a cheap hash: this file is thrown away)."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=64)
    accounts = AccountService(study, hasher=cheap)  # type: ignore[arg-type]
    manager = accounts.create_first_user("setup", "Setup", "bench password")
    accounts.create_user(manager, "bench", "Benchmark", Role.DATA_ENTRY, "bench password")
    return Session("bench", "Benchmark", Role.DATA_ENTRY)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--points", type=int, default=500)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jdm"
        study = create_study(path)
        pid = seed(study, args.points)
        service = RecordService(study, bench_user(study), FixedClock.on(date(2026, 11, 25)))
        panel = EnzymeChartPanel(ChartService(study))
        service.changed.connect(panel.on_records_changed)
        panel.resize(1000, 620)
        panel.show()
        panel.show_patient(pid)
        app.processEvents()
        n0 = len(panel.series_data("CK")[0])
        print(f"patient with {args.points} lab points ({n0} CK); {args.runs} saves each\n")

        updated, painted = [], []
        for i in range(args.runs):
            day = (START + timedelta(days=700 + i)).isoformat()
            draft = {"sample_date": day, "analyte": "CK", "value": "150", "unit": "U/L",
                     "ref_low": "0", "ref_high": "145"}
            t0 = time.perf_counter()
            result = service.save("lab", draft, patient_id=pid)
            t1 = time.perf_counter()  # the chart's slot ran inside the emit: items are updated
            panel.plot.viewport().repaint()
            t2 = time.perf_counter()
            assert result.ok, result
            updated.append((t1 - t0) * 1000)
            painted.append((t2 - t0) * 1000)
        assert len(panel.series_data("CK")[0]) == n0 + args.runs

        refresh = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            panel.refresh()
            refresh.append((time.perf_counter() - t0) * 1000)
        panel.close()
        study.close()

        med_u = report("save -> chart items updated", updated)
        report("save -> chart items updated + repaint", painted)
        report("chart refresh alone (query + setData)", refresh)
        floor = raw_floor(path, pid, args.runs)
        med_f = report("raw sqlite floor (insert commit + 3 reads)", floor)
        print(f"\nratio save->updated / raw floor (medians): {med_u / med_f:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
