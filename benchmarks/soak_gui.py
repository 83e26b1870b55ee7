"""Ten-minute scripted GUI session: prints memory and None refcount drift.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak_gui.py [--seconds 600]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seconds", type=float, default=600)
    args = p.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JDMDESK_SOAK_SECONDS=str(args.seconds))
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-s", "-m", "slow",
                            "tests/ui/test_reliability_ui.py::"
                            "test_soak_session_has_stable_memory_and_none_refcount"],
                           cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
