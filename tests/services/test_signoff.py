"""Signing a visit: password again, name + UTC time + meaning, locked until a data manager
unlocks it with a reason; the database refuses changes to a locked visit whatever writes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jdmdesk.db import driver
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import Status
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD, TODAY


@pytest.fixture
def visit_id(service, patient_id) -> str:
    return service.save("visit", {"visit_date": "2024-05-01", "phga": "4"},
                        patient_id=patient_id).record_id


def _signoff(study, service, session) -> SignoffService:
    return SignoffService(study, session, AccountService(study, hasher=FAST), service)


def test_sign_records_name_utc_time_and_meaning_then_locks(study, users, service, visit_id,
                                                           qtbot):
    doctor = _signoff(study, service, users[Role.REVIEWER])
    wrong = doctor.sign(visit_id, "not my password")
    assert wrong.status is Status.INVALID and "wrong password" in wrong.errors["password"]
    assert not doctor.signature(visit_id).locked
    with qtbot.waitSignal(service.changed) as blocker:
        result = doctor.sign(visit_id, PASSWORD)
    assert result.ok and blocker.args[0] == "visit"
    sig = doctor.signature(visit_id)
    assert sig.locked and sig.signed_by == "doctor" and sig.signer_name == "Dr Paula Review"
    assert sig.meaning == "reviewed"
    at = datetime.strptime(sig.signed_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - at).total_seconds()) < 60
    assert "Signed by Dr Paula Review (doctor)" in result.message and "UTC" in result.message
    assert "reviewed" in result.message
    again = doctor.sign(visit_id, PASSWORD)
    assert again.status is Status.UNCHANGED


def test_locked_visit_refuses_edit_and_delete_until_unlocked(study, users, service, visit_id,
                                                             patient_id):
    _signoff(study, service, users[Role.REVIEWER]).sign(visit_id, PASSWORD)
    edit = service.save("visit", {"visit_date": "2024-05-01", "phga": "5"},
                        patient_id=patient_id, record_id=visit_id, reason="typo")
    assert edit.status is Status.FORBIDDEN and "signed and locked" in edit.message
    delete = service.set_deleted("visit", visit_id, "duplicate")
    assert delete.status is Status.FORBIDDEN
    manager = _signoff(study, service, users[Role.DATA_MANAGER])
    assert manager.unlock(visit_id, " ").status is Status.NEEDS_REASON
    assert manager.unlock(visit_id, "typo in PhGA").ok
    assert not manager.signature(visit_id).locked
    assert service.save("visit", {"visit_date": "2024-05-01", "phga": "5"},
                        patient_id=patient_id, record_id=visit_id, reason="typo").ok
    reasons = [r for (r,) in study.conn.execute(
        "SELECT reason FROM audit_log WHERE action = 'unlock'")]
    assert reasons and set(reasons) == {"typo in PhGA"}


def test_database_refuses_changes_to_a_locked_visit_even_inside_an_unlock(study, users,
                                                                          service, visit_id):
    _signoff(study, service, users[Role.REVIEWER]).sign(visit_id, PASSWORD)
    c = study.conn
    for sql in ("UPDATE visit SET phga = 1 WHERE id = ?",
                "UPDATE visit SET deleted = 1 WHERE id = ?",
                "UPDATE visit SET signed_by = 'mallory' WHERE id = ?",
                # clearing the lock while changing data in the same statement is refused too
                "UPDATE visit SET locked = 0, phga = 1 WHERE id = ?",
                "DELETE FROM visit WHERE id = ?"):
        with pytest.raises(driver.IntegrityError, match="signed and locked"):
            c.execute(sql, (visit_id,))
    assert c.execute("SELECT phga, locked FROM visit WHERE id = ?", (visit_id,)).fetchone() \
        == (4.0, 1)


def test_deleted_or_unknown_visit_cannot_be_signed(study, users, service, visit_id):
    service.set_deleted("visit", visit_id, "duplicate")
    doctor = _signoff(study, service, users[Role.REVIEWER])
    assert doctor.sign(visit_id, PASSWORD).status is Status.INVALID
    assert doctor.sign("0" * 36, PASSWORD).status is Status.INVALID


def test_other_records_of_a_signed_visit_stay_editable(study, users, service, visit_id,
                                                       patient_id):
    """Only the visit is signed: labs and medication of the same day are separate records."""
    _signoff(study, service, users[Role.REVIEWER]).sign(visit_id, PASSWORD)
    lab = RecordService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY)).save(
        "lab", {"sample_date": "2024-05-01", "analyte": "CK", "value": "300", "unit": "U/L"},
        patient_id=patient_id)
    assert lab.ok
