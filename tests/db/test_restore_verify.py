"""Issue 15, item 19: a backup is checked as ``jdmdesk check`` would before it is restored; one
whose audit chain is broken is refused with what does not verify, unless accepted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from jdmdesk.db import backup as bk
from tests.conftest import raw_connect

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _alter_audit_row(path: Path) -> None:
    """Change one audit value the way an outsider would: around the append-only triggers."""
    conn = raw_connect(path)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'audit_log'").fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE audit_log SET new_value = 'changed' WHERE seq = "
                     "(SELECT max(seq) FROM audit_log)")
        for _, sql in triggers:
            conn.execute(sql)
    finally:
        conn.close()


@pytest.fixture
def tampered(study, service, patient_id) -> Path:
    backup = bk.backup_on_close(study, now=NOW)
    assert backup is not None
    _alter_audit_row(backup)
    bk.verify_backup(backup)  # still a whole, readable SQLite file
    return backup


def test_a_sound_backup_restores(study, service, patient_id, tmp_path):
    backup = bk.backup_on_close(study, now=NOW)
    assert bk.content_problems(backup) == []
    done = bk.restore_checked(backup, tmp_path / "r.jdm")
    assert done.path.exists() and done.unverified == []


def test_a_broken_audit_chain_is_refused_naming_it(tampered, tmp_path):
    with pytest.raises(bk.UnverifiedBackup) as caught:
        bk.restore_backup(tampered, tmp_path / "r.jdm")
    assert any("audit trail" in p and "altered" in p for p in caught.value.problems)
    assert "does not verify" in str(caught.value) and "\n" not in str(caught.value)
    assert not (tmp_path / "r.jdm").exists()


def test_accepted_explicitly_it_restores_and_says_what(tampered, tmp_path):
    done = bk.restore_checked(tampered, tmp_path / "r.jdm", accept_unverified=True)
    assert done.path.exists() and any("audit trail" in p for p in done.unverified)


def test_cli_restore_refuses_then_accepts_with_the_flag(tampered, tmp_path, capsys, monkeypatch):
    from jdmdesk.cli import main
    from jdmdesk.domain.access import Role
    from tests.conftest import credentials, log_in_as

    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    out = tmp_path / "restored.jdm"
    assert main(["restore", str(tampered), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "audit trail" in err and "--accept-unverified" in err
    assert not out.exists()
    assert main(["restore", str(tampered), "--output", str(out), "--accept-unverified"]) == 0
    captured = capsys.readouterr()
    assert out.exists() and "does not verify" in captured.err and "restored" in captured.out
