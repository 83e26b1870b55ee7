from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher

from jdmdesk.domain.access import PERMISSIONS, Action, Role, backoff_seconds, can
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import HASHER, AccountError, AccountService
from jdmdesk.services.results import Status

FAST = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)  # the OWASP minimum


START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def svc(study):
    return AccountService(study, FixedClock(START), FAST)


@pytest.fixture
def dm(svc):
    """The study's first account: a data manager."""
    return svc.create_first_user("dm", "Data Manager", "long enough pw")


def test_default_hasher_is_argon2id_at_or_above_owasp_minimum():
    p = HASHER
    assert p.type.name == "ID"
    assert p.memory_cost >= 19456 and p.time_cost >= 2 and p.parallelism >= 1


def test_login_and_audit(svc, dm, study):
    svc.create_user(dm, "nurse", "Research Nurse", Role.DATA_ENTRY, "correct horse 1")
    session = svc.login("nurse", "correct horse 1")
    assert session.role is Role.DATA_ENTRY and session.display_name == "Research Nurse"
    with pytest.raises(AccountError, match="wrong password"):
        svc.login("nurse", "wrong")
    with pytest.raises(AccountError, match="wrong password"):
        svc.login("nobody", "x")
    actions = [r[0] for r in study.conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions[-3:] == ["login", "login_failed", "login_failed"]


def test_lockout_with_growing_backoff(svc, dm):
    clock = svc.clock
    svc.create_user(dm, "doc", "Dr Who", Role.REVIEWER, "a long passphrase")
    for _ in range(4):
        with pytest.raises(AccountError, match="wrong password"):
            svc.login("doc", "bad")
    with pytest.raises(AccountError, match="try again in 30 s"):
        svc.login("doc", "bad")  # the 5th failure
    with pytest.raises(AccountError, match="try again"):
        svc.login("doc", "a long passphrase")  # even the right password must wait
    clock.advance(seconds=31)
    with pytest.raises(AccountError, match="try again in 60 s"):
        svc.login("doc", "bad")  # 6th failure: longer wait
    clock.advance(seconds=61)
    assert svc.login("doc", "a long passphrase").role is Role.REVIEWER
    assert svc.login("doc", "a long passphrase")  # the counter was reset
    assert [backoff_seconds(n) for n in (4, 5, 6, 7, 20)] == [0, 30, 60, 120, 3600]


def test_weak_or_duplicate_passwords_and_names(svc):
    with pytest.raises(AccountError, match="at least 10"):
        svc.create_first_user("dm", "Data Manager", "short")
    with pytest.raises(AccountError, match="user name"):
        svc.create_first_user("datamanager", "DM", "xdatamanagerx1")
    with pytest.raises(AccountError, match="without spaces"):
        svc.create_first_user("data manager", "DM", "long enough pw")
    dm = svc.create_first_user("dm", "Data Manager", "long enough pw")
    assert dm.role is Role.DATA_MANAGER
    with pytest.raises(AccountError, match="already has users"):
        svc.create_first_user("dm2", "Second", "long enough pw")
    taken = svc.create_user(dm, "DM", "Other", Role.REVIEWER, "long enough pw2")
    assert taken.status is Status.INVALID and taken.message == "This user name is taken: not added."


def test_no_password_in_clear_anywhere_in_the_file(svc, study):
    secret = "Sup3r-secret passphrase"
    dm = svc.create_first_user("dm", "Data Manager", secret)
    svc.login("dm", secret)
    with pytest.raises(AccountError):
        svc.login("dm", secret + "!")
    svc.create_user(dm, "nurse", "Nurse", Role.DATA_ENTRY, secret + " two")
    svc.reset_password(dm, "nurse", secret + " three", "forgotten")
    svc.confirm_password(dm, secret, "signature")
    study.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = study.path.read_bytes()
    assert secret.encode() not in raw and (secret + "!").encode() not in raw
    for suffix in (" two", " three"):
        assert (secret + suffix).encode() not in raw
    hashes = [r[0] for r in study.conn.execute("SELECT password_hash FROM user_account")]
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
    audit_text = " ".join(str(v) for r in study.conn.execute("SELECT * FROM audit_log")
                          for v in r)
    assert secret not in audit_text and not any(h in audit_text for h in hashes)
    # nor in the data dictionary or the exports' sources: only the hash column holds a hash
    assert "$argon2" not in audit_text


def test_role_matrix_is_exactly_the_issue():
    expected = {
        # issue 20: lab imports by data entry and data managers, undone by a data manager
        Role.DATA_ENTRY: {Action.READ, Action.EDIT_RECORDS, Action.IMPORT_LABS},
        Role.REVIEWER: {Action.READ, Action.SIGN_VISIT},
        Role.DATA_MANAGER: {Action.READ, Action.EXPORT, Action.STUDY_SETTINGS,
                            Action.MANAGE_USERS, Action.UNLOCK_VISIT, Action.UNDELETE,
                            Action.BACKUP, Action.IMPORT_LABS, Action.UNDO_IMPORT,
                            Action.BREAK_LOCK},  # a stopped instance's lock
    }
    for role in Role:
        for action in Action:
            assert can(role, action) == (action in expected[role]), (role, action)
    assert set(PERMISSIONS) == set(Role)


def test_only_a_data_manager_manages_users_and_a_deactivated_user_cannot_log_in(svc, dm):
    nurse = svc.create_user(dm, "nurse", "Nurse", Role.DATA_ENTRY, "long enough pw")
    assert nurse.status is Status.SAVED and nurse.record_id
    session = svc.login("nurse", "long enough pw")
    refused = svc.create_user(session, "other", "Other", Role.DATA_MANAGER, "long enough pw")
    assert refused.status is Status.FORBIDDEN
    assert refused.message == "Data entry accounts may not manage user accounts."
    assert svc.set_active(session, "dm", False, "coup").status is Status.FORBIDDEN
    own = svc.set_active(dm, "dm", False, "leaving")
    assert own.status is Status.INVALID and "your own account" in own.message
    assert svc.set_active(dm, "nurse", False, " ").status is Status.NEEDS_REASON
    assert svc.set_active(dm, "nurse", False, "left the unit").message == "nurse deactivated."
    with pytest.raises(AccountError, match="wrong password"):
        svc.login("nurse", "long enough pw")
    assert svc.set_active(dm, "nurse", True, "back").ok
    assert svc.login("nurse", "long enough pw").role is Role.DATA_ENTRY


def test_password_reset_clears_the_lockout(svc, dm):
    svc.create_user(dm, "doc", "Dr Who", Role.REVIEWER, "a long passphrase")
    for _ in range(5):
        with pytest.raises(AccountError):
            svc.login("doc", "bad")
    with pytest.raises(AccountError, match="try again"):
        svc.login("doc", "a long passphrase")
    weak = svc.reset_password(dm, "doc", "short", "forgotten")
    assert weak.message == "Use at least 10 characters: password not changed."
    assert svc.reset_password(dm, "ghost", "a new passphrase", "x").status is Status.INVALID
    assert svc.reset_password(dm, "doc", "a new passphrase", "forgotten").ok
    assert svc.login("doc", "a new passphrase").role is Role.REVIEWER


def test_failed_password_reentry_counts_towards_the_lockout(svc, dm, study):
    for _ in range(5):
        with pytest.raises(AccountError):
            svc.confirm_password(dm, "bad", "signature")
    with pytest.raises(AccountError, match="try again"):
        svc.login("dm", "long enough pw")
    actions = [r[0] for r in study.conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions.count("signature_failed") == 5


def test_login_on_a_read_only_study_is_still_recorded(tmp_path):
    """A second, read-only instance cannot be used to try passwords without the lockout."""
    from jdmdesk.db.studyfile import create_study, open_study

    path = tmp_path / "s.jdm"
    writer = create_study(path)
    AccountService(writer, FixedClock(START), FAST).create_first_user("dm", "DM", "long enough pw")
    reader = open_study(path, read_only=True)
    try:
        svc = AccountService(reader, FixedClock(START), FAST)
        for _ in range(5):
            with pytest.raises(AccountError):
                svc.login("dm", "bad")
        with pytest.raises(AccountError, match="try again"):
            svc.login("dm", "long enough pw")
        failed = writer.conn.execute("SELECT failed_attempts FROM user_account").fetchone()[0]
        assert failed == 5
    finally:
        reader.close()
        writer.close()
