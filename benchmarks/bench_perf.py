"""Performance of a 10 000-patient study, each figure beside a raw floor of the same work.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_perf.py [--study FILE ...]
        [--patients 10000] [--runs 40] [--skip-export]

Each --study (an encrypted demo study and a plain one, e.g. written by bench_encryption.py
--keep) is measured in turn; without --study an encrypted one is built. Prints medians and p95
in milliseconds, the floor (the same reads and writes on a bare connection of the same driver
and key, or a plain csv.writer dump), their ratio and the target, and the window's peak memory
after visiting 100 patients. Saves go to a copy: the input stays as it was. Never fails on time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
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

from jdmdesk.db.ids import new_id  # noqa: E402

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


def must(result: object) -> None:
    """A save that did not write would make a figure meaningless."""
    assert getattr(result, "ok", False), result


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
t0 = float(sys.argv[2])  # the parent's clock when it started this process (same monotonic clock)
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QObject, QEvent
app = QApplication([])
from jdmdesk.app import build_main_window
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
w = build_main_window(sys.argv[1], demo_credentials(Role.REVIEWER), read_only=True,
                      defer_check=True)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(f"{(time.perf_counter() - t0) * 1000:.1f}", flush=True)
            import os; os._exit(0)  # at once: the integrity check may still be running
        return False
f = Painted(); w.installEventFilter(f); w.show(); app.exec()
"""
COLD_FLOOR = r"""
import time, sys
t0 = float(sys.argv[2])
from sqlcipher3 import dbapi2
c = dbapi2.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
if sys.argv[3]:
    c.execute(f"PRAGMA key = \"x'{sys.argv[3]}'\"")
c.execute("SELECT id, study_code FROM patient WHERE deleted = 0 ORDER BY study_code").fetchall()
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
"""
MEMORY = r"""
import random, resource, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from jdmdesk.app import build_main_window
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
w = build_main_window(sys.argv[1], demo_credentials(Role.REVIEWER), read_only=True)
w.show(); app.processEvents()
w.workspace.show_section("lab"); app.processEvents()
ids = list(w.patients.model.ids)
for pid in random.Random(3).sample(ids, 100):
    w.choose_patient(pid); app.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def key_hex(study: Path) -> str:
    """The study key this process unlocked (empty for a plain study)."""
    from jdmdesk.db import keyring

    key = keyring.key_for(study)
    return key.hex() if key is not None else ""


def cold_start(study: Path, runs: int) -> None:
    def run(script: str, *extra: str) -> list[float]:
        out = []
        for _ in range(runs):
            # time from the parent's fork to the child's first paint, read from the child
            proc = subprocess.run([sys.executable, "-c", script, str(study),
                                   repr(time.perf_counter()), *extra],
                                  capture_output=True, text=True, cwd=ROOT, check=True)
            out.append(float(proc.stdout.split()[-1]))
        return out

    record("cold start to first paint (process, incl. login)", run(COLD_START),
           run(COLD_FLOOR, key_hex(study)), "≤ 1000")


def memory(study: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", MEMORY, str(study)], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    mb = float(proc.stdout.split()[-1])
    print(f"{'window peak RSS after 100 patients (MB)':<42} {mb:9.0f} {'':>9} {'':>9} "
          f"{'':>7}  ≤ 250 MB: {'met' if mb <= 250 else 'missed'} "
          f"(load {os.getloadavg()[0]:.2f})", flush=True)


def raw_conn(study: Path) -> sqlite3.Connection:
    """A bare connection of the app's driver, keyed as the study is (the floor)."""
    from jdmdesk.db.driver import connect

    conn = connect(str(study), isolation_level=None)
    if key := key_hex(study):
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
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
    # A plain study opens read-only in the app (issue 14: it is offered an encrypted copy); its
    # figures are the comparison without the cipher, so its saves are let through here.
    window.services.records.study.read_only = False
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
    ms = timed(lambda: must(writer.save("visit", draft, patient_id=pid, reason="benchmark",
                                        confirm_warnings=True)), runs)
    n_fields = len(draft)

    def raw_visit() -> None:
        raw.execute("BEGIN IMMEDIATE")
        vid = new_id()
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
    ms = timed(lambda: must(writer.save_lab_panel(pid, panel, reason="benchmark",
                                                 confirm_warnings=True)), runs)

    def raw_panel() -> None:
        raw.execute("BEGIN IMMEDIATE")
        sid = new_id()
        last = raw.execute("SELECT seq FROM audit_log WHERE seq = (SELECT max(seq) "
                           "FROM audit_log)").fetchone()[0]
        for k, d in enumerate(panel):
            lid = new_id()
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

    def save_to_chart(day: str, value: int) -> float:
        draft_lab = {"sample_date": day, "analyte": "CK", "value": str(value), "unit": "U/L",
                     "ref_high": "145"}
        done: list[float] = []
        chart.refreshed.connect(lambda done=done: done.append(time.perf_counter()))
        t0 = time.perf_counter()
        must(writer.save("lab", draft_lab, patient_id=pid, reason="benchmark",
                         confirm_warnings=True))
        chart.refreshed.disconnect()
        return (done[0] - t0) * 1000 if done else float("nan")

    # a new result after every point drawn (appended), then one dated before them (full redraw)
    today = datetime.date.today().isoformat()  # on or after every result (none in the future)
    appended = [save_to_chart(today, 300 + i) for i in range(runs)]
    redrawn = [save_to_chart(f"2019-{1 + i // 28:02d}-{1 + i % 28:02d}", 300 + i)
               for i in range(runs)]
    ms = appended
    only = timed(chart.refresh, runs)

    def raw_chart() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO lab_result (id, patient_id, sample_id, sample_date, analyte, "
                    "value, unit, value_canonical, created_at, updated_at) VALUES "
                    "(?, ?, ?, '2025-03-15', 'CK', 300, 'U/L', 300, 'n', 'n')",
                    (new_id(), pid, new_id()))
        raw.execute("COMMIT")
        raw.execute("SELECT sample_date, analyte, value_canonical, ref_high, unit FROM "
                    "lab_result WHERE patient_id = ? AND deleted = 0", (pid,)).fetchall()

    floor = timed(raw_chart, runs)
    record(f"save → chart updated, new result ({points} pts)", ms, floor,
           "commit→chart p95 ≤ 8: bench_chart.py")
    record("save → chart redrawn, earlier date", redrawn, floor, "")
    record("chart refresh alone (query + setData)", only, None, "")
    window.close()
    raw.close()


def check(study: Path, runs: int) -> None:
    from jdmdesk.db.check import check_study
    from jdmdesk.db.studyfile import open_study

    s = open_study(study, read_only=True)
    ms = timed(lambda: check_study(s.db, study), runs)
    s.close()
    raw = raw_conn(study)
    floor = timed(lambda: raw.execute("PRAGMA integrity_check").fetchall(), runs)
    raw.close()
    record("jdmdesk check (integrity, FKs, audit chain)", ms, floor, "")


def build(path: Path, patients: int) -> None:
    """An encrypted demo study (generation speed: benchmarks/bench_demo.py)."""
    from jdmdesk.demo import write_demo

    t0 = time.perf_counter()
    write_demo(path, patients)
    print(f"demo --patients {patients}: written in {time.perf_counter() - t0:.1f} s", flush=True)


def unlock(study: Path) -> None:
    from jdmdesk.db import keystore
    from jdmdesk.db.connection import looks_encrypted
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role

    if looks_encrypted(study):
        given = demo_credentials(Role.DATA_MANAGER)
        keystore.unlock_with_password(study, given.username, given.password)


def copy_study(study: Path, work: Path) -> None:
    """The study, its WAL and its key file, copied byte for byte (the key stays the same)."""
    for suffix in ("", "-wal", ".keys"):
        src = Path(f"{study}{suffix}")
        if src.exists():
            shutil.copyfile(src, f"{work}{suffix}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--study", type=Path, action="append",
                    help="existing large study (repeatable; default: build one)")
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--skip-export", action="store_true")
    ap.add_argument("--skip-check", action="store_true",
                    help="leave out jdmdesk check (integrity_check of the whole file, 3 runs)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        studies = args.study
        if not studies:
            studies = [Path(tmp) / "large.jdm"]
            build(studies[0], args.patients)
        for n, study in enumerate(studies):
            work = Path(tmp) / f"work{n}.jdm"  # saves go to a copy, the input stays as it was
            copy_study(study, work)
            unlock(work)
            kind = "encrypted" if key_hex(work) else "plain"
            print(f"\n{kind}: {study}", flush=True)
            header()
            cold_start(work, max(5, args.runs // 8))
            memory(work)
            in_process(work, args.runs)
            if not args.skip_check:
                check(work, 3)
            if not args.skip_export:
                print("\nexport (benchmarks/bench_export.py):", flush=True)
                subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_export.py"),
                                "--study", str(work)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
