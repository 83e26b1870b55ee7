"""Tamper evidence in an encrypted study: someone who writes the file with a script (even one
holding the key, which an outsider does not have) but not through JDM Desk is caught by the
keyed audit chain, the account rows' MACs and the chain head kept in the key file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jdmdesk.cli import main
from jdmdesk.db import audit, chain_head, keystore
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Role
from jdmdesk.services.results import Status
from tests.conftest import FAST, credentials, log_in_as, raw_connect, study_with_users


@pytest.fixture
def path(tmp_path):
    return study_with_users(tmp_path / "t.jdm")


def _check(path, capsys, monkeypatch, role: Role = Role.REVIEWER) -> tuple[int, str]:
    log_in_as(monkeypatch, credentials(role))
    capsys.readouterr()
    code = main(["check", str(path)])
    return code, capsys.readouterr().out


def _outsider(path, *statements: str) -> None:
    conn = raw_connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def test_untouched_study_checks_ok(path, capsys, monkeypatch):
    code, out = _check(path, capsys, monkeypatch)
    assert code == 0, out
    assert "account rows: every row's MAC verified" in out and "chain head" in out


KNOWN = FAST.hash("a password mallory knows")


@pytest.mark.parametrize("sql, named", [
    ("UPDATE user_account SET role = 'data_manager' WHERE username = 'nurse'", "nurse"),
    (f"UPDATE user_account SET password_hash = '{KNOWN}' WHERE username = 'manager'",
     "manager"),
    ("UPDATE user_account SET display_name = 'Dr Mallory' WHERE username = 'doctor'",
     "doctor"),
])
def test_account_rows_changed_outside_are_named(path, capsys, monkeypatch, sql, named):
    _outsider(path, sql)
    code, out = _check(path, capsys, monkeypatch, Role.DATA_ENTRY)
    assert code == 1 and f"account rows changed outside JDM Desk: {named}" in out


def test_forged_appended_or_rehashed_audit_rows_fail_the_keyed_chain(path, capsys,
                                                                     monkeypatch):
    study = open_study(path)
    try:
        last = audit.last_link(study.db)
    finally:
        study.close()
    assert last is not None
    seq, prev = last
    row = (seq + 1, "2026-11-25T10:00:00.000000Z", "mallory", "update", "visit", "x" * 36,
           "weight_kg", "34.2", "77.7", "typo", prev)
    forged = audit.row_hash(row)  # the unkeyed SHA-256 an outsider can compute
    values = ", ".join("'" + str(v) + "'" if isinstance(v, str) else str(v) for v in row)
    _outsider(path, f"INSERT INTO audit_log ({', '.join(audit.COLUMNS)}, hash) "
                    f"VALUES ({values}, '{forged}')")
    code, out = _check(path, capsys, monkeypatch)
    assert code == 1 and f"row {seq + 1} was altered" in out


def test_a_study_that_lost_its_newest_saves_is_told_apart(path, tmp_path, capsys, monkeypatch,
                                                         qapp):
    older = tmp_path / "older.jdm"
    shutil.copyfile(path, older)
    study = open_study(path)
    try:
        from jdmdesk.services.accounts import AccountService

        svc = AccountService(study, hasher=FAST)
        manager = svc.login("manager", credentials(Role.DATA_MANAGER).password)
        assert svc.create_user(manager, "extra", "Extra User", Role.REVIEWER,
                               "long enough pw").status is Status.SAVED
        assert chain_head.write_head(study.db, path)  # what the window does when it closes
    finally:
        study.close()
    code, out = _check(path, capsys, monkeypatch)
    assert code == 0, out
    for leftover in (f"{path}-wal", f"{path}-shm"):
        Path(leftover).unlink(missing_ok=True)
    shutil.copyfile(older, path)  # the file replaced by an older copy; the key file stays
    study = open_study(path)
    try:
        problems = keystore.tamper_problems(study.db, path).problems
    finally:
        study.close()
    assert problems and "newest saves were lost" in problems[0]


def test_window_opens_read_only_with_a_red_banner_until_a_data_manager(path, qtbot):
    from jdmdesk.app import build_main_window

    _outsider(path, "UPDATE user_account SET role = 'data_manager' WHERE username = 'nurse'")
    nurse = build_main_window(path, credentials(Role.DATA_ENTRY), hasher=FAST)
    try:
        assert nurse.services.records.study.read_only
        assert "Changed outside JDM Desk" in nurse.alarm.text()
        assert "Read-only until a data manager" in nurse.alarm.text()
    finally:
        nurse.close()
    manager = build_main_window(path, credentials(Role.DATA_MANAGER), hasher=FAST)
    try:
        assert not manager.services.records.study.read_only
        assert "account rows do not verify (nurse)" in manager.alarm.text()
    finally:
        manager.close()


def test_the_chain_head_follows_every_commit_not_only_the_window_closing(path, tmp_path,
                                                                         capsys, monkeypatch):
    """A save that reached the file is remembered at once: a crash later and the file put back
    from an older copy (or its -wal lost) is caught on the next open and by check."""
    older = tmp_path / "older.jdm"
    shutil.copyfile(path, older)
    study = open_study(path)
    try:
        from jdmdesk.services.accounts import AccountService

        svc = AccountService(study, hasher=FAST, record=False)
        manager = svc.login("manager", credentials(Role.DATA_MANAGER).password)
        assert svc.create_user(manager, "extra", "Extra User", Role.REVIEWER,
                               "long enough pw").status is Status.SAVED
        head = chain_head.remembered_head(study.db, path)
        assert head is not None and head.seq == audit.last_link(study.db)[0]
    finally:
        study.close()  # no write_head here: the commit itself moved the head
    for leftover in (f"{path}-wal", f"{path}-shm"):
        Path(leftover).unlink(missing_ok=True)
    shutil.copyfile(older, path)
    study = open_study(path)
    try:
        problems = keystore.tamper_problems(study.db, path).problems
    finally:
        study.close()
    assert problems and "newest saves were lost" in problems[0]
    # the evidence stays: the check's own login (a commit) does not move the head
    for _ in range(2):
        code, out = _check(path, capsys, monkeypatch)
        assert code == 1 and "FAIL  chain head:" in out
    # a data manager has opened it (the window writes the head when it closes): current again
    study = open_study(path)
    try:
        assert chain_head.write_head(study.db, path)
        assert chain_head.head_problem(study.db, path) is None
    finally:
        study.close()
