"""Damaged, truncated, zeroed, foreign, non-SQLite and too-new files: refused, never written.

The base study is encrypted: cases made from its bytes keep its key file beside them (the pair
a copy carries); files that are not studies at all have none."""

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jdmdesk.db import backup as bk
from jdmdesk.db.connection import Problem, StudyFileError
from jdmdesk.db.studyfile import open_study
from tests.conftest import log_in_as, raw_connect

PAGE = 4096


_BASE_KEYS: list[bytes] = []


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> bytes:
    from jdmdesk.demo import write_demo

    path = tmp_path_factory.mktemp("base") / "base.jdm"
    write_demo(path, None)
    _BASE_KEYS[:] = [Path(f"{path}.keys").read_bytes()]
    return path.read_bytes()


def _with_keys(path: Path) -> Path:
    Path(f"{path}.keys").write_bytes(_BASE_KEYS[0])
    return path


def _random_page(data: bytes, page: int) -> bytes:
    b = bytearray(data)
    rnd = random.Random(page)
    b[page * PAGE:(page + 1) * PAGE] = bytes(rnd.randrange(256) for _ in range(PAGE))
    return bytes(b)


def _foreign() -> bytes:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    data = conn.serialize()
    conn.close()
    return data


def _too_new(data: bytes) -> bytes:
    return data  # made newer through a keyed connection in _make


def _flip(data: bytes, at: int) -> bytes:
    b = bytearray(data)
    b[at] ^= 0x01
    return bytes(b)


# made from the encrypted study's bytes: keep its key file beside them
ENCRYPTED_CASES = {"damaged_page_2", "damaged_page_5", "damaged_middle", "truncated_half",
                   "truncated_header", "newer_version", "bit_flipped"}

CASES = {
    "damaged_page_2": (lambda d: _random_page(d, 1), Problem.DAMAGED, "damaged"),
    "damaged_page_5": (lambda d: _random_page(d, 4), Problem.DAMAGED, "damaged"),
    "damaged_middle": (lambda d: _random_page(d, len(d) // PAGE // 2), Problem.DAMAGED, "damaged"),
    "truncated_half": (lambda d: d[: len(d) // 2], Problem.DAMAGED, "damaged"),
    "truncated_header": (lambda d: d[:60], Problem.DAMAGED, "truncated"),
    "zeroed": (lambda d: bytes(len(d)), Problem.NOT_SQLITE, "not an SQLite database"),
    "bit_flipped": (lambda d: _flip(d, len(d) // 2 + 100), Problem.DAMAGED, "damaged"),
    "empty": (lambda d: b"", Problem.EMPTY, "empty"),
    "text": (lambda d: b"patient;visit\nP-001;2024-01-01\n", Problem.NOT_SQLITE, "not an SQLite"),
    "random": (lambda d: random.Random(7).randbytes(50_000), Problem.NOT_SQLITE, "not an SQLite"),
    "foreign_sqlite": (lambda d: _foreign(), Problem.FOREIGN, "another application"),
    "newer_version": (_too_new, Problem.TOO_NEW, "newer JDM Desk"),
}


def _make(tmp_path: Path, base: bytes, case: str) -> Path:
    path = tmp_path / "study.jdm"
    path.write_bytes(CASES[case][0](base))
    if case in ENCRYPTED_CASES:
        _with_keys(path)
    if case == "newer_version":
        conn = raw_connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    old = 1_700_000_000
    os.utime(path, (old, old))
    return path


def _snapshot(path: Path):
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.mark.parametrize("read_only", [False, True], ids=["rw", "ro"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_with_named_problem_and_never_written(tmp_path, base, case, read_only):
    path = _make(tmp_path, base, case)
    before = _snapshot(path)
    with pytest.raises(StudyFileError) as info:
        open_study(path, read_only=read_only)
    _, problem, words = CASES[case]
    assert info.value.problem is problem
    assert words in info.value.message and "\n" not in bk.describe_with_backup(info.value)
    assert _snapshot(path) == before  # same bytes, same mtime, no -wal/-shm left beside it


@pytest.mark.parametrize("case", ["damaged_middle", "truncated_half", "zeroed", "newer_version"])
def test_refusal_names_the_newest_verified_backup(tmp_path, base, case):
    good = _with_keys(tmp_path / "good.jdm")
    good.write_bytes(base)
    folder = tmp_path / "backups"
    older = bk.backup_study(good, folder / "study.backup-20261120T080000000000Z-close.jdm")
    newest = bk.backup_study(good, folder / "study.backup-20261124T170000000000Z-close.jdm")
    broken = folder / "study.backup-20261125T080000000000Z-open.jdm"
    broken.write_bytes(newest.read_bytes()[:10_000])  # a damaged backup is never offered
    good.unlink()
    path = _make(tmp_path, base, case)
    with pytest.raises(StudyFileError) as info:
        open_study(path)
    text = bk.describe_with_backup(info.value)
    assert str(newest) in text and str(older) not in text and str(broken) not in text
    assert "restore" in text and "new study file" in text
    # and the offered backup really restores into a new, openable study
    restored = bk.restore_backup(newest, tmp_path / "restored.jdm")
    s = open_study(restored)
    try:
        assert s.conn.execute("SELECT count(*) FROM patient").fetchone()[0] == 3
    finally:
        s.close()


def test_cli_refusal_is_one_line_with_backup(tmp_path, base, monkeypatch):
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role

    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))  # the key opens, the file is bad
    good = _with_keys(tmp_path / "good.jdm")
    good.write_bytes(base)
    newest = bk.backup_study(good, tmp_path / "backups" /
                             "study.backup-20261124T170000000000Z-close.jdm")
    path = _make(tmp_path, base, "truncated_half")
    before = _snapshot(path)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "jdmdesk", "check", str(path)], cwd=root,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert "damaged" in proc.stderr and str(newest) in proc.stderr
    assert _snapshot(path) == before


def test_healthy_copy_of_base_opens(tmp_path, base):
    path = _with_keys(tmp_path / "ok.jdm")
    path.write_bytes(base)
    s = open_study(path)
    s.close()
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)
