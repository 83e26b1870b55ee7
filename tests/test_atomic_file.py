"""The one atomic file writer: whole file under its name, or nothing (and the old file kept)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from jdmdesk import atomic_file
from jdmdesk.atomic_file import TargetExists, atomic_write

PACKAGE = Path(__file__).resolve().parents[1] / "jdmdesk"


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record what os.fsync was called on: 'file' or 'dir'."""
    seen: list[str] = []
    real = os.fsync

    def record(fd: int) -> None:
        seen.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(atomic_file.os, "fsync", record)
    return seen


def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_writes_the_file_and_fsyncs_file_then_folder(tmp_path, fsyncs):
    target = tmp_path / "out.txt"
    with atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("whole")
        assert not target.exists()  # nothing under the real name until the end
    assert target.read_text() == "whole"
    assert _left(tmp_path) == {"out.txt"}
    assert fsyncs == (["file", "dir"] if atomic_file.FSYNC_FOLDERS else ["file"])


def test_failure_removes_the_temporary_and_keeps_the_old_file(tmp_path, fsyncs):
    target = tmp_path / "out.txt"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("writer bug")
    assert target.read_text() == "previous"
    assert _left(tmp_path) == {"out.txt"}
    assert fsyncs == []


def test_cancel_removes_sqlite_companions_too(tmp_path):
    target = tmp_path / "s.jdm"
    with pytest.raises(KeyboardInterrupt), \
            atomic_write(target, companions=atomic_file.SQLITE_COMPANIONS) as tmp:
        tmp.write_bytes(b"x")
        Path(f"{tmp}-journal").write_bytes(b"j")
        raise KeyboardInterrupt
    assert _left(tmp_path) == set()


def test_replace_false_never_touches_an_existing_target(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(TargetExists), atomic_write(target, replace=False) as tmp:
        tmp.write_text("new")
        target.write_text("appeared meanwhile")
    assert target.read_text() == "appeared meanwhile"
    assert _left(tmp_path) == {"out.txt"}


def test_replace_true_replaces(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_write(target, create=True) as tmp:
        assert tmp.exists() and tmp.stat().st_size == 0
        tmp.write_text("new")
    assert target.read_text() == "new"


def test_no_folder_fsync_on_windows(tmp_path, fsyncs, monkeypatch):
    monkeypatch.setattr(atomic_file, "FSYNC_FOLDERS", False)
    with atomic_write(tmp_path / "out.txt") as tmp:
        tmp.write_text("x")
    assert fsyncs == ["file"]


def test_failing_rename_leaves_nothing(tmp_path, monkeypatch):
    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    with pytest.raises(OSError), atomic_write(tmp_path / "out.txt") as tmp:
        tmp.write_text("x")
    assert _left(tmp_path) == set()


def test_every_writer_goes_through_the_one_helper():
    """No other module renames files into place or fsyncs (the lock file is its own protocol)."""
    pattern = re.compile(r"os\.(replace|rename|fsync)\(|\.replace\(path\)|tmp\.rename\(")
    allowed = {"atomic_file.py", "db/lock/protocol.py"}
    offenders = []
    for source in PACKAGE.rglob("*.py"):
        rel = source.relative_to(PACKAGE).as_posix()
        if rel not in allowed and pattern.search(source.read_text(encoding="utf-8")):
            offenders.append(rel)
    assert offenders == []
    users = {rel for rel in ("db/backup/verified_copy.py", "export/atomic.py", "demo.py")
             if "atomic_write" in (PACKAGE / rel).read_text(encoding="utf-8")}
    assert len(users) == 3
    assert any("atomic_write" in p.read_text(encoding="utf-8")
               for p in PACKAGE.rglob("report_pdf.py"))  # wherever the ui regrouping puts it
