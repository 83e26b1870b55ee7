"""Benchmark: every export format of one study against the plain csv dump, with peak memory.

    .venv/bin/python benchmarks/bench_export_formats.py [--study BIG.jdm] [--patients 10000]
                                       [--formats bundle,xlsx,stata,spss,odm,redcap]
                                       [--identified]

Each export runs in its own fresh process (multiprocessing, spawn), so each line's peak
resident memory (VmHWM of that process) is that format's own, next to the baseline of a
process that only imports the exporters (pandas and pyreadstat included). Without --study a
demo study of --patients patients is generated first. Prints wall time, output size, rows,
peak RSS and the ratio to a plain ``csv.writer`` dump of the same rows. Never fails on time.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
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


def _baseline(_: Any) -> dict[str, float]:
    import importlib

    for module in ("pandas", "pyreadstat", "jdmdesk.export.job", "jdmdesk.export.odm",
                   "jdmdesk.export.stats"):
        importlib.import_module(module)  # for their memory only

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
    t0 = time.perf_counter()
    result = run_export(Path(study), Path(out), ExportOptions(fmt, identified=identified),
                        session=session)
    return {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(),
            "mb": Path(out).stat().st_size / 1e6, "rows": sum(result.rows.values())}


def _dump(job: tuple[str, str]) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_export import plain_dump

    study, folder = job
    _unlock(study)
    seconds, rows = plain_dump(Path(study), Path(folder))
    return {"seconds": seconds, "rss_mb": _rss_mb(), "rows": rows}


def _in_child(fn: Any, arg: Any) -> dict[str, float]:
    with mp.get_context("spawn").Pool(1, maxtasksperchild=1) as pool:
        return dict(pool.apply(fn, (arg,)))


def main() -> None:
    from jdmdesk.cli_auth import log_in
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Action, Role

    ap = argparse.ArgumentParser()
    ap.add_argument("--study", type=Path)
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--formats", default="bundle,xlsx,stata,spss,odm,redcap")
    ap.add_argument("--identified", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        study = args.study
        if study is None:
            from jdmdesk.demo import write_demo

            study = folder / "study.jdm"
            t0 = time.perf_counter()
            counts = write_demo(study, args.patients)
            print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
        manager = demo_credentials(Role.DATA_MANAGER)
        os.environ.setdefault("JDMDESK_USER", manager.username)
        os.environ.setdefault("JDMDESK_PASSWORD", manager.password)
        session = log_in(study, Action.EXPORT)
        base = _in_child(_baseline, None)
        dump_dir = folder / "dump"
        dump_dir.mkdir()
        dump = _in_child(_dump, (str(study), str(dump_dir)))
        print(f"{'what':<22}{'seconds':>9}{'MB':>8}{'rows':>10}{'peak RSS MB':>13}"
              f"{'x dump':>8}")
        print(f"{'baseline process':<22}{'':>9}{'':>8}{'':>10}{base['rss_mb']:>13.0f}")
        print(f"{'plain csv dump':<22}{dump['seconds']:>9.2f}{'':>8}{dump['rows']:>10.0f}"
              f"{dump['rss_mb']:>13.0f}{1:>8.2f}")
        for fmt in args.formats.split(","):
            out = folder / f"export-{fmt}"
            r = _in_child(_export, (str(study), str(out), fmt, args.identified, session))
            label = fmt + (" (identified)" if args.identified else "")
            print(f"{label:<22}{r['seconds']:>9.2f}{r['mb']:>8.1f}{r['rows']:>10.0f}"
                  f"{r['rss_mb']:>13.0f}{r['seconds'] / dump['seconds']:>8.2f}")
            out.unlink()


if __name__ == "__main__":
    main()
