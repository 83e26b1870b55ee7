"""Issue 14: a study made before encryption (a plain SQLite file) is never converted in place:
``jdmdesk encrypt STUDY --output NEW`` writes an encrypted copy (a new study key and recovery
key, the audit chain verified then keyed, account rows sealed, the data manager's copy of the
key), and the window opens the plain study read-only with that offer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from jdmdesk.cli import main
from jdmdesk.db import keyring, signoff
from jdmdesk.db.connection import SQLITE_MAGIC, is_plain, write_transaction
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Role, Session
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.records import RecordService
from tests.conftest import TODAY, credentials, log_in_as, raw_connect, seed_users


@pytest.fixture
def plain(tmp_path, qapp) -> Path:
    study = create_study(tmp_path / "old.jdm", encrypt=False)
    try:
        seed_users(study)
        records = RecordService(study, Session("nurse", "Rita Nurse", Role.DATA_ENTRY),
                                FixedClock.on(TODAY))
        pid = records.save("patient", {"study_code": "OLD-001", "sex": "F",
                                       "birth_date": "2015-04-02"}).record_id
        visit = records.save("visit", {"visit_date": "2024-05-01", "weight_kg": "34.2"},
                             patient_id=pid).record_id
        with write_transaction(study.db) as db:
            signoff.sign(db, "doctor", "Dr Paula Review", visit)  # as signed before binding
    finally:
        study.close()
    assert is_plain(study.path)
    return study.path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypt_writes_a_new_encrypted_study_and_leaves_the_plain_one(plain, tmp_path,
                                                                        capsys, monkeypatch):
    before = _digest(plain)
    out = tmp_path / "new.jdm"
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    assert main(["encrypt", str(plain), "--output", str(out)]) == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "recovery key" in printed and "doctor, nurse" in printed
    assert _digest(plain) == before and is_plain(plain)
    assert SQLITE_MAGIC not in out.read_bytes() and b"OLD-001" not in out.read_bytes()
    keyring.forget_all()  # opened like any encrypted study: the manager's password
    assert main(["check", str(out)]) == 0, capsys.readouterr()
    checked = capsys.readouterr().out
    assert "chain verified" in checked and "1 signed before signatures were bound" in checked
    log_in_as(monkeypatch, credentials(Role.DATA_ENTRY))  # no copy of the key yet
    assert main(["check", str(out)]) == 1
    assert "wrong password" in capsys.readouterr().err
    # never over an existing file, never an encrypted study again
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    assert main(["encrypt", str(plain), "--output", str(out)]) == 2
    assert main(["encrypt", str(out), "--output", str(tmp_path / "again.jdm")]) == 2
    assert "already" in capsys.readouterr().err


def test_a_plain_study_whose_chain_is_broken_is_refused_unless_accepted(plain, tmp_path,
                                                                        capsys, monkeypatch):
    conn = raw_connect(plain)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'audit_log'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE audit_log SET new_value = '77.7' WHERE field = 'weight_kg'")
    finally:
        conn.close()
    out = tmp_path / "new.jdm"
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    capsys.readouterr()
    assert main(["encrypt", str(plain), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "encryption refused" in err and "audit trail" in err and not out.exists()
    assert not keyring.key_file_path(out).exists()
    assert main(["encrypt", str(plain), "--output", str(out), "--accept-unverified"]) == 0


def test_the_window_opens_a_plain_study_read_only_with_the_offer(plain, qtbot):
    from jdmdesk.app import build_main_window
    from tests.conftest import FAST

    window = build_main_window(plain, credentials(Role.DATA_MANAGER), hasher=FAST)
    try:
        assert window.services.records.study.read_only
        assert "made before encryption" in window.banner.text()
        assert window.findChild(object, "encrypt_copy_action") is not None
    finally:
        window.close()


def test_the_window_service_asks_the_password_and_writes_the_copy(plain, tmp_path):
    from jdmdesk.db.studyfile import open_study
    from jdmdesk.services.maintenance import MaintenanceService
    from jdmdesk.services.results import Status
    from tests.conftest import PASSWORD

    study = open_study(plain, read_only=True)
    try:
        manager = Session("manager", "Dana Manager", Role.DATA_MANAGER)
        service = MaintenanceService(study, manager)
        assert service.is_plain_study()
        wrong, none = service.encrypt_copy(tmp_path / "e.jdm", "not it")
        assert wrong.status is Status.INVALID and none is None
        assert not (tmp_path / "e.jdm").exists()
        nurse = MaintenanceService(study, Session("nurse", "Rita Nurse", Role.DATA_ENTRY))
        assert nurse.encrypt_copy(tmp_path / "e.jdm", PASSWORD)[0].status is Status.FORBIDDEN
        result, done = service.encrypt_copy(tmp_path / "e.jdm", PASSWORD)
        assert result.ok and done is not None and done.recovery_key
        assert "doctor, nurse" in result.message and not is_plain(done.path)
    finally:
        study.close()
