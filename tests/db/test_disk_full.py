"""Disk full during a save: rolled back, nothing half-written, the message says so, and the
same draft saves once there is room again."""

import sqlite3

from jdmdesk.db.check import check_study
from jdmdesk.services.results import Status, describe_db_error

TABLES = ("patient", "visit", "lab_result", "medication", "audit_log")


def _counts(study):
    return {t: study.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _fill_disk(study):
    """Cap the file at its current size: the next write that needs a page gets SQLITE_FULL."""
    pages = study.conn.execute("PRAGMA page_count").fetchone()[0]
    study.conn.execute(f"PRAGMA max_page_count = {pages}")


def _room(study):
    study.conn.execute("PRAGMA max_page_count = 1073741823")


def test_describe_db_error_names_a_full_disk():
    text = describe_db_error(sqlite3.OperationalError("database or disk is full"))
    assert "disk is full" in text and "nothing was saved" in text


def test_visit_save_on_full_disk_fails_cleanly_then_succeeds(service, study, patient_id):
    draft = {"visit_date": "2024-05-01", "phga": "4.5", "weight_kg": "31",
             "note": "long clinical note " * 1000}  # needs overflow pages
    keep = dict(draft)
    before = _counts(study)
    _fill_disk(study)
    result = service.save("visit", draft, patient_id=patient_id)
    assert result.status is Status.FAILED
    assert "disk is full" in result.message and "nothing was saved" in result.message
    assert not study.conn.in_transaction
    assert _counts(study) == before  # no visit row, no audit row
    assert draft == keep  # the form's draft is untouched: the user can retry
    _room(study)
    assert service.save("visit", draft, patient_id=patient_id).status is Status.SAVED
    assert check_study(study.db).ok


def test_lab_panel_on_full_disk_is_all_or_none(service, study, patient_id):
    panel = [{"sample_date": "2024-05-01", "analyte": code, "value": "80", "unit": "U/L",
              "note": "n" * 5000} for code in ("CK", "ASAT", "ALAT", "LD")]
    before = _counts(study)
    _fill_disk(study)
    result = service.save_lab_panel(patient_id, panel)
    assert result.status is Status.FAILED and "disk is full" in result.message
    assert _counts(study) == before
    _room(study)
    result = service.save_lab_panel(patient_id, panel)
    assert result.status is Status.SAVED and len(result.record_ids) == 4


def test_new_patient_on_full_disk(service, study):
    before = _counts(study)
    _fill_disk(study)
    # enough patients to need a new page sooner or later
    results = [service.save("patient", {"study_code": f"P-{i:03d}", "sex": "M",
                                        "birth_date": "2014-01-01", "note": "x" * 3000})
               for i in range(5)]
    failed = [r for r in results if r.status is Status.FAILED]
    assert failed and all("disk is full" in r.message for r in failed)
    saved = [r for r in results if r.ok]
    after = _counts(study)
    assert after["patient"] == before["patient"] + len(saved)
    assert check_study(study.db).ok


def test_io_error_message(service, study, patient_id):
    study.conn.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON visit "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    before = _counts(study)
    result = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    assert result.status is Status.FAILED
    assert "disk reported an error" in result.message and "nothing was saved" in result.message
    assert _counts(study) == before
