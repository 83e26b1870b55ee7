"""Issue 15, item 13: a killed export (or backup) leaves no file a user would open, and the
next writer into that folder removes what it left, xlsxwriter's scratch files included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from jdmdesk import atomic_file
from jdmdesk.atomic_file import TEMP_PREFIX, sweep_temporaries, temp_beside
from jdmdesk.db.lock import pid_alive

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from jdmdesk.db import keystore
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
from jdmdesk.export import ExportOptions, run_export
import jdmdesk.export.xlsx as xlsx

real = xlsx._Sheets.write
def stall(self, *a, **k):
    n = real(self, *a, **k)
    if a and a[0] != "about":
        print("writing", flush=True)
        time.sleep(120)
    return n
xlsx._Sheets.write = stall
manager = demo_credentials(Role.DATA_MANAGER)  # the study is encrypted: its key first
keystore.unlock_with_password(Path(sys.argv[2]), manager.username, manager.password)
run_export(Path(sys.argv[2]), Path(sys.argv[3]), ExportOptions("xlsx"),
           permission=lambda study: None)  # export.job: the caller's permission check
"""


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temporary_names_are_hidden_and_carry_the_writer(tmp_path):
    tmp = temp_beside(tmp_path / "study.xlsx")
    assert tmp.parent == tmp_path and tmp.name.startswith(TEMP_PREFIX)
    assert f"-{os.getpid()}-" in tmp.name and tmp.suffix == ".part"
    assert "xlsx" not in tmp.name  # no program opens it as a workbook


def test_killed_export_leaves_temporaries_that_the_next_export_removes(tmp_path, monkeypatch):
    from jdmdesk.cli import main
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role
    from tests.conftest import log_in_as

    study = tmp_path / "demo.jdm"
    assert main(["demo", str(study), "--patients", "5"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(study),
                              str(out / "a.xlsx")], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    left = os.listdir(out)
    assert left and all(name.startswith(TEMP_PREFIX) for name in left), left
    log_in_as(monkeypatch, demo_credentials(Role.DATA_MANAGER))
    assert main(["export", str(study), "--format", "xlsx", "--output", str(out / "b.xlsx")]) == 0
    assert os.listdir(out) == ["b.xlsx"]


def test_sweep_judges_by_process_and_computer(tmp_path):
    dead, mine = _dead_pid(), atomic_file.host_tag()
    names = {
        "dead": f"{TEMP_PREFIX}{mine}-{dead}-aaaaaaaaaaaa.part",
        "dead_scratch": f"{TEMP_PREFIX}{mine}-{dead}-aaaaaaaaaaaa.part.d",
        "alive": f"{TEMP_PREFIX}{mine}-{os.getppid()}-bbbbbbbbbbbb.part",
        "ours": f"{TEMP_PREFIX}{mine}-{os.getpid()}-cccccccccccc.part",
        "foreign_young": f"{TEMP_PREFIX}0badc0de-{dead}-dddddddddddd.part",
        "foreign_old": f"{TEMP_PREFIX}0badc0de-{dead}-eeeeeeeeeeee.part",
        "user": "notes.part",
    }
    for key, name in names.items():
        if key.endswith("scratch"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "tmpxyz").write_text("x")
        else:
            (tmp_path / name).write_text("x")
    old = time.time() - 2 * atomic_file.FOREIGN_TEMP_AGE_S
    os.utime(tmp_path / names["foreign_old"], (old, old))
    removed = {p.name for p in sweep_temporaries(tmp_path, alive=pid_alive)}
    assert removed == {names["dead"], names["dead_scratch"], names["foreign_old"]}
    assert {p.name for p in tmp_path.iterdir()} == {
        names["alive"], names["ours"], names["foreign_young"], names["user"]}


def test_opening_a_study_for_writing_sweeps_its_folder(tmp_path):
    from jdmdesk.db.lock import open_locked
    from jdmdesk.db.studyfile import create_study

    create_study(tmp_path / "s.jdm").close()
    stale = tmp_path / f"{TEMP_PREFIX}{atomic_file.host_tag()}-{_dead_pid()}-abcdefabcdef.part"
    stale.write_bytes(b"half a backup")
    opened = open_locked(tmp_path / "s.jdm")
    try:
        assert not stale.exists()
    finally:
        opened.close()
