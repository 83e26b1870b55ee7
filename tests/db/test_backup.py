import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from jdmdesk.db import backup as bk
from jdmdesk.db.backup import BackupError
from jdmdesk.db.connection import Problem, StudyFileError
from jdmdesk.db.studyfile import create_study, open_study
from tests.conftest import raw_connect

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _count(path, table="patient") -> int:
    conn = raw_connect(path, read_only=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_verified_single_file_copy(study, service, patient_id, tmp_path):
    dest = tmp_path / "out" / "copy.jdm"
    assert bk.backup_study(study, dest) == dest
    assert _count(dest) == 1 and _count(dest, "audit_log") > 0
    assert not (tmp_path / "out" / "copy.jdm-wal").exists()
    # no temporary file left; the copy carries its key file
    assert sorted(os.listdir(tmp_path / "out")) == ["copy.jdm", "copy.jdm.keys"]
    bk.verify_backup(dest)
    conn = raw_connect(dest)
    try:  # rollback-journal mode: one self-contained file (its header is encrypted)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_backup_from_connection_and_path(study, tmp_path):
    assert bk.is_verified(bk.backup_study(study.conn, tmp_path / "a.jdm"))
    assert bk.is_verified(bk.backup_study(study.path, tmp_path / "b.jdm"))


def test_backup_never_overwrites(study, tmp_path):
    dest = tmp_path / "exists.jdm"
    dest.write_bytes(b"keep")
    with pytest.raises(BackupError, match="already exists"):
        bk.backup_study(study, dest)
    assert dest.read_bytes() == b"keep"


def test_backup_sees_committed_data_of_the_open_window(study, service, patient_id, tmp_path):
    service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    dest = bk.backup_study(study.path, tmp_path / "c.jdm")
    assert _count(dest, "visit") == 1


def test_verify_refuses_damaged_and_foreign(tmp_path, study):
    copy = bk.backup_study(study, tmp_path / "x.jdm")
    data = bytearray(copy.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096
    copy.write_bytes(bytes(data))
    assert not bk.is_verified(copy)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(BackupError, match="not a JDM Desk study"):
        bk.verify_backup(foreign)
    text = tmp_path / "t.jdm"
    text.write_text("hello")
    with pytest.raises(BackupError, match="not an SQLite database"):
        bk.verify_backup(text)


def test_on_open_at_most_daily(study):
    first = bk.backup_on_open_if_due(study, now=NOW)
    assert first is not None and first.parent == study.path.parent / "backups"
    assert first.name.startswith("study.backup-20261125T090000") and first.name.endswith(
        "-open.jdm")
    assert bk.backup_on_open_if_due(study, now=NOW + timedelta(hours=23)) is None
    assert bk.backup_on_open_if_due(study, now=NOW + timedelta(hours=25)) is not None
    assert len(bk.automatic_backups(study.path)) == 2


def test_on_close_always_and_rotation_keeps_seven_newest_plus_daily(study):
    made = []
    for day in range(10):
        for k in range(3):
            made.append(bk.backup_on_close(study, now=NOW + timedelta(days=day, minutes=k)))
    kept = bk.automatic_backups(study.path)
    assert set(made[-7:]) <= set(kept)
    days = {bk.backup_time(b).date() for b in kept}
    assert len(days) == 7  # the newest of each of the last 7 days
    assert len(kept) == 7 + 4  # newest 7 cover days 8-9 (+1 of day 7); days 3-6 add one each
    assert all(b.exists() for b in kept)


def test_rotation_leaves_other_files_alone(study):
    folder = study.path.parent / "backups"
    folder.mkdir()
    keep = [folder / "notes.txt", folder / "study.v1.pre-migration-20200101T000000Z.jdm",
            folder / "other.backup-20200101T000000000000Z-close.jdm"]
    for p in keep:
        p.write_text("x")
    for i in range(12):
        bk.backup_on_close(study, now=NOW + timedelta(minutes=i))
    assert all(p.exists() for p in keep)
    assert len(bk.automatic_backups(study.path)) == 7


def test_read_only_study_makes_no_automatic_backup(study, tmp_path):
    ro = open_study(study.path, read_only=True)
    try:
        assert bk.backup_on_open_if_due(ro, now=NOW) is None
        assert bk.backup_on_close(ro, now=NOW) is None
    finally:
        ro.close()
    assert not (tmp_path / "backups").exists()


def test_newest_verified_skips_damaged_backups(study):
    older = bk.backup_on_close(study, now=NOW)
    newer = bk.backup_on_close(study, now=NOW + timedelta(hours=1))
    assert bk.newest_verified_backup(study.path) == newer
    newer.write_bytes(newer.read_bytes()[:5000])
    assert bk.newest_verified_backup(study.path) == older


def test_no_backups_gives_none(tmp_path):
    assert bk.newest_verified_backup(tmp_path / "none.jdm") is None


def test_restore_into_new_file_opens_as_study(study, service, patient_id, tmp_path):
    b = bk.backup_on_close(study, now=NOW)
    new = bk.restore_backup(b, tmp_path / "restored" / "study-restored.jdm")
    s = open_study(new)
    try:
        assert s.conn.execute("SELECT study_code FROM patient").fetchall() == [("P-001",)]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        s.close()


def test_restore_never_overwrites_live_study_or_any_file(study, tmp_path):
    b = bk.backup_on_close(study, now=NOW)
    before = study.path.read_bytes()
    with pytest.raises(BackupError, match="already exists"):
        bk.restore_backup(b, study.path)
    assert study.path.read_bytes() == before
    other = tmp_path / "other.jdm"
    other.write_text("mine")
    with pytest.raises(BackupError, match="already exists"):
        bk.restore_backup(b, other)
    assert other.read_text() == "mine"
    with pytest.raises(BackupError, match="already exists"):
        bk.restore_backup(b, b)


def test_restore_refuses_a_damaged_backup(study, tmp_path):
    b = bk.backup_on_close(study, now=NOW)
    b.write_bytes(b.read_bytes()[:3000])
    with pytest.raises(BackupError):
        bk.restore_backup(b, tmp_path / "new.jdm")
    assert not (tmp_path / "new.jdm").exists()
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_describe_with_backup_names_the_newest_verified(tmp_path):
    s = create_study(tmp_path / "s.jdm")
    try:
        b = bk.backup_on_close(s, now=NOW)
    finally:
        s.close()
    err = StudyFileError(s.path, Problem.DAMAGED, "the file is damaged (x)")
    text = bk.describe_with_backup(err)
    assert text.startswith("The file is damaged (x).")
    assert str(b) in text and "restore" in text and "\n" not in text
    lone = StudyFileError(tmp_path / "other.jdm", Problem.DAMAGED, "the file is damaged")
    assert bk.describe_with_backup(lone) == "The file is damaged."


# --- the command line ---------------------------------------------------------------------------

def test_cli_backup_then_restore(tmp_path, capsys, monkeypatch):
    from jdmdesk.cli import main
    from jdmdesk.demo import demo_credentials
    from jdmdesk.domain.access import Role
    from tests.conftest import log_in_as

    study = tmp_path / "demo.jdm"
    assert main(["demo", str(study)]) == 0
    out = tmp_path / "copies" / "demo-copy.jdm"
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))
    assert main(["backup", str(study), "--output", str(out)]) == 1
    assert "Data entry accounts may not back up" in capsys.readouterr().err
    assert not out.exists()
    log_in_as(monkeypatch, demo_credentials(Role.DATA_MANAGER))
    assert main(["backup", str(study), "--output", str(out)]) == 0
    assert "verified backup" in capsys.readouterr().out
    assert main(["backup", str(study), "--output", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    new = tmp_path / "restored.jdm"
    copy = out.read_bytes()
    assert main(["restore", str(out), "--output", str(new)]) == 0
    assert out.read_bytes() == copy  # the login was checked against the backup, not written
    assert _count(new) == _count(study) == 3
    before = study.read_bytes()
    assert main(["restore", str(out), "--output", str(study)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert study.read_bytes() == before


def test_cli_backup_refuses_non_study_and_restore_refuses_damaged(tmp_path, capsys):
    from jdmdesk.cli import main

    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert main(["backup", str(text), "--output", str(tmp_path / "b.jdm")]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert main(["backup", str(foreign), "--output", str(tmp_path / "f.jdm")]) == 2
    assert "not a JDM Desk study" in capsys.readouterr().err
    assert not (tmp_path / "f.jdm").exists()
    assert main(["restore", str(text), "--output", str(tmp_path / "r.jdm")]) == 2
    err = capsys.readouterr().err
    assert "not an SQLite database" in err and err.count("\n") == 1
    assert not (tmp_path / "r.jdm").exists()
    assert main(["restore", str(tmp_path / "nope.jdm"), "--output", str(tmp_path / "r.jdm")]) == 2
