"""Encryption at rest: every new study, its WAL, its backups and its key file hold no readable
clinical or account data; each account's copy of the study key is its own; the recovery key
opens a study whose key file is lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jdmdesk.crypto.keyfile import RECOVERY_SLOT, KeyFile, user_slot
from jdmdesk.crypto.keys import WrongKey
from jdmdesk.crypto.recovery import RecoveryKeyError
from jdmdesk.db import backup as bk
from jdmdesk.db import driver, keyring, keystore
from jdmdesk.db.connection import Problem, StudyFileError
from jdmdesk.db.studyfile import create_study, open_study
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountService
from tests.conftest import FAST, PASSWORD, TODAY, USERNAMES, seed_users

SECRETS = (b"ZQ-4711", b"private note about the family", b"SQLite format 3",
           b"$argon2id$", b"Rita Nurse")


@pytest.fixture
def forget_keys(monkeypatch):
    """A new process: no study key is known until one is unlocked."""
    monkeypatch.setattr(keyring, "_by_path", {})
    monkeypatch.setattr(keyring, "_by_study", {})


def _fill(study) -> None:
    from jdmdesk.domain.access import Session
    from jdmdesk.services.records import RecordService

    svc = RecordService(study, Session("nurse", "Rita Nurse", Role.DATA_ENTRY),
                        FixedClock.on(TODAY))
    result = svc.save("patient", {"study_code": "ZQ-4711", "sex": "F",
                                  "birth_date": "2015-04-02", "onset_date": "2020-01-10"})
    assert result.ok, result
    visit = svc.save("visit", {"visit_date": "2024-05-01",
                               "note": "private note about the family"},
                     patient_id=result.record_id)
    assert visit.ok, visit


def _plain_bytes(paths: list[Path]) -> list[str]:
    found = []
    for p in paths:
        data = p.read_bytes()
        found += [f"{p.name}: {s.decode()}" for s in SECRETS if s in data]
    return found


def test_study_wal_backups_and_key_file_hold_no_plaintext(tmp_path, qapp):
    study = create_study(tmp_path / "s.jdm")
    seed_users(study)
    _fill(study)
    wal = Path(f"{study.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the saves are in the WAL, still open
    manual = bk.backup_study(study, tmp_path / "copy.jdm")
    auto = bk.backup_on_close(study)
    files = [study.path, wal, manual, auto, Path(f"{study.path}.keys"),
             Path(f"{manual}.keys"), Path(f"{auto}.keys")]
    assert _plain_bytes(files) == []
    study.close()
    assert _plain_bytes([study.path]) == []
    # an outsider's sqlite3 (or SQLCipher without the key) cannot read it
    import sqlite3

    for path in (study.path, manual, auto):
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
        with pytest.raises(driver.DatabaseError):
            driver.connect(str(path)).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_each_account_has_its_own_copy_changed_alone(study, qapp):
    users = seed_users(study)
    svc = AccountService(study, FixedClock.on(TODAY), FAST)
    before = keyring.read_key_file(study.path)
    assert before is not None
    assert set(before.slots) == {RECOVERY_SLOT} | {user_slot(u) for u in USERNAMES.values()}
    manager = users[Role.DATA_MANAGER]
    assert svc.reset_password(manager, "nurse", "a new long passphrase", "forgotten").ok
    after = keyring.read_key_file(study.path)
    assert after is not None
    changed = {s for s in before.slots if before.slots[s] != after.slots.get(s)}
    assert changed == {user_slot("nurse")}
    assert keystore.unlock_with_password(study.path, "nurse", "a new long passphrase") \
        == study.key
    with pytest.raises(WrongKey):
        keystore.unlock_with_password(study.path, "nurse", PASSWORD)
    assert svc.set_active(manager, "doctor", False, "left the study").ok
    gone = keyring.read_key_file(study.path)
    assert gone is not None and user_slot("doctor") not in gone.slots
    assert gone.slots[user_slot("manager")] == before.slots[user_slot("manager")]
    with pytest.raises(WrongKey):
        keystore.unlock_with_password(study.path, "doctor", PASSWORD)
    assert svc.create_user(manager, "monitor", "M Onitor", Role.REVIEWER, "another long pw").ok
    assert keystore.unlock_with_password(study.path, "monitor", "another long pw") == study.key
    # the mirror inside the study equals the key file
    # the same copies in both (the key file also remembers the chain head, after each commit)
    assert keystore.read_mirror(study.db).slots == keyring.read_key_file(study.path).slots


def test_unknown_user_costs_the_same_work_as_a_wrong_password(study):
    seed_users(study)

    def took(name: str) -> float:
        start = time.perf_counter()
        with pytest.raises(WrongKey):
            keystore.unlock_with_password(study.path, name, "wrong password")
        return time.perf_counter() - start

    wrong, unknown = min(took("nurse") for _ in range(3)), min(took("nobody") for _ in range(3))
    assert unknown > wrong / 3  # the same Argon2id work, not an instant refusal


def test_lost_key_file_is_rebuilt_after_the_recovery_key(tmp_path, forget_keys):
    study = create_study(tmp_path / "s.jdm")
    seed_users(study)
    recovery = study.recovery_key
    assert recovery is not None
    study.close()
    original = keyring.key_file_path(study.path).read_bytes()
    keyring.key_file_path(study.path).unlink()
    keyring.forget_all()
    with pytest.raises(StudyFileError) as info:
        open_study(study.path)
    assert info.value.problem is Problem.NOT_SQLITE and "key file" in info.value.message
    with pytest.raises(keystore.MissingKeyFile):
        keystore.unlock_with_password(study.path, "nurse", PASSWORD)
    with pytest.raises(RecoveryKeyError, match="typing error"):
        keystore.unlock_with_recovery(study.path, recovery[:-1] + ("A" if recovery[-1] != "A"
                                                                   else "B"))
    other = create_study(tmp_path / "other.jdm")
    other.close()
    keyring.forget_all()
    assert other.recovery_key is not None
    with pytest.raises(WrongKey):
        keystore.unlock_with_recovery(study.path, other.recovery_key)
    keystore.unlock_with_recovery(study.path, recovery.lower())
    reopened = open_study(study.path)
    try:
        assert keystore.rebuild_key_file(reopened.db, reopened.path)
    finally:
        reopened.close()
    rebuilt = KeyFile.from_bytes(keyring.key_file_path(study.path).read_bytes())
    before = KeyFile.from_bytes(original)  # the chain head moves on with each commit
    assert (rebuilt.study_id, rebuilt.slots) == (before.study_id, before.slots)
    keyring.forget_all()
    assert keystore.unlock_with_password(study.path, "nurse", PASSWORD)


def test_wrong_key_file_beside_a_study_is_refused_in_one_line(tmp_path, forget_keys):
    a, b = create_study(tmp_path / "a.jdm"), create_study(tmp_path / "b.jdm")
    seed_users(a)
    seed_users(b)
    a.close()
    b.close()
    before = a.path.read_bytes()
    keyring.key_file_path(a.path).write_bytes(keyring.key_file_path(b.path).read_bytes())
    keyring.forget_all()
    keystore.unlock_with_password(a.path, "nurse", PASSWORD)  # opens b's key, not a's
    with pytest.raises(StudyFileError) as info:
        open_study(a.path)
    assert info.value.problem is Problem.DAMAGED and "\n" not in info.value.message
    assert "does not decrypt" in info.value.message
    assert a.path.read_bytes() == before
