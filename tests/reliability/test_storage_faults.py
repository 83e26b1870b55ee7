"""Issue 15, items 11, 12 and 14: a read-only file system, a full disk, a newer schema.

The real faults run in a child on a small tmpfs in its own user and mount namespace
(:mod:`tests.reliability.mounts`; skipped where that is not allowed); the same paths are also
pinned in-process by simulating the SQLite error each fault gives.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jdmdesk.db import driver, errors
from jdmdesk.db.connection import Problem, StudyFileError
from jdmdesk.db.lock import open_locked
from jdmdesk.db.studyfile import create_study, open_study, start_integrity_check
from tests.reliability.mounts import run_on_tmpfs

MAKE_STUDY = """
from jdmdesk.db.studyfile import create_study
s = create_study(Path('s.jdm'))  # encrypted: its recovery key kept outside the mount
Path(os.environ['HOME'], 'recovery-key').write_text(s.recovery_key)
s.conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, updated_at) "
               "VALUES ('" + "a" * 36 + "', 'P-1', 'F', '2015-01-01', 'x', 'x')")
s.close()
"""

OPEN_IT = """
from jdmdesk.db import keyring, keystore
text = Path(os.environ['HOME'], 'recovery-key').read_text()  # the key learnt without any I/O here
keyring.remember(Path('s.jdm'), keystore.study_key_from_recovery(keystore.parse_recovery_key(text)))
from jdmdesk.db.lock import open_locked
from jdmdesk.db.connection import StudyFileError
try:
    o = open_locked(Path('s.jdm'))
    n = o.study.conn.execute('SELECT count(*) FROM patient').fetchone()[0]
    print('opened', o.read_only, n)
    print(' | '.join(o.notices))
    o.close()
except StudyFileError as e:
    print('refused', e.problem)
    print(e.message)
print(sorted(os.listdir('.')))
"""


# --- 11: a healthy study on a read-only file system opens for review ----------------------------

def test_read_only_mount_opens_for_review_and_says_why():
    proc = run_on_tmpfs(MAKE_STUDY, OPEN_IT, fault="ro")
    assert proc.returncode == 0, proc.stderr
    first, notice, listing = proc.stdout.splitlines()[:3]
    assert first == "opened True 1"
    assert "mounted read-only" in notice and "changes cannot be saved" in notice
    assert listing == "['s.jdm', 's.jdm.keys']"


def _wal_study_without_room_for_shm(tmp_path: Path) -> Path:
    """A WAL study whose -shm cannot be made: SQLite answers as on a read-only file system."""
    s = create_study(tmp_path / "s.jdm")
    s.conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, "
                   "updated_at) VALUES (?, 'P-1', 'F', '2015-01-01', 'x', 'x')", ("a" * 36,))
    s.close()
    (tmp_path / "s.jdm-shm").mkdir()  # in the way of the shared-memory file
    return s.path


def test_unopenable_shared_memory_on_read_only_media_reads_immutable(tmp_path, monkeypatch):
    path = _wal_study_without_room_for_shm(tmp_path)
    monkeypatch.setattr(errors, "read_only_media", lambda _p: True)
    monkeypatch.setattr("jdmdesk.db.connection.read_only_media", lambda _p: True)
    study = open_study(path, read_only=True)
    try:
        assert study.read_only
        assert study.conn.execute("SELECT study_code FROM patient").fetchall() == [("P-1",)]
    finally:
        study.close()


def test_the_error_read_only_media_gives_is_recognised():
    assert errors.cannot_open_for_shared_memory(
        driver.OperationalError("unable to open database file"))
    assert errors.cannot_open_for_shared_memory(
        driver.OperationalError("attempt to write a readonly database"))
    assert not errors.cannot_open_for_shared_memory(
        driver.DatabaseError("file is not a database"))


# --- 12: a full disk is named, never "damaged", never a traceback -------------------------------

def test_full_disk_at_open_says_disk_full_and_leaves_nothing():
    proc = run_on_tmpfs(MAKE_STUDY, OPEN_IT, fault="full")
    assert proc.returncode == 0, proc.stderr
    first, message, listing = proc.stdout.splitlines()[:3]
    assert first == f"refused {Problem.DISK_FULL}"
    assert "disk" in message and "full" in message and "damaged" not in message
    assert listing == "['.filler', 's.jdm', 's.jdm.keys']"  # no empty lock file left behind


def test_an_io_error_on_a_disk_without_room_is_a_full_disk(tmp_path, monkeypatch):
    io = driver.OperationalError("disk I/O error")
    monkeypatch.setattr(errors, "free_bytes", lambda _f: 0)
    assert errors.disk_full(io, tmp_path)
    monkeypatch.setattr(errors, "free_bytes", lambda _f: 10 * 2**30)
    assert not errors.disk_full(io, tmp_path)
    assert errors.disk_full(driver.OperationalError("database or disk is full"))
    assert errors.disk_full(OSError(errno.ENOSPC, "No space left on device"))


def test_cli_login_on_full_disk_is_one_line(tmp_path, capsys, monkeypatch):
    from jdmdesk import cli_auth
    from jdmdesk.cli import main
    from tests.conftest import study_with_users

    study = study_with_users(tmp_path / "s.jdm")

    def full(*_a: object, **_k: object) -> None:
        raise driver.OperationalError("database or disk is full")

    monkeypatch.setattr(cli_auth, "log_in", full)
    assert main(["check", str(study)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "disk is full" in err and "Traceback" not in err


CLI_CHECK = """
from tests.conftest import PASSWORD
os.environ['JDMDESK_USER'] = 'manager'; os.environ['JDMDESK_PASSWORD'] = PASSWORD
from jdmdesk.cli import main
print('exit', main(['check', 's.jdm']))
"""

ROLLBACK_STUDY = """
from tests.conftest import raw_connect, study_with_users
study_with_users(Path('s.jdm'))
c = raw_connect('s.jdm'); c.execute('PRAGMA journal_mode=DELETE'); c.close()
"""


def test_cli_login_on_a_really_full_disk():
    proc = run_on_tmpfs(ROLLBACK_STUDY, CLI_CHECK, fault="full")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "exit 1"
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "disk is full" in proc.stderr


def test_xlsx_export_on_a_really_full_disk(tmp_path):
    from jdmdesk.cli import main

    study = tmp_path / "demo.jdm"
    assert main(["demo", str(study), "--patients", "40"]) == 0
    export = f"""
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
c = demo_credentials(Role.DATA_MANAGER)
os.environ['JDMDESK_USER'] = c.username; os.environ['JDMDESK_PASSWORD'] = c.password
from jdmdesk.cli import main
print('exit', main(['export', {str(study)!r}, '--format', 'xlsx', '--output', 'out.xlsx']))
print(sorted(os.listdir('.')))
"""
    proc = run_on_tmpfs("", export, fault="almost", leave=100_000)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["exit 1", "['.filler']"]  # nothing half-written
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert "disk is full" in proc.stderr and proc.stderr.count("\n") == 1


def test_xlsx_file_create_error_is_a_full_disk_and_leaves_nothing(tmp_path, monkeypatch):
    """xlsxwriter wraps the OSError of its ZIP in FileCreateError; its scratch files go too."""
    import xlsxwriter
    from xlsxwriter.exceptions import FileCreateError

    from jdmdesk.export import ExportError, ExportOptions
    from jdmdesk.services.exports import run_export
    from tests.export.helpers import make_study

    study = make_study(tmp_path / "s.jdm")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    real_close = xlsxwriter.Workbook.close

    def full_close(book: xlsxwriter.Workbook) -> None:
        scratch = Path(book.tmpdir)
        (scratch / "tmpabc123").write_bytes(b"half a worksheet")
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full_close)
    from jdmdesk.domain.access import Role, Session

    manager = Session("manager", "Dana Manager", Role.DATA_MANAGER)
    with pytest.raises(ExportError, match="disk is full"):
        run_export(study, out_dir / "x.xlsx", ExportOptions("xlsx"), session=manager)
    assert os.listdir(out_dir) == []
    monkeypatch.setattr(xlsxwriter.Workbook, "close", real_close)


# --- 14: a refused newer-schema file keeps no -wal/-shm beside it -------------------------------

def test_newer_schema_refused_by_the_window_path_leaves_nothing(tmp_path):
    s = create_study(tmp_path / "new.jdm")
    s.conn.execute("PRAGMA user_version = 999")
    s.close()
    before = sorted(os.listdir(tmp_path))
    integrity = start_integrity_check(s.path)  # what build_main_window starts first
    with pytest.raises(StudyFileError) as caught:
        open_locked(s.path, integrity=integrity)
    if integrity is not None:
        integrity._thread.join()
    assert caught.value.problem is Problem.TOO_NEW
    assert "newer JDM Desk" in caught.value.message
    assert sorted(os.listdir(tmp_path)) == before == ["new.jdm", "new.jdm.keys"]


def test_read_only_mount_with_unread_changes_in_the_wal_says_so():
    crashed = MAKE_STUDY + """
from jdmdesk.db.connection import connect
conn = connect(Path('s.jdm'))
conn.execute("UPDATE patient SET study_code = 'P-2'")
os._exit(0)  # a crash: the change stays in s.jdm-wal
"""
    proc = run_on_tmpfs(crashed, OPEN_IT, fault="ro")
    assert proc.returncode == 0, proc.stderr
    first, notice = proc.stdout.splitlines()[:2]
    assert first == "opened True 1"
    assert "mounted read-only" in notice and "s.jdm-wal" in notice


def test_a_full_disk_offers_no_backup_to_restore(tmp_path):
    from jdmdesk.db import backup as bk

    s = create_study(tmp_path / "s.jdm")
    try:
        bk.backup_on_close(s)
    finally:
        s.close()
    full = StudyFileError(s.path, Problem.DISK_FULL, "the disk holding the file is full")
    assert bk.hint_for(full) is None and "backup" not in bk.describe_with_backup(full)
    damaged = StudyFileError(s.path, Problem.DAMAGED, "the file is damaged")
    assert bk.hint_for(damaged) is not None
