import os
import subprocess
import sys
from pathlib import Path

from jdmdesk.cli import main
from jdmdesk.demo import demo_credentials
from jdmdesk.domain.access import Role
from tests.conftest import log_in_as, raw_connect


def test_demo_then_check(tmp_path, capsys, monkeypatch):
    out = tmp_path / "x.jdm"
    assert main(["demo", str(out)]) == 0
    assert "3 patients" in capsys.readouterr().out
    # the study and its key file, nothing of the temporary name it was written under
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.jdm", "x.jdm.keys"]
    assert main(["check", str(out)]) == 1  # no credentials in the environment, no terminal
    assert "JDMDESK_USER" in capsys.readouterr().err
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    assert main(["check", str(out)]) == 0
    report = capsys.readouterr().out
    assert "integrity_check: ok" in report and "chain verified" in report


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "x.jdm"
    out.write_text("keep me")
    assert main(["demo", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "keep me"


def test_check_of_non_study_is_one_line_no_traceback(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    proc = subprocess.run([sys.executable, "-m", "jdmdesk", "check", str(bad)],
                          capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "not an SQLite database" in proc.stderr


def test_check_fails_on_tampering(tmp_path, capsys, monkeypatch):
    out = tmp_path / "x.jdm"
    assert main(["demo", str(out)]) == 0
    conn = raw_connect(out)
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET user = 'mallory' WHERE seq = 3")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["check", str(out)]) == 1
    captured = capsys.readouterr()
    assert "FAIL" in captured.out and "row 3 was altered" in captured.out
    assert "check failed" in captured.err


def test_main_py_is_the_same_cli(tmp_path):
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "main.py"), "demo", "--help"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "synthetic" in proc.stdout


def test_cli_cannot_bypass_roles_or_passwords(tmp_path, capsys, monkeypatch):
    from jdmdesk.domain.access import Credentials

    study = tmp_path / "x.jdm"
    assert main(["demo", str(study)]) == 0
    assert "Reviewer: doctor / demo-review-2026" in capsys.readouterr().out
    out = tmp_path / "x.zip"
    for role in (Role.DATA_ENTRY, Role.REVIEWER):
        log_in_as(monkeypatch, demo_credentials(role))
        assert main(["export", str(study), "--format", "bundle", "--output", str(out)]) == 1
        err = capsys.readouterr().err
        assert "accounts may not export the study" in err and err.count("\n") == 1
        assert main(["backup", str(study), "--output", str(tmp_path / "b.jdm")]) == 1
        assert "may not back up" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "b.jdm").exists()
    log_in_as(monkeypatch, Credentials("manager", "not the password"))
    assert main(["export", str(study), "--format", "bundle", "--output", str(out)]) == 1
    assert "login refused: unknown user name or wrong password" in capsys.readouterr().err
    log_in_as(monkeypatch, demo_credentials(Role.DATA_MANAGER))
    assert main(["export", str(study), "--format", "bundle", "--output", str(out)]) == 0
    assert out.exists()


def test_cli_asks_in_a_terminal_without_echo(tmp_path, capsys, monkeypatch):
    import getpass

    from jdmdesk.cli_auth import read_credentials

    monkeypatch.delenv("JDMDESK_USER", raising=False)
    monkeypatch.delenv("JDMDESK_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "doctor")
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "demo-review-2026")
    given = read_credentials()
    assert (given.username, given.password) == ("doctor", "demo-review-2026")
    assert "demo-review-2026" not in repr(given)


def test_demo_accounts_are_detected_for_tasks_py(tmp_path):
    from jdmdesk.db.studyfile import create_study
    from jdmdesk.demo import has_accounts, write_demo
    from tests.conftest import FAST

    demo = tmp_path / "demo.jdm"
    write_demo(demo, hasher=FAST)
    empty = tmp_path / "empty.jdm"
    create_study(empty).close()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert [has_accounts(p) for p in (demo, empty, text)] == [True, False, False]


# --- issue 15 items 6 and 17 --------------------------------------------------------------------

def _cli(*args: str, user: str | bytes, password: str = "demo-review-2026"
         ) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environb.items()
           if k not in (b"JDMDESK_USER", b"JDMDESK_PASSWORD")}
    env[b"JDMDESK_USER"] = os.fsencode(user)
    env[b"JDMDESK_PASSWORD"] = os.fsencode(password)
    env[b"PYTHONPATH"] = str(root).encode()
    return subprocess.run([sys.executable, "-m", "jdmdesk", *args], cwd=root, env=env,
                          capture_output=True, text=True)


PASSWORDS = {"doctor": "demo-review-2026", "nobody": "x", "manager": "demo-manage-2026"}


def _audit_of_main_file_alone(study: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """The audit rows a copy of the study file alone holds (no -wal beside it)."""
    import shutil

    from jdmdesk.db import keyring
    from jdmdesk.db.connection import open_keyed

    alone = tmp_path / "alone"
    alone.mkdir(exist_ok=True)
    copy = alone / study.name
    shutil.copyfile(study, copy)
    conn = open_keyed(str(copy), keyring.key_for(study))  # the study's key: a copy alone
    try:
        return conn.execute("SELECT user, action FROM audit_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def test_the_login_a_command_records_is_in_the_study_file_itself(tmp_path):
    study = tmp_path / "x.jdm"
    assert main(["demo", str(study)]) == 0
    before = _audit_of_main_file_alone(study, tmp_path)
    for args, user in ((("check", str(study)), "doctor"),
                       (("check", str(study)), "nobody"),
                       (("report", str(study), "--patient", "SYN-001", "--output",
                         str(tmp_path / "r.pdf")), "doctor"),
                       (("export", str(study), "--format", "odm", "--output",
                         str(tmp_path / "e.xml")), "manager")):
        proc = _cli(*args, user=user, password=PASSWORDS[user])
        assert "Traceback" not in proc.stderr, proc.stderr
        after = _audit_of_main_file_alone(study, tmp_path)
        new = [action for _, action in after[len(before):]]
        if user == "nobody":  # no account copy of the key: refused before the file is opened
            assert new == [] and "login refused" in proc.stderr, (new, proc.stderr)
            continue
        assert new and new[0] == "login", new
        before = after


def test_a_user_name_that_is_not_valid_text_is_said_to_be_so(tmp_path):
    study = tmp_path / "x.jdm"
    assert main(["demo", str(study)]) == 0
    proc = _cli("check", str(study), user=b"doct\xffor")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "JDMDESK_USER" in proc.stderr
    assert "not valid text" in proc.stderr and "file name" not in proc.stderr
    proc = _cli("check", str(study), user="doctor", password="\udcff")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
