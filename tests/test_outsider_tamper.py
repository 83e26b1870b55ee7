"""Issue 14: the outsider's tamper suite. A data manager writes a plain (unencrypted) copy with
``jdmdesk backup --plain``; an outsider edits it with nothing but Python's own ``sqlite3``
module, as the issue describes; every change is found: ``jdmdesk restore`` refuses it naming
what does not verify (nothing is written), ``jdmdesk check`` of the copy exits 1, and with
``--accept-unverified`` the new encrypted study records why in its audit trail (and ``check``
keeps saying so). The untouched copy restores into a new encrypted study that checks clean.
Raw bytes of the study, its -wal and its backups hold no study code, note or SQLite header."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from jdmdesk.cli import main
from jdmdesk.db import keyring
from jdmdesk.db.connection import SQLITE_MAGIC, is_plain
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Role, Session
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.records import RecordService
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD, TODAY, credentials, log_in_as, study_with_users

NOTE = "Lives near the old mill, grandmother minds her"
CODE = "JDM-0457"


@pytest.fixture(scope="module")
def made(tmp_path_factory, qapp) -> tuple[Path, Path, dict[str, str]]:
    """An encrypted study with a signed visit (weight 34.2), a CK of 1247 and a note, and the
    plain copy a data manager made of it."""
    folder = tmp_path_factory.mktemp("outsider")
    path = study_with_users(folder / "study.jdm")
    study = open_study(path)
    try:
        nurse = Session("nurse", "Rita Nurse", Role.DATA_ENTRY)
        records = RecordService(study, nurse, FixedClock.on(TODAY))
        patient = records.save("patient", {"study_code": CODE, "sex": "F",
                                           "birth_date": "2015-04-02", "note": NOTE})
        assert patient.ok, patient
        pid = patient.record_id
        visit = records.save("visit", {"visit_date": "2024-05-01", "weight_kg": "34.2",
                                       "phga": "4"}, patient_id=pid)
        lab = records.save("lab", {"sample_date": "2024-05-01", "analyte": "CK",
                                   "value": "1247", "unit": "U/L", "ref_low": "0",
                                   "ref_high": "145"}, patient_id=pid)
        assert visit.ok and lab.ok, (visit, lab)
        doctor = Session("doctor", "Dr Paula Review", Role.REVIEWER)
        signing = SignoffService(study, doctor, AccountService(study, hasher=FAST), records)
        assert signing.sign(visit.record_id, PASSWORD).ok
        ids = {"patient": pid, "visit": visit.record_id, "lab": lab.record_id}
    finally:
        study.close()
    plain = folder / "plain.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        log_in_as(mp, credentials(Role.DATA_MANAGER))
        assert main(["backup", str(path), "--output", str(plain), "--plain"]) == 0
    assert is_plain(plain)
    return path, plain, ids


def _edit(copy: Path, *statements: str) -> None:
    """The outsider: the standard library's sqlite3, no key, no JDM Desk."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def _rows(copy: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(copy)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _drop_audit_triggers(copy: Path) -> list[str]:
    return [f"DROP TRIGGER {name}" for (name,) in _rows(
        copy, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")]


def _rehash_all(copy: Path) -> list[str]:
    """Rebuild the whole chain with the unkeyed SHA-256 an outsider can compute."""
    from jdmdesk.db.audit import COLUMNS, GENESIS, row_hash

    statements, prev = [], GENESIS
    for record in _rows(copy, f"SELECT {', '.join(COLUMNS)} FROM audit_log ORDER BY seq"):
        row = (*record[:-1], prev)
        prev = row_hash(row)
        statements.append(f"UPDATE audit_log SET prev_hash = '{row[-1]}', hash = '{prev}' "
                          f"WHERE seq = {row[0]}")
    return statements


def _case(copy: Path, case: str, ids: dict[str, str]) -> str:
    """Apply one outsider change to ``copy``; returns the text the refusal must name."""
    visit, lab, pid = ids["visit"], ids["lab"], ids["patient"]
    if case == "promote a role":
        _edit(copy, "UPDATE user_account SET role = 'data_manager' WHERE username = 'nurse'")
        return "account rows changed outside JDM Desk: nurse"
    if case == "unlock and edit a signed visit":
        _edit(copy, f"UPDATE visit SET locked = 0 WHERE id = '{visit}'",
              f"UPDATE visit SET weight_kg = 77.7 WHERE id = '{visit}'",
              f"UPDATE visit SET locked = 1 WHERE id = '{visit}'")
        return f"signature invalid: visit of {CODE} on 2024-05-01 ({visit})"
    if case == "edit a lab":
        _edit(copy, f"UPDATE lab_result SET value = 124.7, value_canonical = 124.7 "
                    f"WHERE id = '{lab}'")
        return "rows changed outside JDM Desk in lab_result"
    if case == "replace a password hash":
        _edit(copy, f"UPDATE user_account SET password_hash = '{FAST.hash('mallory')}' "
                    "WHERE username = 'doctor'")
        return "account rows changed outside JDM Desk: doctor"
    if case == "append an audit row":
        from jdmdesk.db.audit import COLUMNS, row_hash

        seq, prev = _rows(copy, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
        row = (seq + 1, "2026-11-25T10:00:00.000000Z", "doctor", "update", "visit", visit,
               "weight_kg", "34.2", "77.7", "typo", prev)
        values = ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in row)
        _edit(copy, *_drop_audit_triggers(copy),
              f"INSERT INTO audit_log ({', '.join(COLUMNS)}, hash) "
              f"VALUES ({values}, '{row_hash(row)}')")
        return f"row {seq + 1} was altered"
    if case == "rehash the audit chain":
        _edit(copy, *_drop_audit_triggers(copy),
              f"UPDATE audit_log SET new_value = '77.7' WHERE record_id = '{visit}' "
              "AND field = 'weight_kg'", *_rehash_all(copy))
        return "row 1 was altered"
    if case == "cut the audit chain":
        (newest,) = _rows(copy, "SELECT max(seq) FROM audit_log")[0]
        _edit(copy, *_drop_audit_triggers(copy),
              f"DELETE FROM audit_log WHERE seq > {newest - 3}")
        return f"the audit trail ends at row {newest - 3}, but the copy was made at row {newest}"
    if case == "flip a byte in a note":
        _edit(copy, f"UPDATE patient SET note = '{NOTE.replace('mill', 'mall')}' "
                    f"WHERE id = '{pid}'")
        return "rows changed outside JDM Desk in patient"
    raise AssertionError(case)


CASES = ["promote a role", "unlock and edit a signed visit", "edit a lab",
         "replace a password hash", "append an audit row", "rehash the audit chain",
         "cut the audit chain", "flip a byte in a note"]


@pytest.mark.parametrize("case", CASES)
def test_every_outsider_change_is_named_refused_and_fails_check(made, case, tmp_path, capsys,
                                                                monkeypatch):
    _, plain, ids = made
    copy = tmp_path / "edited.sqlite"
    shutil.copyfile(plain, copy)
    named = _case(copy, case, ids)
    before = copy.read_bytes()
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    capsys.readouterr()
    out = tmp_path / "restored.jdm"
    assert main(["restore", str(copy), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("jdmdesk: restore refused: ") and err.count("\n") == 1
    assert named in err and "--accept-unverified" in err
    assert not out.exists() and not keyring.key_file_path(out).exists()
    assert copy.read_bytes() == before  # the copy was only read
    log_in_as(monkeypatch, credentials(Role.REVIEWER))
    assert main(["check", str(copy)]) == 1
    report = capsys.readouterr()
    assert named in report.out and "check failed" in report.err
    # accepted explicitly: a new encrypted study that says why, in its audit trail and check
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    assert main(["restore", str(copy), "--output", str(out), "--accept-unverified"]) == 0
    assert "restored although it does not verify" in capsys.readouterr().err
    assert not is_plain(out) and SQLITE_MAGIC not in out.read_bytes()[:100]
    assert main(["check", str(out)]) == 1
    checked = capsys.readouterr().out
    assert "restored from a copy that did not verify" in checked and named in checked


def test_a_promoted_role_or_replaced_hash_cannot_be_used_to_restore(made, tmp_path, capsys,
                                                                     monkeypatch):
    """The role counts only from a row that verifies, and the password must open the
    account's own wrapped key: a hash the outsider knows opens nothing."""
    _, plain, _ = made
    copy = tmp_path / "edited.sqlite"
    shutil.copyfile(plain, copy)
    _edit(copy, "UPDATE user_account SET role = 'data_manager' WHERE username = 'nurse'",
          f"UPDATE user_account SET password_hash = '{FAST.hash('mallory')}' "
          "WHERE username = 'manager'")
    log_in_as(monkeypatch, credentials(Role.DATA_ENTRY))
    capsys.readouterr()
    out = tmp_path / "r.jdm"
    assert main(["restore", str(copy), "--output", str(out), "--accept-unverified"]) == 1
    assert "account row of nurse" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("JDMDESK_USER", "manager")
    monkeypatch.setenv("JDMDESK_PASSWORD", "mallory")
    assert main(["restore", str(copy), "--output", str(out), "--accept-unverified"]) == 1
    assert "wrong password" in capsys.readouterr().err and not out.exists()


def test_the_untouched_copy_restores_into_a_new_encrypted_study(made, tmp_path, capsys,
                                                                 monkeypatch):
    _, plain, ids = made
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    assert main(["check", str(plain)]) == 0, capsys.readouterr()
    capsys.readouterr()
    out = tmp_path / "restored.jdm"
    assert main(["restore", str(plain), "--output", str(out)]) == 0, capsys.readouterr().err
    assert not is_plain(out) and keyring.key_file_path(out).exists()
    keyring.forget_all()  # the new study opens with the same passwords, like the original
    assert main(["check", str(out)]) == 0, capsys.readouterr()
    study = open_study(out, read_only=True)
    try:
        from jdmdesk.db import signoff

        sig = signoff.signature(study.db, ids["visit"])
        assert sig is not None and sig.state.value == "valid"
        mirror = study.conn.execute("SELECT content FROM key_mirror").fetchone()[0]
        assert "copy" not in json.loads(mirror)  # a restored study is no copy
    finally:
        study.close()


def test_raw_bytes_hold_no_code_note_or_header(made, tmp_path, monkeypatch):
    """The encrypted study, its -wal while open, and its backup: ciphertext only."""
    path, _, _ = made
    backup = tmp_path / "backup.jdm"
    log_in_as(monkeypatch, credentials(Role.DATA_MANAGER))
    assert main(["backup", str(path), "--output", str(backup)]) == 0
    study = open_study(path)
    try:
        nurse = Session("nurse", "Rita Nurse", Role.DATA_ENTRY)
        records = RecordService(study, nurse, FixedClock.on(TODAY))
        assert records.save("patient", {"study_code": "JDM-0999", "sex": "M",
                                        "birth_date": "2016-01-01", "note": NOTE}).ok
        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        files = [path, wal, backup]
        for f in files:
            data = f.read_bytes()
            for secret in (CODE, "JDM-0999", NOTE, "Rita Nurse", "$argon2id$"):
                assert secret.encode() not in data, (f.name, secret)
            assert SQLITE_MAGIC not in data, f.name
    finally:
        study.close()
