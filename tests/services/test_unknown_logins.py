"""Logins under names that are no account (issue 15 items 7 and 8): never recorded as typed (a
password typed into the user-name field), and answered exactly like a known name."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher

from jdmdesk.db import accounts as account_rows
from jdmdesk.domain.access import Role, unknown_user_label
from jdmdesk.domain.clock import FixedClock
from jdmdesk.export import ExportOptions
from jdmdesk.services import accounts as accounts_service
from jdmdesk.services.accounts import HASHER, AccountError, AccountService
from jdmdesk.services.exports import run_export

SECRET = "Tr0ub4dor&3-typed-in-the-wrong-field"
START = datetime(2026, 1, 1, tzinfo=UTC)


class CountingHasher(PasswordHasher):
    """The tests' fast hasher, counting its verifications (the costly part of a login)."""

    def __init__(self) -> None:
        super().__init__(time_cost=2, memory_cost=19456, parallelism=1)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified += 1
        return super().verify(hash, password)


def _files(study) -> bytes:
    wal = study.path.with_name(study.path.name + "-wal")
    return study.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_password_typed_as_user_name_is_stored_nowhere(study, users, tmp_path):
    svc = AccountService(study, FixedClock(START), CountingHasher())
    for _ in range(2):
        with pytest.raises(AccountError, match="unknown user name or wrong password"):
            svc.login(SECRET, "whatever")
    rows = study.conn.execute("SELECT user, reason FROM audit_log WHERE action = "
                              "'login_failed'").fetchall()
    assert len(rows) == 2 and rows[0][0] == rows[1][0]  # the same name, the same label
    assert re.fullmatch(r"unknown user #[0-9a-f]{6}", rows[0][0])
    assert rows[1][1] == "unknown user name; failed attempt 2"
    assert SECRET.encode() not in _files(study)  # study file and WAL
    out = tmp_path / "identified.zip"
    run_export(study.path, out, ExportOptions("bundle", identified=True,
                                              include_free_text=True, force=True),
               session=users[Role.DATA_MANAGER])
    with zipfile.ZipFile(out) as z:
        members = b"".join(z.read(n) for n in z.namelist())
    assert b"unknown user #" in members
    assert SECRET.encode() not in members
    assert SECRET.encode() not in _files(study)


def test_the_fingerprint_is_keyed_by_the_study_salt():
    assert unknown_user_label(b"a" * 32, "Nurse1") == unknown_user_label(b"a" * 32, "nurse1")
    assert unknown_user_label(b"a" * 32, "nurse1") != unknown_user_label(b"b" * 32, "nurse1")
    assert unknown_user_label(b"a" * 32, "x\ud800") .startswith("unknown user #")


def _attempts(svc: AccountService, name: str, clock: FixedClock) -> list[str]:
    messages = []
    for i in range(9):
        if i == 7:
            clock.advance(seconds=31)  # the first lockout has passed
        with pytest.raises(AccountError) as err:
            svc.login(name, "not the password")
        messages.append(str(err.value))
    return messages


def test_known_and_unknown_names_get_the_same_answers_for_the_same_work(study, users):
    known_clock, unknown_clock = FixedClock(START), FixedClock(START)
    known = AccountService(study, known_clock, CountingHasher())
    unknown = AccountService(study, unknown_clock, CountingHasher())
    answers = _attempts(known, "nurse", known_clock)
    assert answers == _attempts(unknown, "nobody-here", unknown_clock)
    assert "too many failed attempts: try again in 30 s" in answers
    assert answers[-2:] == ["too many failed attempts: try again in 60 s",
                            "too many failed attempts: try again in 61 s"]
    assert known.hasher.verified == unknown.hasher.verified == 6  # none while locked out


def test_unknown_name_counters_live_in_the_study(study, users):
    clock = FixedClock(START)
    for _ in range(5):
        svc = AccountService(study, clock, CountingHasher())  # a new window or CLI run each time
        with pytest.raises(AccountError):
            svc.login("nobody-here", "x")
    with pytest.raises(AccountError, match="try again in 31 s"):
        AccountService(study, clock, CountingHasher()).login("nobody-here", "x")
    salt = account_rows.fingerprint_salt(study.db)
    assert salt is not None and len(salt) == 32
    label = unknown_user_label(salt, "nobody-here")
    assert account_rows.unknown_attempts(study.db, label)[0] == 5


def test_a_deactivated_account_is_answered_like_an_unknown_name(study, users):
    manager = AccountService(study, FixedClock(START), CountingHasher())
    assert manager.set_active(users[Role.DATA_MANAGER], "doctor", False, "left").ok
    svc = AccountService(study, FixedClock(START), CountingHasher())
    with pytest.raises(AccountError, match="unknown user name or wrong password"):
        svc.login("doctor", "correct horse battery")
    assert svc.hasher.verified == 1
    user, reason = study.conn.execute("SELECT user, reason FROM audit_log ORDER BY seq DESC "
                                      "LIMIT 1").fetchone()
    assert (user, reason) == ("doctor", "inactive account; failed attempt 1")


def test_the_apps_dummy_hash_has_the_apps_cost():
    dummy = accounts_service._dummy_hash(HASHER)
    params = HASHER.check_needs_rehash(dummy)
    assert dummy.startswith("$argon2id$") and not params


def test_undecodable_names_and_passwords_are_a_refusal_not_a_traceback(study, users):
    svc = AccountService(study, FixedClock(START), CountingHasher())
    for name, password in (("nurse\udcff", "x"), ("nurse", "pass\udcff")):
        with pytest.raises(AccountError, match="unknown user name or wrong password"):
            svc.login(name, password)
    result = svc.set_active(users[Role.DATA_MANAGER], "x\udcff", False, "r")
    assert not result.ok
