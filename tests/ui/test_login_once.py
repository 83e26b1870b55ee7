"""One Argon2id run per login: the account's copy of the study key, opened by the password, is
the password check (issue 19). Lockout, the refusal's words, old hashes and the audit stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from jdmdesk.app import LoginCancelled, build_main_window
from jdmdesk.db import accounts as account_rows
from jdmdesk.db import keystore
from jdmdesk.db.check import check_study
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import MAX_FAILED_ATTEMPTS, Credentials, Role
from tests.conftest import FAST, PASSWORD, Argon2Runs, credentials, study_with_users
from tests.ui.conftest import close_window


class Counting(PasswordHasher):
    """The tests' cheap hasher, counting its Argon2id runs."""

    def __init__(self) -> None:
        super().__init__(time_cost=FAST.time_cost, memory_cost=FAST.memory_cost,
                         parallelism=FAST.parallelism)
        self.runs: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.runs.append("verify")
        return super().verify(hash, password)

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.runs.append("hash")
        return super().hash(password, salt=salt)


@pytest.fixture
def unwraps(argon2_runs: Argon2Runs) -> list[int]:
    """Every key-derivation (Argon2id) of a wrapped copy of the study key."""
    return argon2_runs.derivations


def stored_hash(path: Path, username: str) -> str:
    study = open_study(path, read_only=True)
    try:
        found = account_rows.by_username(study.db, username)
        assert found is not None
        return found.password_hash
    finally:
        study.close()


def test_a_right_password_opens_with_one_argon2id_run(tmp_path, qtbot, unwraps):
    study = study_with_users(tmp_path / "s.jdm")
    hasher = Counting()
    unwraps.clear()  # the accounts' copies were wrapped when the study was made
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=hasher)
    try:
        assert w.services.session.username == "nurse"
        assert len(unwraps) == 1 and hasher.runs == []  # the unwrap was the password check
    finally:
        close_window(w)


def test_a_wrong_password_is_refused_in_the_same_words_as_an_unknown_name(tmp_path, unwraps):
    study = study_with_users(tmp_path / "s.jdm")
    asked: list[str | None] = []
    answers = [Credentials("nurse", "not the password"), Credentials("nobody", PASSWORD)]

    def ask(first: bool, error: str | None) -> Credentials | None:
        asked.append(error)
        return answers.pop(0) if answers else None

    unwraps.clear()
    with pytest.raises(LoginCancelled):
        build_main_window(study, ask=ask, hasher=FAST)
    assert asked == [None, "unknown user name or wrong password",
                     "unknown user name or wrong password"]
    assert len(unwraps) == 2  # one Argon2id per attempt, known name or not


def test_failed_unwraps_count_towards_the_lockout_and_it_holds_for_the_right_password(
        tmp_path):
    study = study_with_users(tmp_path / "s.jdm")
    answers = [Credentials("nurse", f"wrong {i}") for i in range(MAX_FAILED_ATTEMPTS)]
    answers.append(credentials(Role.DATA_ENTRY))
    asked: list[str | None] = []

    def ask(first: bool, error: str | None) -> Credentials | None:
        asked.append(error)
        return answers.pop(0) if answers else None

    with pytest.raises(LoginCancelled):
        build_main_window(study, ask=ask, hasher=FAST)
    assert asked[-1] is not None and "too many failed attempts" in asked[-1]
    assert asked[1:-1] == ["unknown user name or wrong password"] * MAX_FAILED_ATTEMPTS


def with_older_hash(tmp_path: Path) -> Path:
    """A study whose nurse has a hash of other (older) Argon2id parameters."""
    study = study_with_users(tmp_path / "s.jdm")
    old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    opened = open_study(study)
    try:
        account = account_rows.by_username(opened.db, "nurse")
        assert account is not None
        with write_transaction(opened.db) as db:  # as an earlier version of the app wrote it
            account_rows.set_password(db, "setup", account, old.hash(PASSWORD), "older hash")
    finally:
        opened.close()
    return study


def logins_recorded(study: Path) -> int:
    from jdmdesk.db import audit

    check = open_study(study, read_only=True)
    try:
        account = account_rows.by_username(check.db, "nurse")
        assert account is not None
        return sum(1 for row in audit.history(check.db, "user_account", account.id)
                   if row.action == "login")
    finally:
        check.close()


def test_an_account_with_an_older_hash_opens_and_its_hash_is_upgraded(tmp_path, qtbot,
                                                                      unwraps):
    study = with_older_hash(tmp_path)
    hasher = Counting()
    before = keystore.required_key_file(study).slots["user:nurse"]
    _, signing_before = keystore.unlock_slot(keystore.required_key_file(study), "nurse",
                                             PASSWORD)
    unwraps.clear()  # the accounts' copies were wrapped when the study was made
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=hasher)
    try:
        assert w.services.session.username == "nurse"
        # the login: one run; its record upgrades the copy of the key as well (once: an
        # unwrap at the old cost and a wrap at the new one) and the hash
        assert len(unwraps) == 1 + 2 and "verify" not in hasher.runs
        assert hasher.runs == ["hash"]
    finally:
        close_window(w)
    after = keystore.required_key_file(study).slots["user:nurse"]
    assert before.kdf != w.services.accounts.kdf and after.kdf == w.services.accounts.kdf
    assert after.salt != before.salt
    key, signing_after = keystore.unlock_slot(keystore.required_key_file(study), "nurse",
                                              PASSWORD)
    assert signing_after == signing_before is not None  # the signing key is kept
    assert keystore.open_with_password(study, "nurse", PASSWORD).key == key
    unwraps.clear()
    again = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=hasher)
    close_window(again)
    assert len(unwraps) == 1  # upgraded: the next login is one run again
    upgraded = stored_hash(study, "nurse")
    assert f"m={FAST.memory_cost},t={FAST.time_cost}" in upgraded
    assert not hasher.check_needs_rehash(upgraded) and hasher.verify(upgraded, PASSWORD)
    check = open_study(study, read_only=True)
    try:
        assert account_rows.unsealed(check.db) == []  # the upgraded row is sealed with its MAC
        report = check_study(check.db, study)  # the key file and its mirror agree, the chain
        assert report.ok, report
    finally:
        check.close()


def test_a_proof_is_only_for_its_own_account_and_study(tmp_path):
    study = study_with_users(tmp_path / "s.jdm")
    proof = keystore.open_with_password(study, "Nurse", PASSWORD)
    assert proof.proves("nurse", proof.key)
    assert not proof.proves("manager", proof.key)
    assert not proof.proves("nurse", bytes(32))
    assert not proof.proves("nurse", None)


def test_a_login_asked_again_after_a_refusal_is_checked_by_its_hash(tmp_path, qtbot):
    study = study_with_users(tmp_path / "s.jdm")
    answers = [Credentials("nurse", "not it"), credentials(Role.DATA_ENTRY)]
    hasher = Counting()
    w = build_main_window(study, ask=lambda first, error: answers.pop(0), hasher=hasher)
    try:
        assert w.services.session.username == "nurse" and hasher.runs == []
    finally:
        close_window(w)


def test_a_key_file_that_cannot_be_written_leaves_both_for_a_later_login(tmp_path, qtbot,
                                                                         monkeypatch):
    study = with_older_hash(tmp_path)
    old_hash = stored_hash(study, "nurse")
    before = keystore.required_key_file(study).slots["user:nurse"]
    recorded = logins_recorded(study)

    def refused(*args, **kwargs):
        raise PermissionError(13, "the file is in use by another program")

    monkeypatch.setattr(keystore.keyring, "write_key_file", refused)
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    close_window(w)
    assert logins_recorded(study) == recorded + 1  # the login is recorded all the same
    assert stored_hash(study, "nurse") == old_hash  # hash and copy wait, together
    assert keystore.required_key_file(study).slots["user:nurse"] == before
    check = open_study(study, read_only=True)
    try:
        report = check_study(check.db, study)
        assert report.ok, report
    finally:
        check.close()
    monkeypatch.undo()
    again = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST)
    close_window(again)
    assert stored_hash(study, "nurse") != old_hash
    assert keystore.required_key_file(study).slots["user:nurse"].kdf == again.services.accounts.kdf


def test_a_read_only_session_upgrades_nothing(tmp_path, qtbot):
    study = with_older_hash(tmp_path)
    old_hash = stored_hash(study, "nurse")
    key_file = Path(f"{study}.keys").read_bytes()
    w = build_main_window(study, credentials(Role.DATA_ENTRY), hasher=FAST, read_only=True)
    try:
        w.lock()
        assert w._check_password(PASSWORD) is None  # the lock screen's password, recorded
    finally:
        close_window(w)
    assert stored_hash(study, "nurse") == old_hash
    assert Path(f"{study}.keys").read_bytes() == key_file
