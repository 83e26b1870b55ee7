"""One result shape, one refusal, one commit: what every service call returns and how a database
refusal becomes a FAILED result with nothing written and no signal sent."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

import jdmdesk
from jdmdesk.db import queries
from jdmdesk.domain.access import Role
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.maintenance import MaintenanceService
from jdmdesk.services.results import ServiceResult, Status, commit
from jdmdesk.services.settings import SettingsService
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD

SERVICES = Path(jdmdesk.__file__).parent / "services"


def _fill_disk(study):
    pages = study.conn.execute("PRAGMA page_count").fetchone()[0]
    study.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_commit_rolls_back_and_says_why(study):
    def work(db):
        queries.write_setting(db, "study_name", "half written")
        raise sqlite3.OperationalError("database or disk is full")

    before = queries.read_settings(study.db).study_name
    result = commit(study, work)
    assert result.status is Status.FAILED and not result.ok
    assert "disk is full" in result.message and "nothing was saved" in result.message
    assert queries.read_settings(study.db).study_name == before


def test_commit_returns_the_work_result(study):
    done = ServiceResult(Status.SAVED, ("x",), message="done")
    assert commit(study, lambda db: done) is done


def test_failed_settings_change_is_a_result_and_no_signal(study, users, qapp):
    settings = SettingsService(study, users[Role.DATA_MANAGER])
    seen = []
    settings.changed.connect(seen.append)
    _fill_disk(study)
    for attempt in range(200):  # names are at most 200 characters: fill the last free page
        before = len(seen)
        result = settings.update({"study_name": f"{attempt:03d}" + "x" * 197}, "rename")
        if not result.ok:
            break
    assert result.status is Status.FAILED and "disk is full" in result.message
    assert len(seen) == before


def test_failed_signature_is_a_result_and_no_signal(study, users, service, patient_id):
    visit = service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    signoff = SignoffService(study, users[Role.REVIEWER], AccountService(study, hasher=FAST),
                             service)
    seen = []
    service.changed.connect(lambda *args: seen.append(args))
    study.conn.execute("CREATE TEMP TRIGGER no_sign BEFORE UPDATE OF locked ON main.visit "
                       "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    result = signoff.sign(visit.record_id, PASSWORD)
    assert result.status is Status.FAILED and "disk is full" in result.message
    assert seen == [] and not signoff.signature(visit.record_id).locked


def test_backup_and_restore_answer_with_the_same_result(study, users, tmp_path):
    manager = MaintenanceService(study, users[Role.DATA_MANAGER])
    done = manager.backup_to(tmp_path / "copy.jdm")
    assert isinstance(done, ServiceResult) and done.status is Status.SAVED
    again = manager.backup_to(tmp_path / "copy.jdm")
    assert again.status is Status.FAILED and "already exists" in again.message
    refused = MaintenanceService(study, users[Role.DATA_ENTRY]).restore(
        tmp_path / "copy.jdm", tmp_path / "new.jdm")
    assert refused.status is Status.FORBIDDEN and "may not back up" in refused.message


@pytest.mark.parametrize(("pattern", "home"), [
    (r"except sqlite3\.Error", "results.py"),  # the one commit-or-describe-error
    (r"Status\.FORBIDDEN", "results.py"),  # refusals are made by ServiceResult.refused
])
def test_one_home_in_the_services(pattern, home):
    found = {p.name for p in SERVICES.glob("*.py") if re.search(pattern, p.read_text())}
    assert found == {home}
