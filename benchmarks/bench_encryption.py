"""Encrypted (SQLCipher) against plain SQLite: the same synthetic study, in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_encryption.py [--patients 10000]
        [--runs 40] [--encrypted FILE --plain FILE] [--keep DIR]

Two demo studies of --patients patients are written from the same seed, one encrypted (as
every new study is) and one plain (or given: --encrypted and --plain, e.g. kept from an earlier
run with --keep, since writing 10 000 patients takes minutes). Each is copied first, so the
saves never touch the input. For each: cold start (a new process: unlock with the password,
open, first patient list; the Argon2id unlock shown apart), cold start to the painted window
(a new process through ``build_main_window``, as ``jdmdesk STUDY`` after Enter), save of a visit
with its audit rows (median, p95), patient switch in the window (median, p95) and a bundle
export. Prints the figures, the encrypted/plain overhead and the verdict against the target
(save and switch overhead under 15 %); never fails on time.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
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


WINDOW = r"""
import sys, time
t0 = float(sys.argv[2])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
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
            import os; os._exit(0)
        return False
f = Painted(); w.installEventFilter(f); w.show(); app.exec()
"""


def window_cold(path: Path, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", WINDOW, str(path),
                               repr(time.perf_counter())], capture_output=True, text=True,
                              cwd=ROOT, check=True)
        out.append(float(proc.stdout.split()[-1]))
    return out


def copy_study(study: Path, work: Path) -> Path:
    for suffix in ("", "-wal", ".keys"):
        if Path(f"{study}{suffix}").exists():
            shutil.copyfile(f"{study}{suffix}", f"{work}{suffix}")
    return work


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
    # Since issue 14 a plain study opens read-only in the app (it is offered an encrypted copy);
    # the plain side here is the floor without the cipher, so its saves are let through.
    window.services.records.study.read_only = False
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
             "dbp": "65", "phga": "3.5", "ptga": "4", "ptga_rater": "parent", "das_skin": "3",
             "das_muscle": "4"}
    save = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = window.writer.save("visit", draft, patient_id=pid, confirm_warnings=True,
                                    reason="benchmark")
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


def line(name: str, enc: list[float], plain: list[float], target: float | None = None) -> None:
    e50, p50 = statistics.median(enc), statistics.median(plain)
    e95, p95 = pct(enc, 0.95), pct(plain, 0.95)
    over = (e95 / p95 - 1) * 100
    verdict = "" if target is None else (
        f"  (target < {target:.0f} %: {'met' if over < target else 'missed'}; "
        f"medians {(e50 / p50 - 1) * 100:+.1f} %)")
    print(f"{name:<38} {p50:9.1f} {p95:9.1f} {e50:9.1f} {e95:9.1f}   "
          f"{over:+6.1f} %{verdict}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--encrypted", type=Path, help="an encrypted demo study to measure")
    ap.add_argument("--plain", type=Path, help="the plain demo study of the same seed")
    ap.add_argument("--keep", type=Path, help="write the demo studies into DIR and keep them")
    args = ap.parse_args()
    from jdmdesk.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        given = {"plain": args.plain, "encrypted": args.encrypted}
        where = args.keep or Path(tmp)
        paths = {}
        for kind, name in (("plain", "plain.jdm"), ("encrypted", "enc.jdm")):
            if given[kind] is not None:
                paths[kind] = copy_study(given[kind], Path(tmp) / f"work-{name}")
                continue
            t0 = time.perf_counter()
            write_demo(where / name, args.patients, encrypt=kind == "encrypted")
            print(f"demo {kind}: {args.patients} patients in {time.perf_counter() - t0:.1f} s",
                  flush=True)
            paths[kind] = copy_study(where / name, Path(tmp) / f"work-{name}")
        figures = {}
        for kind, path in paths.items():
            opened, unlock = cold(path, max(3, args.runs // 8))
            painted = window_cold(path, max(3, args.runs // 8))
            save, switch = in_window(path, args.runs)
            seconds = export(path, Path(tmp) / f"{kind}.zip")
            figures[kind] = (opened, unlock, painted, save, switch, seconds)
            print(f"{kind}: measured", flush=True)
        print(f"\n{'ms':<38} {'plain50':>9} {'plain95':>9} {'enc50':>9} {'enc95':>9}   p95 diff")
        (po, _, pp, ps, pw, pe) = figures["plain"]
        (eo, eu, ep, es, ew, ee) = figures["encrypted"]
        line("cold start: open + patient list", eo, po)
        line("cold start: process → painted window", ep, pp)
        line("save a visit with its audit rows", es, ps, 15)
        line("switch patient (window)", ew, pw, 15)
        print(f"unlock (Argon2id, production cost): median {statistics.median(eu):.0f} ms")
        print(f"bundle export: plain {pe:.1f} s, encrypted {ee:.1f} s "
              f"({(ee / pe - 1) * 100:+.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
