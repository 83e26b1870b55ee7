"""Login first: how soon the login dialog is painted, and Enter → the painted working window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_login.py --study FILE
        [--runs 7] [--typing 3.0]

Each run is a new process started as ``jdmdesk STUDY`` would be (``cli.main``), with an
application-wide paint watcher:

- *login painted*: process start → first paint of the login dialog, against the floor of a
  bare PySide6 process that shows a dialog with two line edits (goal: within 2×).
- *Enter → window*: the credentials are typed ``--typing`` seconds after the dialog is painted
  (the background imports and read-ahead run meanwhile) and Enter is pressed; the span ends at
  the main window's first paint (goal ≤ 350 ms at 10 000 patients). It includes the one
  Argon2id run (the account's copy of the study key, opened by the password, is the password
  check), opening the study, binding the window built while the person typed to the session
  (its patient tab: the other sections are built after the first paint) and the first paint.
  Its floor is one Argon2id run with the accounts' parameters, timed in this process after each
  app run; the span beyond it is printed too.

Before timing, the benchmark's account logs in once (recorded), as a returning user: an account
made by an earlier version is upgraded then to the current Argon2id parameters (the timed runs
end at the first paint, before their own login is recorded). The study is written by that login.

With ``--remembered`` the window opens on a patient named in the bench's settings, as it does
for a returning user (the patient form, header and history are loaded before the first paint).

The FILE must be an encrypted demo study (``jdmdesk demo --patients 10000 FILE``), or a plain one
made with ``--plain-demo``; both are measured by passing two ``--study``. Never fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLineEdit
app = QApplication(sys.argv[:1])
d = QDialog(); form = QFormLayout(d)
form.addRow("User name", QLineEdit(d)); form.addRow("Password", QLineEdit(d))
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is d:
            print("painted", flush=True); os._exit(0)
        return False
f = Painted(); app.installEventFilter(f); d.exec()
"""

APP = r"""
import os, sys, time
t_start = float(sys.argv[3])
typing = float(sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
app = QApplication(sys.argv[:1])
state = {"enter": None}
def press_enter(dialog):
    user, password = os.environ["BENCH_USER"], os.environ["BENCH_PASSWORD"]
    dialog.username.setText(user); dialog.password.setText(password)
    state["enter"] = time.perf_counter()
    dialog.submit()
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            name = obj.objectName()
            if name == "login_dialog" and state.get("login") is None:
                state["login"] = time.time() - t_start
                if typing < 0:
                    print(f"login {state['login'] * 1000:.1f}", flush=True); os._exit(0)
                QTimer.singleShot(int(typing * 1000), lambda: press_enter(obj))
            elif state["enter"] is not None and obj.isWindow() and name != "login_dialog":
                took = time.perf_counter() - state["enter"]
                print(f"login {state['login'] * 1000:.1f}", flush=True)
                print(f"enter {took * 1000:.1f}", flush=True)
                os._exit(0)
        return False
f = Painted(); app.installEventFilter(f)
from jdmdesk.cli import main
main([sys.argv[1]])
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bare_runs(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", BARE], check=True, capture_output=True, cwd=ROOT)
        out.append((time.time() - t0) * 1000)
    return out


def argon2_run() -> float:
    """One Argon2id run with the accounts' parameters (ms): the floor under Enter → window."""
    from jdmdesk.crypto.keys import KdfParams, derive_kek

    t0 = time.perf_counter()
    derive_kek("a password of some length", bytes(16), KdfParams())
    return (time.perf_counter() - t0) * 1000


def app_runs(study: Path, runs: int, typing: float, env: dict[str, str],
             floor: list[float] | None = None) -> tuple[list[float], list[float]]:
    """``floor`` gets one Argon2id run after each app run (the same machine state)."""
    login, enter = [], []
    for _ in range(runs):
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-c", APP, str(study), str(typing), repr(t0)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
        figures = dict(line.split() for line in proc.stdout.splitlines() if line.strip())
        if "login" not in figures:
            raise SystemExit(f"no login dialog painted: {proc.stderr.strip()[-800:]}")
        login.append(float(figures["login"]))
        if "enter" in figures:
            enter.append(float(figures["enter"]))
        if floor is not None:
            floor.append(argon2_run())
    return login, enter


def show(name: str, ms: list[float], floor: float | None, goal: str) -> None:
    med, p95 = statistics.median(ms), pct(ms, 0.95)
    ratio = f"{med / floor:5.2f}x" if floor else "      "
    floor_text = f"{floor:8.0f}" if floor else "       —"
    print(f"{name:<44} {med:8.0f} {p95:8.0f} {floor_text} {ratio}  {goal}", flush=True)


def log_in_once(study: Path, username: str, password: str) -> None:
    """One recorded login, as a person who has used the study before: an account made by an
    earlier version is upgraded to the current Argon2id parameters on it (the timed runs end
    at the first paint, before their login is recorded)."""
    from jdmdesk.db import keystore
    from jdmdesk.db.studyfile import open_study
    from jdmdesk.services.accounts import AccountService

    if study.read_bytes()[:16] != b"SQLite format 3\x00":
        keystore.open_with_password(study, username, password)
    opened = open_study(study)
    try:
        AccountService(opened).login(username, password)
    finally:
        opened.close()


REMEMBER = r"""
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication(sys.argv[:1])
from jdmdesk.ui import window_state
window_state.save_text(window_state.study_key(sys.argv[1]) + "/last_patient", sys.argv[2])
window_state.settings().sync()
"""


def remember_a_patient(study: Path, env: dict[str, str], username: str, password: str) -> str:
    """Make the window open on a patient, as it does for a returning user (its settings, in the
    bench's HOME, name the patient the study was left on); returns that patient's code."""
    from jdmdesk.db import keystore
    from jdmdesk.db.queries import patient_index
    from jdmdesk.db.studyfile import open_study

    if study.read_bytes()[:16] != b"SQLite format 3\x00":
        keystore.open_with_password(study, username, password)
    opened = open_study(study, read_only=True)
    try:
        rows = patient_index(opened.db)
        patient_id, code = rows[len(rows) // 2]
    finally:
        opened.close()
    subprocess.run([sys.executable, "-c", REMEMBER, str(study.resolve()), patient_id],
                   check=True, cwd=ROOT, env=env, capture_output=True)
    return code


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--study", type=Path, action="append", required=True,
                    help="a demo study (encrypted or plain); give it twice to compare")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--typing", type=float, default=3.0,
                    help="seconds between the dialog's paint and Enter")
    ap.add_argument("--remembered", action="store_true",
                    help="the window opens on a remembered patient (a returning user)")
    args = ap.parse_args()
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role

    given = demo_credentials(Role.DATA_ENTRY)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, BENCH_USER=given.username, BENCH_PASSWORD=given.password,
                   PYTHONPATH=str(ROOT), HOME=home, XDG_CONFIG_HOME=home)
        floor = statistics.median(bare_runs(args.runs))
        print(f"{'ms':<44} {'median':>8} {'p95':>8} {'floor':>8} {'ratio':>6}  goal")
        show("bare PySide6 dialog process (floor)", [floor], None, "")
        for study in args.study:
            kind = "plain" if study.read_bytes()[:16] == b"SQLite format 3\x00" else "encrypted"
            log_in_once(study, given.username, given.password)
            if args.remembered:
                code = remember_a_patient(study, env, given.username, given.password)
                print(f"[{kind}] the window opens on {code}, remembered from the last session")
            login, _ = app_runs(study, args.runs, -1, env)
            show(f"[{kind}] process start → login painted", login, floor, "≤ 2× floor")
            argon2: list[float] = []
            _, enter = app_runs(study, args.runs, args.typing, env, argon2)
            if enter:
                kdf = statistics.median(argon2)
                show(f"[{kind}] Enter → painted window", enter, kdf, "≤ 350 ms")
                show("  one Argon2id run (floor, between runs)", argon2, None, "")
                beyond = [e - a for e, a in zip(enter, argon2, strict=True)]
                show("  Enter → window beyond its Argon2id run", beyond, None,
                     "open, bind, show, paint")
            else:
                print(f"[{kind}] Enter → window: no window was painted "
                      "(the early dialog is shown for encrypted studies only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
