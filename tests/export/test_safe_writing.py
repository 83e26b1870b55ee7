"""Safe writing: temp name + rename, no partial file on failure or Cancel, no overwrite."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdmdesk.cli import main
from jdmdesk.domain.access import Role
from jdmdesk.export import (
    CancelToken,
    ExportCancelled,
    ExportError,
    ExportOptions,
    csvio,
)
from jdmdesk.services.exports import run_export
from tests.conftest import credentials, log_in_as
from tests.export.helpers import MANAGER

from .helpers import make_study

FORMATS = ("bundle", "xlsx", "odm", "redcap")


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A study, with the command line logged in as its data manager."""
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    return make_study(tmp_path / "s.jdm")


def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_cancel_leaves_nothing_behind(study, tmp_path, fmt):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        token.cancel()

    with pytest.raises(ExportCancelled):
        run_export(study, out_dir / "x.out", ExportOptions(fmt), progress=progress,
                   cancel=token, session=MANAGER)
    assert seen and _left(out_dir) == set()


def test_cancel_before_start(study, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(ExportCancelled):
        run_export(study, tmp_path / "x.zip", ExportOptions(), cancel=token, session=MANAGER)
    assert not (tmp_path / "x.zip").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_reaches_the_total(study, tmp_path, fmt):
    seen: list[tuple[int, int]] = []
    run_export(study, tmp_path / "x.out", ExportOptions(fmt),
               progress=lambda d, t: seen.append((d, t)), session=MANAGER)
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_disk_full_gives_a_clear_message_and_no_file(study, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    real = csvio.HashingWriter.write
    calls = {"n": 0}

    def full(self, data):  # the disk fills up after a few blocks of the bundle
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(csvio.HashingWriter, "write", full)
    with pytest.raises(ExportError, match="disk is full"):
        run_export(study, out_dir / "x.zip", ExportOptions(), session=MANAGER)
    assert _left(out_dir) == set()


def test_failure_keeps_the_previous_file_when_forced(study, tmp_path, monkeypatch):
    out = tmp_path / "x.zip"
    out.write_bytes(b"previous")

    def boom(*a, **k):
        raise RuntimeError("writer bug")

    monkeypatch.setattr("jdmdesk.export.csv_bundle.codebook", boom)
    with pytest.raises(RuntimeError):
        run_export(study, out, ExportOptions(force=True), session=MANAGER)
    assert out.read_bytes() == b"previous"
    assert {n for n in _left(tmp_path) if not n.startswith("s.jdm")} == {"x.zip"}


def test_existing_output_refused_without_force(study, tmp_path):
    out = tmp_path / "x.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(ExportError, match="already exists") as err:
        run_export(study, out, ExportOptions(), session=MANAGER)
    assert err.value.code == 2 and out.read_bytes() == b"keep me"
    run_export(study, out, ExportOptions(force=True), session=MANAGER)
    assert out.read_bytes().startswith(b"PK")


def test_missing_or_unwritable_folder(study, tmp_path, monkeypatch):
    with pytest.raises(ExportError, match="does not exist"):
        run_export(study, tmp_path / "nope" / "x.zip", ExportOptions(), session=MANAGER)
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    with pytest.raises(ExportError, match="not writable"):
        run_export(study, tmp_path / "x.zip", ExportOptions(), session=MANAGER)


def test_output_gets_normal_permissions(study, tmp_path):
    out = tmp_path / "x.zip"
    run_export(study, out, ExportOptions(), session=MANAGER)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


# --- CLI --------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_each_format(study, tmp_path, capsys, fmt):
    out = tmp_path / f"o.{fmt}"
    assert main(["export", str(study), "--format", fmt, "--output", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out and out.stat().st_size > 0


def test_cli_refuses_existing_output_then_force(study, tmp_path, capsys):
    out = tmp_path / "o.zip"
    out.write_text("keep")
    assert main(["export", str(study), "--format", "bundle", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert main(["export", str(study), "--format", "bundle", "--output", str(out),
                 "--force", "--identified", "--include-free-text"]) == 0


def test_cli_disk_full_one_line(study, tmp_path, capsys, monkeypatch):
    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(csvio.HashingWriter, "write", full)
    assert main(["export", str(study), "--format", "bundle", "--output",
                 str(tmp_path / "o.zip")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err
    assert not (tmp_path / "o.zip").exists()


@pytest.mark.parametrize("args, code, message", [
    (["--format", "bundle", "--output", "{tmp}/missing/o.zip"], 2, "does not exist"),
    (["--format", "bundle", "--output", "{tmp}"], 2, "is a folder"),
])
def test_cli_errors_are_one_line_without_traceback(study, tmp_path, args, code, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = subprocess.run([sys.executable, "-m", "jdmdesk", "export", str(study), *argv],
                          capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == code
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert message in proc.stderr


def test_cli_not_a_study(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    proc = subprocess.run([sys.executable, "-m", "jdmdesk", "export", str(bad), "--format",
                           "odm", "--output", str(tmp_path / "o.xml")],
                          capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and not (tmp_path / "o.xml").exists()
