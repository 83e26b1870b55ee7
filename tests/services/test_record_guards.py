"""Writes the record service refuses with a result, never an exception (issue 15 items 2, 3, 15):
editing a deleted record, hiding a signed visit through its patient, unknown or mismatched ids."""

from __future__ import annotations

import pytest

from jdmdesk.db import records as repo
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.domain.locking import PATIENT_FIELDS_SIGNED_VISITS_DEPEND_ON, signed_patient_problem
from jdmdesk.export import ExportOptions
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.exports import run_export
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import Status
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD, TODAY

LAB = {"sample_date": "2024-05-01", "analyte": "CK", "value": "1933", "unit": "U/L"}
PATIENT = {"study_code": "P-001", "sex": "F", "birth_date": "2015-04-02",
           "onset_date": "2020-01-10"}


@pytest.fixture
def manager(study, users, qapp) -> RecordService:
    return RecordService(study, users[Role.DATA_MANAGER], FixedClock.on(TODAY))


def _audit_rows(study) -> int:
    return study.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


# --- item 2: a deleted record is not edited ---------------------------------------------------

def test_a_deleted_lab_is_not_edited_and_a_restore_brings_back_the_old_value(
        service, manager, study, patient_id):
    lab_id = service.save("lab", LAB, patient_id=patient_id).record_id
    assert service.set_deleted("lab", lab_id, "entered twice").ok
    before = _audit_rows(study)
    result = service.save("lab", {**LAB, "value": "1934"}, patient_id=patient_id,
                          record_id=lab_id, reason="typo")
    assert result.status is Status.FORBIDDEN
    assert "deleted" in result.message and "restore" in result.message
    assert _audit_rows(study) == before
    assert manager.set_deleted("lab", lab_id, "not a duplicate", deleted=False).ok
    assert repo.require(study.db, "lab", lab_id)["value"] == 1933


def test_nothing_is_added_or_edited_under_a_deleted_patient(service, manager, study,
                                                            patient_id):
    visit_id = service.save("visit", {"visit_date": "2024-05-01"},
                            patient_id=patient_id).record_id
    assert service.set_deleted("patient", patient_id, "wrong study").ok
    added = service.save("visit", {"visit_date": "2024-06-01"}, patient_id=patient_id)
    edited = service.save("visit", {"visit_date": "2024-05-02"}, patient_id=patient_id,
                          record_id=visit_id, reason="typo")
    panel = service.save_lab_panel(patient_id, [LAB])
    for result in (added, edited, panel):
        assert result.status is Status.FORBIDDEN and "patient is deleted" in result.message


def test_a_dose_change_on_a_deleted_segment_is_refused(service, study, patient_id):
    seg = service.save("medication", {"drug": "tacrolimus", "route": "oral",
                                      "dose_amount": "1", "dose_unit": "mg",
                                      "frequency": "bd", "start_date": "2024-01-01",
                                      "change_reason": "start"},
                       patient_id=patient_id)
    assert seg.ok, seg
    assert service.set_deleted("medication", seg.record_id, "wrong patient").ok
    result = service.change_dose(seg.record_id, {
        "drug": "tacrolimus", "route": "oral", "dose_amount": "2", "dose_unit": "mg",
        "frequency": "bd", "start_date": "2024-03-01", "change_reason": "level low"})
    assert result.status is Status.FORBIDDEN and "deleted" in result.message


# --- item 3: a signed visit locks what it depends on ------------------------------------------

@pytest.fixture
def signed_visit(study, users, service, patient_id) -> str:
    visit_id = service.save("visit", {"visit_date": "2024-05-01", "phga": "4"},
                            patient_id=patient_id).record_id
    doctor = SignoffService(study, users[Role.REVIEWER], AccountService(study, hasher=FAST),
                            service)
    assert doctor.sign(visit_id, PASSWORD).ok
    return visit_id


def test_the_patient_of_a_signed_visit_cannot_be_deleted_and_the_export_keeps_it(
        service, study, users, patient_id, signed_visit, tmp_path):
    before = _audit_rows(study)
    result = service.set_deleted("patient", patient_id, "hide it")
    assert result.status is Status.FORBIDDEN
    assert "1 signed visit" in result.message and "unlock" in result.message
    assert _audit_rows(study) == before
    assert not repo.require(study.db, "patient", patient_id).deleted
    out = tmp_path / "export.zip"
    run_export(study.path, out, ExportOptions("bundle", force=True),
               session=users[Role.DATA_MANAGER])
    import zipfile

    with zipfile.ZipFile(out) as z:
        visits = next(n for n in z.namelist() if "visit" in n)
        assert z.read(visits).decode().count("\n") >= 2  # header and the signed visit


@pytest.mark.parametrize("field,value", [("birth_date", "2015-04-03"), ("sex", "M"),
                                         ("study_code", "P-002")])
def test_fields_a_signed_visit_depends_on_are_locked(service, study, patient_id,
                                                     signed_visit, field, value):
    result = service.save("patient", {**PATIENT, field: value}, record_id=patient_id,
                          reason="typo")
    assert result.status is Status.FORBIDDEN and "signed visit" in result.message
    assert repo.require(study.db, "patient", patient_id)[field] == PATIENT[field]


def test_other_patient_fields_stay_editable_after_signing(service, patient_id, signed_visit):
    result = service.save("patient", {**PATIENT, "note": "moved house"}, record_id=patient_id,
                          reason="update")
    assert result.status is Status.SAVED


def test_unlocking_the_visit_lets_the_patient_be_deleted(study, users, service, patient_id,
                                                          signed_visit):
    manager = SignoffService(study, users[Role.DATA_MANAGER],
                             AccountService(study, hasher=FAST), service)
    assert manager.unlock(signed_visit, "wrong patient entered").ok
    assert service.set_deleted("patient", patient_id, "wrong study").ok


def test_lock_rule_names_the_covered_fields():
    assert set(PATIENT_FIELDS_SIGNED_VISITS_DEPEND_ON) == {"study_code", "sex", "birth_date"}
    assert signed_patient_problem(0, deleting=True) is None
    assert signed_patient_problem(2, changed=["note", "initials"]) is None
    assert "2 signed visits" in (signed_patient_problem(2, deleting=True) or "")
    assert "birth date" in (signed_patient_problem(1, changed=["birth_date"]) or "")


# --- item 15: unknown or mismatched ids --------------------------------------------------------

def test_unknown_ids_give_a_result_not_an_exception(service, manager, study, patient_id):
    before = _audit_rows(study)
    unknown = "00000000-0000-0000-0000-000000000000"
    results = [
        service.set_deleted("lab", unknown, "gone"),
        manager.set_deleted("visit", unknown, "back", deleted=False),
        service.save("lab", LAB, patient_id=patient_id, record_id=unknown, reason="x"),
        service.save("visit", {"visit_date": "2024-05-01"}, patient_id=unknown),
        service.change_dose(unknown, {"drug": "tacrolimus"}),
        service.save_lab_panel(unknown, [LAB]),
    ]
    for result in results:
        assert result.status is Status.INVALID, result
        assert "No " in result.message and "id" in result.message, result
    assert _audit_rows(study) == before


def test_mismatched_ids_give_a_result_not_an_exception(service, study, patient_id):
    visit_id = service.save("visit", {"visit_date": "2024-05-01"},
                            patient_id=patient_id).record_id
    other = service.save("patient", {**PATIENT, "study_code": "P-002"}).record_id
    before = _audit_rows(study)
    as_lab = service.save("lab", LAB, patient_id=patient_id, record_id=visit_id, reason="x")
    deleted_as_lab = service.set_deleted("lab", visit_id, "x")
    other_patient = service.save("visit", {"visit_date": "2024-05-02"}, patient_id=other,
                                 record_id=visit_id, reason="x")
    assert as_lab.status is Status.INVALID and "No laboratory result" in as_lab.message
    assert deleted_as_lab.status is Status.INVALID
    assert other_patient.status is Status.INVALID and "another patient" in other_patient.message
    assert _audit_rows(study) == before
