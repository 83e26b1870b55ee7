"""The command line on encrypted studies: wrong password, lost key file, recovery key, damaged
file: one line on stderr, the right exit code, nothing overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdmdesk.cli import main
from jdmdesk.db import keyring
from jdmdesk.domain.access import Role
from tests.conftest import credentials, log_in_as, study_with_users

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def encrypted(tmp_path, monkeypatch) -> tuple[Path, str]:
    """A study with one account per role, made by "another process" (no key known here)."""
    path = study_with_users(tmp_path / "enc.jdm")
    monkeypatch.setattr(keyring, "_by_path", {})
    monkeypatch.setattr(keyring, "_by_study", {})
    return path, RECOVERY[path]


RECOVERY: dict[Path, str] = {}


@pytest.fixture(autouse=True)
def _capture_recovery(monkeypatch):
    """Remember each new study's recovery key (it is shown once, then forgotten)."""
    from jdmdesk.db import studyfile

    original = studyfile.create_study

    def create(path, **kwargs):
        study = original(path, **kwargs)
        RECOVERY[Path(path)] = study.recovery_key or ""
        return study

    monkeypatch.setattr(studyfile, "create_study", create)
    import tests.conftest as conftest

    monkeypatch.setattr(conftest, "create_study", create)


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdmdesk", *args], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, **env}, stdin=subprocess.DEVNULL)


def _env(role: Role = Role.DATA_MANAGER, password: str | None = None) -> dict[str, str]:
    given = credentials(role)
    return {"JDMDESK_USER": given.username, "JDMDESK_PASSWORD": password or given.password}


def test_check_reports_the_key_file(encrypted, capsys, monkeypatch):
    path, _ = encrypted
    log_in_as(monkeypatch, credentials(Role.REVIEWER))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok    key file enc.jdm.keys: ok (3 account copies and the recovery copy)" in out


def test_wrong_password_is_one_line_exit_1_nothing_written(encrypted):
    path, _ = encrypted
    before = path.read_bytes(), keyring.key_file_path(path).read_bytes()
    proc = _run("check", str(path), env=_env(password="not the password"))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == "jdmdesk: login refused: unknown user name or wrong password\n"
    assert (path.read_bytes(), keyring.key_file_path(path).read_bytes()) == before


def test_lost_key_file_opens_with_the_recovery_key_and_is_rebuilt(encrypted):
    path, recovery = encrypted
    keys = keyring.key_file_path(path)
    original = keys.read_bytes()
    keys.unlink()
    proc = _run("check", str(path), env=_env(Role.REVIEWER))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "key file enc.jdm.keys is missing" in proc.stderr and "Traceback" not in proc.stderr
    bad = _run("check", str(path), env={**_env(Role.REVIEWER),
                                        "JDMDESK_RECOVERY_KEY": "0000-1111"})
    assert bad.returncode == 1 and bad.stderr.startswith("jdmdesk: recovery key refused: ")
    assert bad.stderr.count("\n") == 1 and not keys.exists()
    ok = _run("check", str(path), env={**_env(Role.REVIEWER), "JDMDESK_RECOVERY_KEY": recovery})
    assert ok.returncode == 0, ok.stderr
    from jdmdesk.crypto.keyfile import KeyFile

    rebuilt, before = KeyFile.from_bytes(keys.read_bytes()), KeyFile.from_bytes(original)
    # rebuilt from the copy inside the study (the chain head moves on with each commit)
    assert (rebuilt.study_id, rebuilt.slots) == (before.study_id, before.slots)


def test_bit_flipped_study_is_one_line_exit_2_and_untouched(encrypted):
    path, _ = encrypted
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x04
    path.write_bytes(bytes(data))
    proc = _run("check", str(path), env=_env(Role.REVIEWER))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "damaged" in proc.stderr
    assert path.read_bytes() == bytes(data)


def test_backup_and_restore_carry_the_key_file(encrypted, tmp_path):
    path, _ = encrypted
    copy, restored = tmp_path / "copy.jdm", tmp_path / "restored.jdm"
    assert _run("backup", str(path), "--output", str(copy), env=_env()).returncode == 0
    assert keyring.key_file_path(copy).exists()
    proc = _run("restore", str(copy), "--output", str(restored), env=_env())
    assert proc.returncode == 0, proc.stderr
    mine, theirs = keyring.read_key_file(restored), keyring.read_key_file(path)
    # the same wrapped copies; each file remembers its own chain head
    assert (mine.study_id, mine.slots) == (theirs.study_id, theirs.slots)
    check = _run("check", str(restored), env=_env(Role.REVIEWER))
    assert check.returncode == 0, check.stderr


def test_demo_prints_its_recovery_key(tmp_path, capsys):
    from jdmdesk.crypto.recovery import parse_recovery_key

    out = tmp_path / "demo.jdm"
    assert main(["demo", str(out)]) == 0
    text = capsys.readouterr().out
    line = next(ln for ln in text.splitlines() if ln.startswith("recovery key"))
    assert len(parse_recovery_key(line.rsplit(": ", 1)[1])) == 32
    assert keyring.key_file_path(out).exists()


def test_every_password_lost_the_recovery_key_sets_a_new_one(encrypted):
    path, recovery = encrypted
    keyring.key_file_path(path).unlink()  # and the key file with them
    env = {"JDMDESK_RECOVERY_KEY": recovery, "JDMDESK_NEW_PASSWORD": "brand new passphrase"}
    nurse = _run("recover", str(path), "--user", "nurse", env=env)
    assert nurse.returncode == 1 and "No active data manager 'nurse'" in nurse.stderr
    proc = _run("recover", str(path), "--user", "manager", env=env)
    assert proc.returncode == 0, proc.stderr
    assert keyring.key_file_path(path).exists()
    old = _run("check", str(path), env=_env(Role.DATA_MANAGER))
    assert old.returncode == 1 and "wrong password" in old.stderr
    new = _run("check", str(path), env=_env(Role.DATA_MANAGER, "brand new passphrase"))
    assert new.returncode == 0, new.stderr


def test_plain_backup_is_readable_by_sqlite3_audited_and_a_data_managers(encrypted, tmp_path):
    import sqlite3

    path, _ = encrypted
    out = tmp_path / "plain.sqlite"
    nurse = _run("backup", str(path), "--output", str(out), "--plain", env=_env(Role.DATA_ENTRY))
    assert nurse.returncode == 1 and not out.exists()
    proc = _run("backup", str(path), "--output", str(out), "--plain", env=_env())
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"SQLite format 3\x00")
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT count(*) FROM user_account").fetchone()[0] == 3
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    again = _run("backup", str(path), "--output", str(out), "--plain", env=_env())
    assert again.returncode == 2 and "already exists" in again.stderr
    from jdmdesk.db.studyfile import open_study

    keyring.forget_all()
    from jdmdesk.db import keystore

    keystore.unlock_with_password(path, "manager", credentials(Role.DATA_MANAGER).password)
    study = open_study(path, read_only=True)
    try:
        rows = study.conn.execute("SELECT user, new_value FROM audit_log "
                                  "WHERE action = 'backup_plain'").fetchall()
    finally:
        study.close()
    assert rows == [("manager", str(out))]


def test_a_command_line_login_costs_one_argon2id_run(tmp_path, monkeypatch, capsys,
                                                      argon2_runs):
    """The password that opens the account's copy of the study key is the check (issue 19):
    the hash is not verified a second time."""
    from jdmdesk.cli import main
    from jdmdesk.demo import demo_credentials, write_demo
    from jdmdesk.domain.access import Credentials, Role
    from tests.conftest import FAST, log_in_as

    study = tmp_path / "demo.jdm"
    write_demo(study, hasher=FAST)
    verified = argon2_runs.verifications
    verified.clear()
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    assert main(["check", str(study)]) == 0, capsys.readouterr().err
    assert verified == []
    log_in_as(monkeypatch, Credentials(demo_credentials(Role.REVIEWER).username, "wrong"))
    assert main(["check", str(study)]) == 1
    assert "wrong password" in capsys.readouterr().err
