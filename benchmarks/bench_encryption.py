"""Encrypted (SQLCipher) against plain SQLite: the same synthetic study, in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_encryption.py [--patients 10000]
        [--runs 40]

Two demo studies of --patients patients are written from the same seed, one encrypted (as
every new study is) and one plain. For each: cold start (a new process: unlock with the
password, open, first patient list; the Argon2id unlock shown apart), save of a visit with its
audit rows (median, p95), patient switch in the window (median, p95) and a bundle export.
Prints the figures and the encrypted/plain ratio; never fails on time. Target: save and
switch overhead under 15 %.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = r"""
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from jdmdesk.db import keystore
from jdmdesk.db.connection import looks_encrypted
from jdmdesk.db.studyfile import open_study
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
path = Path(sys.argv[1])
t1 = time.perf_counter()
if looks_encrypted(path):
    c = demo_credentials(Role.REVIEWER)
    keystore.unlock_with_password(path, c.username, c.password)
t2 = time.perf_counter()
s = open_study(path, read_only=True)
s.conn.execute("SELECT id, study_code FROM patient WHERE deleted = 0 "
               "ORDER BY study_code").fetchall()
s.close()
t3 = time.perf_counter()
print(f"{(t3 - t0 - (t2 - t1)) * 1000:.1f} {(t2 - t1) * 1000:.1f}")
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cold(path: Path, runs: int) -> tuple[list[float], list[float]]:
    opened, unlock = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD, str(path)], capture_output=True,
                             text=True, cwd=ROOT, check=True).stdout.split()
        opened.append(float(out[0]))
        unlock.append(float(out[1]))
    return opened, unlock


def in_window(path: Path, runs: int) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from jdmdesk.app import build_main_window
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role

    app = QApplication.instance() or QApplication([])
    window = build_main_window(path, demo_credentials(Role.DATA_ENTRY))
    window.show()
    app.processEvents()
    ids = list(window.patients.model.ids)
    rng = random.Random(7)
    switch = []
    for pid in [rng.choice(ids) for _ in range(runs)]:
        t0 = time.perf_counter()
        window.choose_patient(pid)
        app.processEvents()
        switch.append((time.perf_counter() - t0) * 1000)
    pid = ids[0]
    window.choose_patient(pid)
    draft = {"visit_date": "2026-01-05", "weight_kg": "31.5", "height_cm": "138", "sbp": "105",
             "dbp": "65", "phga": "3.5", "ptga": "4", "das_skin": "3", "das_muscle": "4"}
    save = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = window.writer.save("visit", draft, patient_id=pid)
        save.append((time.perf_counter() - t0) * 1000)
        assert result.ok, result
    window.workspace.prompts.unsaved_answers = ["discard"] * 10
    window.close()
    app.processEvents()
    return save, switch


def export(path: Path, out: Path) -> float:
    from jdmdesk.cli_auth import unlock
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role
    from jdmdesk.export import ExportOptions
    from jdmdesk.services.exports import run_export

    given = demo_credentials(Role.DATA_MANAGER)
    unlock(path, given)
    from jdmdesk.domain.access import Session

    session = Session(given.username, "Data manager", Role.DATA_MANAGER)
    t0 = time.perf_counter()
    run_export(path, out, ExportOptions("bundle"), session=session)
    return time.perf_counter() - t0


def line(name: str, enc: list[float], plain: list[float]) -> None:
    e50, p50 = statistics.median(enc), statistics.median(plain)
    e95, p95 = pct(enc, 0.95), pct(plain, 0.95)
    print(f"{name:<34} {p50:9.1f} {p95:9.1f} {e50:9.1f} {e95:9.1f}   "
          f"{(e95 / p95 - 1) * 100:+6.1f} %", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    from jdmdesk.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        paths = {"plain": Path(tmp) / "plain.jdm", "encrypted": Path(tmp) / "enc.jdm"}
        for kind, path in paths.items():
            t0 = time.perf_counter()
            write_demo(path, args.patients, encrypt=kind == "encrypted")
            print(f"demo {kind}: {args.patients} patients in {time.perf_counter() - t0:.1f} s",
                  flush=True)
        figures = {}
        for kind, path in paths.items():
            opened, unlock = cold(path, max(3, args.runs // 8))
            save, switch = in_window(path, args.runs)
            seconds = export(path, Path(tmp) / f"{kind}.zip")
            figures[kind] = (opened, unlock, save, switch, seconds)
        print(f"\n{'ms':<34} {'plain50':>9} {'plain95':>9} {'enc50':>9} {'enc95':>9}   p95 diff")
        (po, _, ps, pw, pe), (eo, eu, es, ew, ee) = figures["plain"], figures["encrypted"]
        line("cold start: open + patient list", eo, po)
        line("save a visit with its audit rows", es, ps)
        line("switch patient (window)", ew, pw)
        print(f"unlock (Argon2id, production cost): median {statistics.median(eu):.0f} ms")
        print(f"bundle export: plain {pe:.1f} s, encrypted {ee:.1f} s "
              f"({(ee / pe - 1) * 100:+.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
