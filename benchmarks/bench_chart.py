"""Time from a lab's commit to the updated enzyme chart (the panel's ``refreshed`` signal).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chart.py [--runs 60]
        [--points 1000]

A patient with --points lab points (CK, LD, ASAT, ALAT, tacrolimus troughs) is saved one CK value
at a time through the RecordService, in an encrypted study and in a plain one; the chart panel is
connected to ``RecordService.changed`` as in the app. Reported (median, p95): the save's commit →
``refreshed`` (goal p95 ≤ 8 ms, half a 60 Hz frame), the whole save → chart updated, the same
plus a synchronous repaint, a full redraw (query + setData), and a floor on the study's own
connection (one INSERT committed, then the chart's three reads). Never fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from jdmdesk.db.bulk import bulk_insert  # noqa: E402
from jdmdesk.db.connection import Study, write_transaction  # noqa: E402
from jdmdesk.db.ids import new_id  # noqa: E402
from jdmdesk.db.studyfile import create_study  # noqa: E402
from jdmdesk.domain.access import Role, Session  # noqa: E402
from jdmdesk.domain.clock import FixedClock  # noqa: E402
from jdmdesk.services.accounts import AccountService  # noqa: E402
from jdmdesk.services.chart import ChartService  # noqa: E402
from jdmdesk.services.records import RecordService  # noqa: E402
from jdmdesk.ui.chart.panel import EnzymeChartPanel  # noqa: E402

START = date(2020, 1, 6)
CODES = (("CK", 145), ("LD", 325), ("ASAT", 30), ("ALAT", 30), ("TACROLIMUS", 10))


def seed(study: Study, n_points: int) -> str:
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
            day = START + timedelta(days=(i // len(CODES)) * 3 - 30)
            value = ref * (0.5 + 8 * 0.99 ** (i // len(CODES)))
            if code == "TACROLIMUS":
                value = 4.0 + (i * 7919) % 80 / 10
            labs.append({"patient_id": pid, "sample_id": new_id(),
                         "sample_date": day.isoformat(), "analyte": code,
                         "value": round(value, 1),
                         "unit": "ng/mL" if code == "TACROLIMUS" else "U/L",
                         "value_canonical": round(value, 1), "ref_low": 0, "ref_high": ref})
        bulk_insert(db, "bench", "lab", labs, reason="benchmark")
    return pid


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float], goal: str = "") -> float:
    med = statistics.median(ms)
    print(f"{name:<48} median {med:7.2f} ms   p95 {pct(ms, 0.95):7.2f} ms   {goal}")
    return med


def raw_floor(study: Study, pid: str, runs: int) -> list[float]:
    """The same insert and reads on the study's own connection (encrypted or plain)."""
    conn = study.conn
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO lab_result (id, patient_id, sample_id, sample_date, analyte, value, "
            "unit, value_canonical, ref_low, ref_high, missing, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'CK', ?, 'U/L', ?, 0, 145, '{}', ?, ?)",
            (new_id(), pid, new_id(), (START + timedelta(days=3000 + i)).isoformat(), 150.0,
             150.0, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
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
    return out


def bench_user(study: object) -> Session:
    """A data entry account to save as (a cheap hash: this file is thrown away)."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=64)
    accounts = AccountService(study, hasher=cheap)  # type: ignore[arg-type]
    manager = accounts.create_first_user("setup", "Setup", "bench password")
    result = accounts.create_user(manager, "bench", "Benchmark", Role.DATA_ENTRY,
                                  "chart timing 2026")
    assert result.ok, result
    return Session("bench", "Benchmark", Role.DATA_ENTRY)


def one(app: QApplication, path: Path, encrypt: bool, points: int, runs: int
        ) -> dict[str, list[float]]:
    study = create_study(path, encrypt=encrypt)
    pid = seed(study, points)
    service = RecordService(study, bench_user(study), FixedClock.on(date(2026, 11, 25)))
    marks: dict[str, float] = {}
    service.changed.connect(lambda *_: marks.__setitem__("commit", time.perf_counter()))
    panel = EnzymeChartPanel(ChartService(study))
    service.changed.connect(panel.on_records_changed)  # after the mark: as the first view
    panel.refreshed.connect(lambda: marks.__setitem__("refreshed", time.perf_counter()))
    panel.resize(1000, 620)
    panel.show()
    panel.show_patient(pid)
    app.processEvents()
    n0 = sum(len(panel.series_data(c)[0]) for c, _ in CODES)
    out: dict[str, list[float]] = {"commit": [], "save": [], "paint": [], "full": []}
    for i in range(runs):
        day = (START + timedelta(days=(points // len(CODES)) * 3 + i)).isoformat()
        draft = {"sample_date": day, "analyte": "CK", "value": "150", "unit": "U/L",
                 "ref_low": "0", "ref_high": "145"}
        marks.clear()
        t0 = time.perf_counter()
        result = service.save("lab", draft, patient_id=pid)
        t1 = time.perf_counter()
        panel.plot.viewport().repaint()
        t2 = time.perf_counter()
        assert result.ok, result
        out["commit"].append((marks["refreshed"] - marks["commit"]) * 1000)
        out["save"].append((t1 - t0) * 1000)
        out["paint"].append((t2 - t0) * 1000)
        app.processEvents()
    assert sum(len(panel.series_data(c)[0]) for c, _ in CODES) == n0 + runs
    for _ in range(runs):
        t0 = time.perf_counter()
        panel.refresh()
        out["full"].append((time.perf_counter() - t0) * 1000)
    panel.close()
    out["floor"] = raw_floor(study, pid, runs)
    study.close()
    print(f"{'encrypted' if encrypt else 'plain'}: {n0} points on the chart, "
          f"{runs} saves", flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--points", type=int, default=1000)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        figures = {kind: one(app, Path(tmp) / f"{kind}.jdm", kind == "encrypted", args.points,
                             args.runs) for kind in ("encrypted", "plain")}
    for kind, f in figures.items():
        print(f"\n{kind}")
        report("commit -> chart refreshed", f["commit"], "goal p95 <= 8 ms")
        med = report("save -> chart updated (whole save)", f["save"])
        report("save -> chart updated + repaint", f["paint"])
        report("full redraw (query + setData), for comparison", f["full"])
        floor = report("floor: insert commit + 3 reads, study connection", f["floor"])
        print(f"ratio save -> updated / floor (medians): {med / floor:.1f}x")
    enc, plain = figures["encrypted"], figures["plain"]
    print(f"\nencrypted / plain, commit -> refreshed p95: "
          f"{pct(enc['commit'], 0.95) / pct(plain['commit'], 0.95):.2f}x; whole save p95: "
          f"{pct(enc['save'], 0.95) / pct(plain['save'], 0.95):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
