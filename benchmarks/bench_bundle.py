"""Start-up of the bundled application against the virtual environment's (goal: within 1.2x).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_bundle.py [--runs N]

Needs dist/jdmdesk (python3 tasks.py bundle). Both sides run the same entry file
(packaging/jdmdesk_main.py: the venv's Python on it, the bundle's own executable), alternately,
after one warm-up each, with a fresh HOME and no inherited environment. Two measures:

- ``--version``: start, load Qt and the database driver, print, exit;
- first paint: open the demo study offscreen, log in (the probe types the demo data manager's
  password into the login dialog), time from the start of the process until the main window
  has painted (jdmdesk.ui.first_paint prints a line then).

The floor is the bare interpreter: ``python -c pass`` (the least a venv start can cost).
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

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "packaging" / "jdmdesk_main.py"
EXE = ROOT / "dist" / "jdmdesk" / ("jdmdesk.exe" if os.name == "nt" else "jdmdesk")
MARKER = "jdmdesk: first paint:"
GOAL = 1.2


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def _timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {done.stderr.decode(errors='replace')[-400:]}")
    return elapsed


def _first_paint(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from starting the process to the probe's line (the main window painted)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    painted = None
    for line in proc.stderr:
        if line.startswith(MARKER):
            painted = time.perf_counter() - start
            if "MainWindow" not in line:
                raise RuntimeError(f"the first window painted was not the main one: {line}")
    proc.wait(timeout=300)
    if painted is None or proc.returncode != 0:
        raise RuntimeError(f"{argv[0]}: no main window painted (exit {proc.returncode})")
    return painted


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(values) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not EXE.exists():
        print(f"no bundle at {EXE}: run 'python3 tasks.py bundle' first", file=sys.stderr)
        return 2
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="jdmdesk-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        venv_env = _env(home, PYTHONPATH=str(ROOT))
        bundle_env = _env(home)
        study = work / "demo.jdm"
        demo = subprocess.run([str(EXE), "demo", str(study)], env=bundle_env, cwd=work,
                              capture_output=True, text=True, check=True)
        user, password = "manager", demo.stdout.split("Data manager: manager / ")[1].split()[0]
        gui = {"QT_QPA_PLATFORM": "offscreen", "JDMDESK_USER": user,
               "JDMDESK_PASSWORD": password.rstrip(";"), "JDMDESK_FIRST_PAINT":
               str(work / "paint.png")}
        sides = {
            "venv": ([python, str(ENTRY)], venv_env),
            "bundle": ([str(EXE)], bundle_env),
        }
        floor = [_timed([python, "-c", "pass"], venv_env, work) for _ in range(args.runs)]
        version: dict[str, list[float]] = {"venv": [], "bundle": []}
        paint: dict[str, list[float]] = {"venv": [], "bundle": []}
        for argv, env in sides.values():  # warm-up: the files into the page cache
            _timed([*argv, "--version"], env, work)
            _first_paint([*argv, str(study)], {**env, **gui}, work)
        for _ in range(args.runs):
            for name, (argv, env) in sides.items():
                version[name].append(_timed([*argv, "--version"], env, work))
                paint[name].append(_first_paint([*argv, str(study)], {**env, **gui}, work))
    print(f"start-up, {args.runs} runs each, alternating (machine: {os.cpu_count()} cores)")
    print(f"  floor: python -c pass        {_stats(floor)}")
    ok = True
    for label, data in (("--version", version), ("first paint", paint)):
        for name in ("venv", "bundle"):
            print(f"  {label:<12} {name:<7}         {_stats(data[name])}")
        ratio = statistics.median(data["bundle"]) / statistics.median(data["venv"])
        verdict = "within" if ratio <= GOAL else "OVER"
        ok &= ratio <= GOAL
        print(f"  {label:<12} bundle / venv = {ratio:.2f} ({verdict} the {GOAL}x goal)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
