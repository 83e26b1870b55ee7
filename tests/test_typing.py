"""The typed seams stay typed: ``mypy --strict`` over the layers others build on.

Configuration is in pyproject.toml ([tool.mypy]); CI runs this through the test suite.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STRICT_PACKAGES = ("jdmdesk/domain", "jdmdesk/services", "jdmdesk/crypto")


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                    reason="mypy is not installed: pip install -e '.[test]'")
def test_mypy_strict_passes(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         *STRICT_PACKAGES],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
