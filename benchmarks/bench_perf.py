"""Performance of a 10 000-patient study, each figure beside a raw floor of the same work.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_perf.py [--study FILE]
        [--patients 10000] [--runs 40] [--skip-export]

Prints medians and p95 in milliseconds, the floor (plain sqlite3 doing the same reads and
writes, or a plain csv.writer dump), their ratio and the target. Never fails on time.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROWS: list[tuple[str, float, float, float | None, str]] = []


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def record(name: str, ms: list[float], floor: list[float] | None, target: str) -> None:
    med, p95 = statistics.median(ms), pct(ms, 0.95)
    fmed = statistics.median(floor) if floor else None
    ROWS.append((name, med, p95, fmed, target))
    ratio = f"{med / fmed:6.1f}x" if fmed else "      "
    floor_text = f"{fmed:9.2f}" if fmed is not None else "        —"
    print(f"{name:<42} {med:9.2f} {p95:9.2f} {floor_text} {ratio}  {target}", flush=True)


def header() -> None:
    print(f"{'measure (ms)':<42} {'median':>9} {'p95':>9} {'floor':>9} {'ratio':>7}  target")


COLD_START = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QObject, QEvent
app = QApplication([])
from jdmdesk.app import build_main_window
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
w = build_main_window(sys.argv[1], demo_credentials(Role.REVIEWER), read_only=True)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"{(time.perf_counter() - t0) * 1000:.1f}", flush=True)
            app.exit(0)
        return False
f = Painted(); w.installEventFilter(f); w.show(); app.exec()
"""
COLD_FLOOR = r"""
import time, sys, sqlite3
t0 = time.perf_counter()
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
c.execute("SELECT id, study_code FROM patient WHERE deleted = 0 ORDER BY study_code").fetchall()
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
"""


def cold_start(study: Path, runs: int) -> None:
    def run(script: str) -> list[float]:
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", script, str(study)], capture_output=True,
                                  text=True, cwd=ROOT, check=True)
            wall = (time.perf_counter() - t0) * 1000
            out.append(wall)
            del proc
        return out

    record("cold start to first paint (process wall)", run(COLD_START), run(COLD_FLOOR),
           "≤ 1000")


def raw_conn(study: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(study, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def in_process(study: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from jdmdesk.app import build_main_window
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role

    app = QApplication.instance() or QApplication([])
    window = build_main_window(study, demo_credentials(Role.DATA_ENTRY))
    window.show()
    app.processEvents()
    raw = raw_conn(study)
    ids = list(window.patients.model.ids)
    rng = random.Random(7)

    # search as you type
    prefixes = ["S", "SY", "SYN", "SYN-", "SYN-0", "SYN-01", "SYN-012", "SYN-0123"]
    search = window.patients.search
    ms = []
    for i in range(runs):
        t0 = time.perf_counter()
        search.setText(prefixes[i % len(prefixes)])
        app.processEvents()
        ms.append((time.perf_counter() - t0) * 1000)
    floor = timed(lambda: raw.execute(
        "SELECT id, study_code FROM patient WHERE study_code LIKE 'SYN-01%' AND deleted = 0 "
        "ORDER BY study_code").fetchall(), runs)
    record("patient search keystroke (list refreshed)", ms, floor, "≤ 50")
    search.setText("")
    app.processEvents()

    # patient switch: tables, both charts, review
    picks = [rng.choice(ids) for _ in range(runs)]

    def switch(pid: str) -> None:
        window.choose_patient(pid)
        app.processEvents()

    ms = [timed(lambda p=p: switch(p), 1)[0] for p in picks]

    def raw_switch(pid: str) -> None:
        for table in ("visit", "medication", "lab_result", "adverse_event"):
            raw.execute(f"SELECT * FROM {table} WHERE patient_id = ? AND deleted = 0",
                        (pid,)).fetchall()

    floor = [timed(lambda p=p: raw_switch(p), 1)[0] for p in picks]
    record("switch patient (queries, tables, charts, review)", ms, floor, "p95 ≤ 50")

    # saving a visit with its audit rows
    writer = window.writer
    pid = picks[0]
    window.choose_patient(pid)
    draft = {"visit_date": "2026-01-05", "weight_kg": "31.5", "height_cm": "138", "sbp": "105",
             "dbp": "65", "phga": "3.5", "ptga": "4", "ptga_rater": "parent",
             "extramuscular_ga": "2",
             **{f"cmas_{i}": "2" for i in range(1, 15)}, "das_skin": "3", "das_muscle": "4",
             "cdasi_activity": "12", "cdasi_damage": "3"}
    ms = timed(lambda: writer.save("visit", draft, patient_id=pid), runs)
    n_fields = len(draft)

    def raw_visit() -> None:
        raw.execute("BEGIN IMMEDIATE")
        vid = str(uuid.uuid4())
        raw.execute("INSERT INTO visit (id, patient_id, visit_date, phga, created_at, "
                    "updated_at) VALUES (?, ?, '2026-01-05', 3.5, 'n', 'n')", (vid, pid))
        last = raw.execute("SELECT seq FROM audit_log WHERE seq = (SELECT max(seq) "
                           "FROM audit_log)").fetchone()[0]
        raw.executemany("INSERT INTO audit_log (seq, at_utc, user, action, table_name, "
                        "record_id, field, new_value, prev_hash, hash) VALUES "
                        "(?, 'n', 'u', 'create', 'visit', ?, 'f', 'v', 'p', ?)",
                        [(last + i + 1, vid, uuid.uuid4().hex) for i in range(n_fields)])
        raw.execute("COMMIT")

    record("save a visit with its audit rows", ms, timed(raw_visit, runs), "p95 ≤ 20")

    panel = [{"sample_date": "2026-01-05", "analyte": code, "value": "12", "unit": unit}
             for code, unit in (("CK", "U/L"), ("LD", "U/L"), ("ASAT", "U/L"), ("ALAT", "U/L"),
                                ("ALDOLASE", "U/L"), ("CREATININE", "\u00b5mol/L"),
                                ("K", "mmol/L"), ("MG", "mmol/L"), ("GLUCOSE", "mmol/L"),
                                ("CRP", "mg/L"))]
    for d in panel:  # plausible values for each analyte
        d["value"] = {"K": "4.2", "MG": "0.8", "GLUCOSE": "5.1", "CREATININE": "45"}.get(
            d["analyte"], "12")
    ms = timed(lambda: writer.save_lab_panel(pid, panel), runs)

    def raw_panel() -> None:
        raw.execute("BEGIN IMMEDIATE")
        sid = str(uuid.uuid4())
        last = raw.execute("SELECT seq FROM audit_log WHERE seq = (SELECT max(seq) "
                           "FROM audit_log)").fetchone()[0]
        for k, d in enumerate(panel):
            lid = str(uuid.uuid4())
            raw.execute("INSERT INTO lab_result (id, patient_id, sample_id, sample_date, "
                        "analyte, value, unit, value_canonical, created_at, updated_at) "
                        "VALUES (?, ?, ?, '2026-01-05', ?, ?, ?, ?, 'n', 'n')",
                        (lid, pid, sid, d["analyte"], float(d["value"]), d["unit"],
                         float(d["value"])))
            raw.executemany("INSERT INTO audit_log (seq, at_utc, user, action, table_name, "
                            "record_id, field, new_value, prev_hash, hash) VALUES "
                            "(?, 'n', 'u', 'create', 'lab_result', ?, 'f', 'v', 'p', ?)",
                            [(last + k * 6 + i + 1, lid, uuid.uuid4().hex) for i in range(6)])
        raw.execute("COMMIT")

    record("save a 10-analyte lab panel", ms, timed(raw_panel, runs), "p95 ≤ 20")

    # chart update after a save, for a patient with 500 lab points
    chart = window.workspace.chart
    writer.save_lab_panel(pid, [{"sample_date": f"20{20 + i // 300}-{1 + i % 12:02d}-"
                                 f"{1 + i % 28:02d}", "analyte": ("CK", "LD", "ASAT")[i % 3],
                                 "value": str(100 + i), "unit": "U/L", "ref_high": "145"}
                                for i in range(500)])
    window.workspace.show_section("lab")
    app.processEvents()
    points = sum(len(chart.series_data(c)[0]) for c in ("CK", "LD", "ASAT"))
    ms = []
    for i in range(runs):
        draft_lab = {"sample_date": f"2025-{1 + i % 12:02d}-15", "analyte": "CK",
                     "value": str(300 + i), "unit": "U/L", "ref_high": "145"}
        done: list[float] = []
        chart.refreshed.connect(lambda done=done: done.append(time.perf_counter()))
        t0 = time.perf_counter()
        writer.save("lab", draft_lab, patient_id=pid)
        ms.append((done[0] - t0) * 1000 if done else float("nan"))
        chart.refreshed.disconnect()
    only = timed(chart.refresh, runs)

    def raw_chart() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO lab_result (id, patient_id, sample_id, sample_date, analyte, "
                    "value, unit, value_canonical, created_at, updated_at) VALUES "
                    "(?, ?, ?, '2025-03-15', 'CK', 300, 'U/L', 300, 'n', 'n')",
                    (str(uuid.uuid4()), pid, str(uuid.uuid4())))
        raw.execute("COMMIT")
        raw.execute("SELECT sample_date, analyte, value_canonical, ref_high, unit FROM "
                    "lab_result WHERE patient_id = ? AND deleted = 0", (pid,)).fetchall()

    record(f"save → chart updated ({points} enzyme points)", ms, timed(raw_chart, runs),
           "p95 ≤ 16")
    record("chart refresh alone (query + setData)", only, None, "")
    window.close()
    raw.close()


def check(study: Path, runs: int) -> None:
    from jdmdesk.db.check import check_study
    from jdmdesk.db.studyfile import open_study

    s = open_study(study, read_only=True)
    ms = timed(lambda: check_study(s.db), runs)
    s.close()
    raw = sqlite3.connect(f"file:{study}?mode=ro", uri=True)
    floor = timed(lambda: raw.execute("PRAGMA integrity_check").fetchall(), runs)
    raw.close()
    record("jdmdesk check (integrity, FKs, audit chain)", ms, floor, "")


def build(path: Path, patients: int) -> None:
    from jdmdesk.demo import write_demo

    t0 = time.perf_counter()
    counts = write_demo(path, patients)
    seconds = time.perf_counter() - t0
    rows = sum(counts[t] for t in ("patient", "visit", "medication", "lab_result"))
    copy = path.with_name("floor-copy.sqlite")
    raw = sqlite3.connect(copy, isolation_level=None)
    raw.execute("PRAGMA journal_mode = OFF")
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute(f"ATTACH '{path}' AS src")
    t1 = time.perf_counter()
    raw.execute("BEGIN")
    for table in ("patient", "visit", "medication", "lab_result"):
        raw.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table}")
    raw.execute("COMMIT")
    floor = time.perf_counter() - t1
    raw.close()
    copy.unlink()
    print(f"demo --patients {patients}: {rows:,} rows in {seconds:.1f} s = "
          f"{rows / seconds:,.0f} rows/s (target ≥ 100,000); raw sqlite copy of the same rows "
          f"{floor:.1f} s (ratio {seconds / floor:.1f}x)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--study", type=Path, help="existing large study (default: build one)")
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--skip-export", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        study = args.study
        if study is None:
            study = Path(tmp) / "large.jdm"
            build(study, args.patients)
        work = Path(tmp) / "work.jdm"  # saves go to a copy, the input stays as it was
        src = sqlite3.connect(f"file:{study}?mode=ro", uri=True)
        dst = sqlite3.connect(work)
        src.backup(dst)
        src.close()
        dst.close()
        header()
        cold_start(work, max(5, args.runs // 8))
        in_process(work, args.runs)
        check(work, 3)
        if not args.skip_export:
            print("\nexport (benchmarks/bench_export.py):", flush=True)
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_export.py"),
                            "--study", str(study)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
