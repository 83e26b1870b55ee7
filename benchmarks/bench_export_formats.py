"""Benchmark: every export format of one study against the plain csv dump, with peak memory.

    .venv/bin/python benchmarks/bench_export_formats.py [--study BIG.jdm] [--patients 10000]
                                       [--formats bundle,stata,spss,odm,xlsx,redcap]
                                       [--repeat 3] [--identified]

One run measures the floor (a plain ``csv.writer`` dump of the same rows, no rules) and every
format, each export in its own fresh process (multiprocessing, spawn), so each line's peak
resident memory (VmHWM of that process, the login's Argon2id included) is that format's own,
next to the baseline of a process that only imports the exporters and logs in. The rounds are
interleaved (dump, bundle, stata, ... then again) so that a change of machine load during the
run touches every line alike; each line prints the median wall time and CPU time of its
--repeat runs, the ratio of its median to the dump's, and its highest peak RSS, with the load
average beside. A given --study is never written: the script works on a copy of it (the login
of each process is recorded in the copy). Without --study a demo study of --patients patients
is generated first. Never fails on time.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _rss_mb() -> float:
    """This process's peak resident set: VmHWM on Linux (getrusage's maxrss is inherited
    across the fork and exec that start a spawned child), else getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def _baseline(study: str) -> dict[str, float]:
    import importlib

    for module in ("pandas", "pyreadstat", "jdmdesk.export.job", "jdmdesk.export.odm",
                   "jdmdesk.export.stats"):
        importlib.import_module(module)  # for their memory only
    _unlock(study)
    return {"rss_mb": _rss_mb()}


def _unlock(study: str) -> Any:
    """Log in as the parent did (JDMDESK_USER / JDMDESK_PASSWORD): in a fresh process an
    encrypted study's key is learnt again (the key lives in the process that unlocked it)."""
    from jdmdesk.cli_auth import log_in
    from jdmdesk.domain.access import Action

    return log_in(Path(study), Action.EXPORT)


def _export(job: tuple[str, str, str, bool, Any]) -> dict[str, float]:
    from jdmdesk.export import ExportOptions
    from jdmdesk.services.exports import run_export

    study, out, fmt, identified, session = job
    session = _unlock(study)
    t0, c0 = time.perf_counter(), time.process_time()
    result = run_export(Path(study), Path(out), ExportOptions(fmt, identified=identified),
                        session=session)
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
            "rss_mb": _rss_mb(), "mb": Path(out).stat().st_size / 1e6,
            "rows": sum(result.rows.values())}


def _dump(job: tuple[str, str]) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_export import plain_dump

    study, folder = job
    _unlock(study)
    c0 = time.process_time()
    seconds, rows = plain_dump(Path(study), Path(folder))
    return {"seconds": seconds, "cpu": time.process_time() - c0, "rss_mb": _rss_mb(),
            "mb": sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6, "rows": rows}


def _in_child(fn: Any, arg: Any) -> dict[str, float]:
    with mp.get_context("spawn").Pool(1, maxtasksperchild=1) as pool:
        return dict(pool.apply(fn, (arg,)))


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _copy(study: Path, folder: Path) -> Path:
    """The study and its companions (-wal, .keys, .head) copied into ``folder``."""
    work = folder / study.name
    for suffix in ("", "-wal", ".keys", ".head"):
        if Path(f"{study}{suffix}").exists():
            shutil.copyfile(f"{study}{suffix}", f"{work}{suffix}")
    return work


def _line(label: str, runs: list[dict[str, float]], floor: float | None) -> str:
    wall = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    ratio = 1.0 if floor is None else wall / floor
    return (f"{label:<22}{wall:>9.2f}{cpu:>8.2f}{ratio:>8.2f}{runs[0]['mb']:>8.1f}"
            f"{runs[0]['rows']:>10.0f}{max(r['rss_mb'] for r in runs):>10.0f}"
            "   " + ", ".join(f"{r['seconds']:.1f}" for r in runs))


def main() -> None:
    from jdmdesk.cli_auth import log_in
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Action, Role

    ap = argparse.ArgumentParser()
    ap.add_argument("--study", type=Path)
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--formats", default="bundle,stata,spss,odm,xlsx,redcap")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--identified", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        if args.study is None:
            from jdmdesk.demo import write_demo

            study = folder / "study.jdm"
            t0 = time.perf_counter()
            counts = write_demo(study, args.patients)
            print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
        else:
            t0 = time.perf_counter()
            study = _copy(args.study, folder)
            print(f"copied {args.study} in {time.perf_counter() - t0:.1f} s (never written)")
        manager = demo_credentials(Role.DATA_MANAGER)
        os.environ.setdefault("JDMDESK_USER", manager.username)
        os.environ.setdefault("JDMDESK_PASSWORD", manager.password)
        session = log_in(study, Action.EXPORT)
        base = _in_child(_baseline, str(study))
        formats = args.formats.split(",")
        runs: dict[str, list[dict[str, float]]] = {f: [] for f in ["dump", *formats]}
        print(f"{args.repeat} round(s); load average (1/5/15 min) at the start: {_load()}",
              flush=True)
        for r in range(args.repeat):
            dump_dir = folder / "dump"
            dump_dir.mkdir()
            runs["dump"].append(_in_child(_dump, (str(study), str(dump_dir))))
            shutil.rmtree(dump_dir)
            print(f"  dump: {runs['dump'][-1]['seconds']:.1f} s (load {_load()})", flush=True)
            for fmt in formats:
                out = folder / f"export-{fmt}"
                runs[fmt].append(_in_child(_export, (str(study), str(out), fmt,
                                                     args.identified, session)))
                out.unlink()
                print(f"  {fmt}: {runs[fmt][-1]['seconds']:.1f} s (load {_load()})", flush=True)
            print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]['seconds']:.1f} s"
                                                  for k, v in runs.items())
                  + f"; load {_load()}", flush=True)
        floor = statistics.median(r["seconds"] for r in runs["dump"])
        print(f"\n{'what':<22}{'median s':>9}{'cpu s':>8}{'x dump':>8}{'MB':>8}{'rows':>10}"
              f"{'peak RSS':>10}   runs (s)")
        print(f"{'baseline process':<22}{'':>41}{base['rss_mb']:>10.0f}   (imports + login)")
        print(_line("plain csv dump", runs["dump"], None))
        suffix = " (identified)" if args.identified else ""
        for fmt in formats:
            print(_line(fmt + suffix, runs[fmt], floor))
        print(f"load average at the end: {_load()}")


if __name__ == "__main__":
    main()
