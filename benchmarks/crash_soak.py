"""Crash soak: SIGKILL a saving process N times (default 2 000) and check nothing is lost.

    python benchmarks/crash_soak.py [--rounds 2000] [--seed 1] [--keep DIR]

Prints figures (rounds, acknowledged saves, committed-but-unacknowledged saves, rows, seconds);
exits 1 if any check failed. A benchmark, not a test: it never fails on time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.crash_harness import soak


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", type=Path, default=None, help="folder to keep the study file in")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        result = soak(folder / "crash-soak.jdm", args.rounds, seed=args.seed, progress=True)
    print(result.figures())
    for failure in result.failures:
        print("FAIL", failure)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
