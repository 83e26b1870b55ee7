"""Signatures bound to content: an Ed25519 signature over the visit's values, the signer, the
UTC time and the meaning, made with the signer's key (unwrapped by the password re-entered);
any change outside JDM Desk makes it "signature invalid", and a visit signed before this shows
as not content-bound, never as valid or invalid."""

from __future__ import annotations

import json

import pytest

from jdmdesk.cli import main
from jdmdesk.db import accounts, keystore, signoff
from jdmdesk.db.signatures import SignatureState
from jdmdesk.domain.access import Role
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD, credentials, log_in_as, raw_connect


@pytest.fixture
def visit_id(service, patient_id) -> str:
    return service.save("visit", {"visit_date": "2024-05-01", "weight_kg": "34.2",
                                  "phga": "4"}, patient_id=patient_id).record_id


def _sign(study, service, users, visit_id) -> SignoffService:
    doctor = SignoffService(study, users[Role.REVIEWER], AccountService(study, hasher=FAST),
                            service)
    assert doctor.sign(visit_id, PASSWORD).ok
    return doctor


def _outsider(study, *statements: str) -> None:
    conn = raw_connect(study.path)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def test_signature_covers_values_signer_time_and_meaning(study, users, service, visit_id):
    doctor = _sign(study, service, users, visit_id)
    sig = doctor.signature(visit_id)
    assert sig.state is SignatureState.VALID and "signature verified" in sig.describe()
    stored = json.loads(study.conn.execute("SELECT signature FROM visit WHERE id = ?",
                                           (visit_id,)).fetchone()[0])
    assert "weight_kg" in stored["cols"] and "locked" not in stored["cols"]
    assert bytes.fromhex(stored["pub"]) == accounts.signing_key(study.db, "doctor")


@pytest.mark.parametrize("change", [
    "locked = 0, weight_kg = 77.7, locked = 1",
    "signed_at = '2024-01-01T00:00:00.000000Z'",
    "signature_meaning = 'approved'",
    "signer_name = 'Dr Mallory'",
    "signed_by = 'manager'",
])
def test_any_change_outside_makes_it_invalid(study, users, service, visit_id, change):
    doctor = _sign(study, service, users, visit_id)
    if "weight_kg" in change:  # unlock, edit, re-lock with the original signature
        row = study.conn.execute("SELECT signed_by, signer_name, signed_at, signature "
                                 "FROM visit WHERE id = ?", (visit_id,)).fetchone()
        _outsider(study,
                  f"UPDATE visit SET locked = 0 WHERE id = '{visit_id}'",
                  f"UPDATE visit SET weight_kg = 77.7 WHERE id = '{visit_id}'",
                  "UPDATE visit SET locked = 1, signed_by = ?, signer_name = ?, signed_at = ?, "
                  "signature = ? WHERE id = ?".replace("?", "{}").format(
                      *(f"'{v}'" for v in (*row, visit_id))))
    else:
        _outsider(study, "DROP TRIGGER visit_locked_update",
                  f"UPDATE visit SET {change} WHERE id = '{visit_id}'")
    sig = doctor.signature(visit_id)
    assert sig.state is SignatureState.INVALID
    assert sig.describe().startswith("Signature invalid") and sig.short() == "signature invalid"


def test_signature_copied_to_another_visit_or_removed_is_invalid(study, users, service,
                                                                  patient_id, visit_id):
    other = service.save("visit", {"visit_date": "2024-06-01", "weight_kg": "34.2",
                                   "phga": "4"}, patient_id=patient_id).record_id
    doctor = _sign(study, service, users, visit_id)
    _outsider(study, f"UPDATE visit SET locked = 1, signed_by = 'doctor', signer_name = "
                     f"'Dr Paula Review', signed_at = (SELECT signed_at FROM visit WHERE id = "
                     f"'{visit_id}'), signature_meaning = 'reviewed', signature = (SELECT "
                     f"signature FROM visit WHERE id = '{visit_id}') WHERE id = '{other}'",
              "DROP TRIGGER visit_locked_update",
              f"UPDATE visit SET signature = NULL WHERE id = '{visit_id}'")
    assert doctor.signature(other).state is SignatureState.INVALID
    assert doctor.signature(visit_id).state is SignatureState.INVALID  # removed: audited


def test_a_signature_made_before_binding_is_shown_as_not_bound(study, users, service,
                                                               visit_id):
    study.conn.execute("BEGIN IMMEDIATE")
    signoff.sign(study.db, "doctor", "Dr Paula Review", visit_id)  # no keys: as before
    study.conn.execute("COMMIT")
    sig = signoff.signature(study.db, visit_id)
    assert sig.state is SignatureState.NOT_BOUND
    assert "not verifiable" in sig.describe() and "invalid" not in sig.describe()


def test_signature_survives_a_new_password_and_an_old_slot_gets_a_key(study, users, service,
                                                                      visit_id, patient_id):
    doctor = _sign(study, service, users, visit_id)
    manager = AccountService(study, hasher=FAST)
    assert manager.reset_password(users[Role.DATA_MANAGER], "doctor", "another long secret",
                                  "forgotten").ok
    assert doctor.signature(visit_id).state is SignatureState.VALID
    # a slot written before signing keys existed holds the study key alone
    keys = keystore.read_mirror(study.db)
    from jdmdesk.crypto.keyfile import slot_context
    from jdmdesk.crypto.keys import wrap
    from tests.conftest import FAST_KDF

    slot = keystore.slot_of("nurse")
    old = wrap(study.key, PASSWORD, slot_context(keys.study_id, slot), FAST_KDF)
    study.conn.execute("BEGIN IMMEDIATE")
    keystore.write_keys(study.db, study.path, keys.with_slot(slot, old))
    study.conn.execute("COMMIT")
    assert keystore.signing_private_key(study.db, "nurse", PASSWORD) is None
    second = service.save("visit", {"visit_date": "2024-07-01", "phga": "3"},
                          patient_id=patient_id).record_id
    doctor_again = SignoffService(study, users[Role.REVIEWER], manager, service)
    assert doctor_again.sign(second, "another long secret").ok
    assert doctor_again.signature(second).state is SignatureState.VALID


def test_check_names_the_visit_whose_signature_is_invalid(study, users, service, visit_id,
                                                           capsys, monkeypatch):
    _sign(study, service, users, visit_id)
    _outsider(study, f"UPDATE visit SET locked = 0 WHERE id = '{visit_id}'",
              f"UPDATE visit SET weight_kg = 77.7, locked = 1 WHERE id = '{visit_id}'")
    log_in_as(monkeypatch, credentials(Role.REVIEWER))
    capsys.readouterr()
    code = main(["check", str(study.path)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"signature invalid: visit of P-001 on 2024-05-01 ({visit_id})" in out


def test_signing_costs_one_argon2id_run_and_a_wrong_password_still_counts(
        study, users, service, visit_id, argon2_runs):
    """The signer's slot opened by the re-entered password is both the password check and the
    signing key (issue 19): one Argon2id run, no hash verification. A wrong password falls back
    to the hash, is refused and counts towards the lockout."""
    derivations, verified = argon2_runs.derivations, argon2_runs.verifications
    doctor = SignoffService(study, users[Role.REVIEWER], AccountService(study, hasher=FAST),
                            service)
    wrong = doctor.sign(visit_id, "not the password")
    assert not wrong.ok and "password" in wrong.errors
    assert accounts.by_username(study.db, "doctor").failed_attempts == 1
    derivations.clear()
    verified.clear()
    assert doctor.sign(visit_id, PASSWORD).ok
    assert len(derivations) == 1 and verified == []
    assert doctor.signature(visit_id).state is SignatureState.VALID
    assert accounts.by_username(study.db, "doctor").failed_attempts == 0
