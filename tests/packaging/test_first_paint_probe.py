"""The probe behind the bundle's window check and the start-up benchmark, run from the
sources: it logs in through the dialog, saves the painted main window and the program ends."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from jdmdesk.db.lock.protocol import lock_path
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from jdmdesk.ui.first_paint import MARKER
from tests.conftest import FAST
from tests.packaging.helpers import ROOT


@pytest.mark.slow
def test_the_probe_logs_in_and_saves_the_painted_main_window(tmp_path):
    study = tmp_path / "demo.jdm"
    write_demo(study, hasher=FAST)
    given = demo_credentials(Role.DATA_MANAGER)
    shot = tmp_path / "paint.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
           "JDMDESK_FIRST_PAINT": str(shot), "JDMDESK_USER": given.username,
           "JDMDESK_PASSWORD": given.password}
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "jdmdesk_main.py"),
                           str(study)], env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith(MARKER)]
    assert len(lines) == 1 and " MainWindow " in lines[0]
    assert shot.read_bytes()[:4] == b"\x89PNG"
    assert "Traceback" not in done.stderr
    assert not lock_path(study).exists()  # closed as a user closes it
