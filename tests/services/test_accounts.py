from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from jdmdesk.domain.access import PERMISSIONS, Action, Role, backoff_seconds, can
from jdmdesk.services.accounts import HASHER, AccountError, AccountService

FAST = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)  # the OWASP minimum


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def svc(study):
    return AccountService(study, Clock(), FAST)


def test_default_hasher_is_argon2id_at_or_above_owasp_minimum():
    p = HASHER
    assert p.type.name == "ID"
    assert p.memory_cost >= 19456 and p.time_cost >= 2 and p.parallelism >= 1


def test_login_and_audit(svc, study):
    svc.create_user("setup", "nurse", "Research Nurse", Role.DATA_ENTRY, "correct horse 1")
    session = svc.login("nurse", "correct horse 1")
    assert session.role is Role.DATA_ENTRY and session.display_name == "Research Nurse"
    with pytest.raises(AccountError, match="wrong password"):
        svc.login("nurse", "wrong")
    with pytest.raises(AccountError, match="wrong password"):
        svc.login("nobody", "x")
    actions = [r[0] for r in study.conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions[-3:] == ["login", "login_failed", "login_failed"]


def test_lockout_with_growing_backoff(svc):
    clock = svc.clock
    svc.create_user("setup", "doc", "Dr Who", Role.REVIEWER, "a long passphrase")
    for _ in range(4):
        with pytest.raises(AccountError, match="wrong password"):
            svc.login("doc", "bad")
    with pytest.raises(AccountError, match="try again in 30 s"):
        svc.login("doc", "bad")  # the 5th failure
    with pytest.raises(AccountError, match="try again"):
        svc.login("doc", "a long passphrase")  # even the right password must wait
    clock.now += timedelta(seconds=31)
    with pytest.raises(AccountError, match="try again in 60 s"):
        svc.login("doc", "bad")  # 6th failure: longer wait
    clock.now += timedelta(seconds=61)
    assert svc.login("doc", "a long passphrase").role is Role.REVIEWER
    assert svc.login("doc", "a long passphrase")  # the counter was reset
    assert [backoff_seconds(n) for n in (4, 5, 6, 7, 20)] == [0, 30, 60, 120, 3600]


def test_weak_or_duplicate_passwords_and_names(svc):
    with pytest.raises(AccountError, match="at least 10"):
        svc.create_user("setup", "dm", "Data Manager", Role.DATA_MANAGER, "short")
    with pytest.raises(AccountError, match="user name"):
        svc.create_user("setup", "datamanager", "DM", Role.DATA_MANAGER, "xdatamanagerx1")
    svc.create_user("setup", "dm", "Data Manager", Role.DATA_MANAGER, "long enough pw")
    with pytest.raises(AccountError, match="taken"):
        svc.create_user("setup", "DM", "Other", Role.REVIEWER, "long enough pw2")


def test_no_password_in_clear_anywhere_in_the_file(svc, study):
    secret = "Sup3r-secret passphrase"
    svc.create_user("setup", "dm", "Data Manager", Role.DATA_MANAGER, secret)
    svc.login("dm", secret)
    with pytest.raises(AccountError):
        svc.login("dm", secret + "!")
    study.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = study.path.read_bytes()
    assert secret.encode() not in raw and (secret + "!").encode() not in raw
    stored = study.conn.execute("SELECT password_hash FROM user_account").fetchone()[0]
    assert stored.startswith("$argon2id$")
    audit_text = " ".join(str(v) for r in study.conn.execute("SELECT * FROM audit_log")
                          for v in r)
    assert stored not in audit_text and secret not in audit_text


def test_role_matrix_is_exactly_the_issue():
    expected = {
        Role.DATA_ENTRY: {Action.READ, Action.EDIT_RECORDS},
        Role.REVIEWER: {Action.READ, Action.SIGN_VISIT},
        Role.DATA_MANAGER: {Action.READ, Action.EXPORT, Action.STUDY_SETTINGS,
                            Action.MANAGE_USERS, Action.UNLOCK_VISIT, Action.UNDELETE},
    }
    for role in Role:
        for action in Action:
            assert can(role, action) == (action in expected[role]), (role, action)
    assert set(PERMISSIONS) == set(Role)
