
import pytest

from jdmdesk.db import audit, driver
from jdmdesk.db import records as repo
from jdmdesk.db.check import check_study
from jdmdesk.domain.access import Role
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import Status
from tests.conftest import raw_connect


def _audit(study, record_id):
    return list(audit.history(study.db, "visit", record_id))


def test_create_writes_record_and_field_audit_rows_in_one_commit(service, study, patient_id,
                                                                  qtbot):
    with qtbot.waitSignal(service.changed) as blocker:
        result = service.save("visit", {"visit_date": "2024-05-01", "phga": "4,5",
                                        "weight_kg": "ND"}, patient_id=patient_id)
    assert result.status is Status.SAVED
    assert blocker.args == ["visit", patient_id, [result.record_id]]
    rows = _audit(study, result.record_id)
    fields = {r.field: (r.old_value, r.new_value) for r in rows}
    assert fields["visit_date"] == (None, "2024-05-01")
    assert fields["phga"] == (None, "4.5")
    assert fields["weight_kg_missing"] == (None, "not_done")
    assert all(r.user == "nurse" and r.action == "create" for r in rows)
    assert all(r.at_utc.endswith("Z") for r in rows)


def test_signal_comes_after_commit(service, study, patient_id, tmp_path):
    seen = []

    def on_changed(kind, pid, ids):
        other = raw_connect(study.path)  # a separate reader sees only committed data
        seen.append(other.execute("SELECT count(*) FROM visit WHERE id = ?", (ids[0],))
                    .fetchone()[0])
        other.close()

    service.changed.connect(on_changed)
    service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    assert seen == [1]


def test_edit_needs_reason_and_audits_old_and_new(service, study, patient_id):
    rid = service.save("visit", {"visit_date": "2024-05-01", "phga": "4"},
                       patient_id=patient_id).record_id
    draft = {"visit_date": "2024-05-01", "phga": "3"}
    assert service.save("visit", draft, patient_id=patient_id, record_id=rid).status \
        is Status.NEEDS_REASON
    assert repo.require(study.db, "visit", rid)["phga"] == 4
    result = service.save("visit", draft, patient_id=patient_id, record_id=rid,
                          reason="transcription error")
    assert result.status is Status.SAVED
    last = _audit(study, rid)[-1]
    assert (last.action, last.field, last.old_value, last.new_value, last.reason) == \
        ("update", "phga", "4", "3", "transcription error")


def test_unchanged_edit_writes_nothing(service, study, patient_id):
    rid = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id).record_id
    n = len(_audit(study, rid))
    r = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id,
                     record_id=rid, reason="x")
    assert r.status is Status.UNCHANGED and len(_audit(study, rid)) == n


def test_soft_delete_and_restore(service, study, patient_id, users):
    rid = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id).record_id
    assert service.set_deleted("visit", rid, "  ").status is Status.NEEDS_REASON
    assert service.set_deleted("visit", rid, "entered twice").ok
    assert repo.list_for_patient(study.db, "visit", patient_id) == []
    rec = repo.require(study.db, "visit", rid)
    assert rec.deleted and rec.deleted_reason == "entered twice"
    refused = service.set_deleted("visit", rid, "was right", deleted=False)
    assert refused.status is Status.FORBIDDEN  # restoring is a data manager's action
    manager = RecordService(study, users[Role.DATA_MANAGER])
    assert manager.set_deleted("visit", rid, "was right", deleted=False).ok
    assert len(repo.list_for_patient(study.db, "visit", patient_id)) == 1
    actions = [r.action for r in _audit(study, rid)]
    assert actions[-2:] == ["delete", "restore"]


def test_invalid_draft_saves_nothing(service, study, patient_id):
    before = study.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    r = service.save("visit", {"visit_date": "2024-05-01", "phga": "11"}, patient_id=patient_id)
    assert r.status is Status.INVALID and "phga" in r.errors
    assert study.conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 0
    assert study.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before


def test_soft_warning_needs_confirmation_and_reason(service, study, patient_id):
    draft = {"visit_date": "2024-05-01", "weight_kg": "140"}
    r = service.save("visit", draft, patient_id=patient_id)
    assert r.status is Status.NEEDS_CONFIRMATION and "weight_kg" in r.warnings
    r = service.save("visit", draft, patient_id=patient_id, confirm_warnings=True)
    assert r.status is Status.NEEDS_CONFIRMATION
    r = service.save("visit", draft, patient_id=patient_id, confirm_warnings=True,
                     reason="weighed twice, correct")
    assert r.status is Status.SAVED
    row = next(a for a in _audit(study, r.record_id) if a.field == "weight_kg")
    assert row.reason == "weighed twice, correct"


def test_duplicate_study_code_is_a_field_error(service, patient_id):
    r = service.save("patient", {"study_code": "p-001", "sex": "M", "birth_date": "2015-01-01"})
    assert r.status is Status.INVALID and "already used" in r.errors["study_code"]


def test_failed_write_rolls_back_everything(service, study, patient_id):
    # A trigger that fails after the row insert simulates a disk error mid-transaction.
    study.conn.execute("CREATE TEMP TRIGGER boom AFTER INSERT ON audit_log "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    r = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    assert r.status is Status.FAILED and "nothing was saved" in r.message
    assert study.conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 0


def test_audit_table_refuses_update_and_delete(service, study, patient_id):
    with pytest.raises(driver.IntegrityError, match="append-only"):
        study.conn.execute("UPDATE audit_log SET user = 'mallory'")
    with pytest.raises(driver.IntegrityError, match="append-only"):
        study.conn.execute("DELETE FROM audit_log")


def test_tampered_audit_row_breaks_the_chain(service, study, patient_id):
    service.save("visit", {"visit_date": "2024-05-01", "phga": "4"}, patient_id=patient_id)
    assert check_study(study.db).ok
    study.conn.execute("DROP TRIGGER audit_log_no_update")
    study.conn.execute("UPDATE audit_log SET new_value = '9' WHERE field = 'phga'")
    report = check_study(study.db)
    assert not report.ok
    assert any("altered" in line for line in report.lines)


def test_change_dose_ends_current_and_opens_next(service, study, patient_id):
    first = service.save("medication", {"drug": "tacrolimus", "route": "oral",
                                        "dose_amount": "1.5", "dose_unit": "mg",
                                        "frequency": "bd", "start_date": "2024-01-01",
                                        "change_reason": "start"}, patient_id=patient_id)
    r = service.change_dose(first.record_id, {"drug": "tacrolimus", "route": "oral",
                                              "dose_amount": "2", "dose_unit": "mg",
                                              "frequency": "bd", "start_date": "2024-02-15",
                                              "change_reason": "increase"})
    assert r.status is Status.SAVED
    segs = repo.list_for_patient(study.db, "medication", patient_id)
    assert [(s["start_date"], s["end_date"], s["dose_amount"]) for s in segs] == [
        ("2024-01-01", "2024-02-14", 1.5), ("2024-02-15", None, 2.0)]


def test_lab_panel_is_all_or_nothing(service, study, patient_id):
    good = {"sample_date": "2024-01-05", "analyte": "CK", "value": "900", "unit": "U/L"}
    bad = {"sample_date": "2024-01-05", "analyte": "LD", "value": "abc", "unit": "U/L"}
    result = service.save_lab_panel(patient_id, [good, bad])
    assert result.status is Status.INVALID and "1:value" in result.errors
    assert study.conn.execute("SELECT count(*) FROM lab_result").fetchone()[0] == 0
    result = service.save_lab_panel(patient_id, [good, {**bad, "value": "400"}])
    assert result.ok
    rows = study.conn.execute("SELECT DISTINCT sample_id FROM lab_result").fetchall()
    assert len(rows) == 1


def test_lab_canonical_value_is_stored(service, study, patient_id):
    r = service.save("lab", {"sample_date": "2024-01-05", "analyte": "CK", "value": "2,5",
                             "unit": "ukat/L", "ref_high": "2.4"}, patient_id=patient_id)
    rec = repo.require(study.db, "lab", r.record_id)
    assert rec["value_canonical"] == 150.0 and rec["unit"] == "\u00b5kat/L"
