"""The hot queries use indexes: EXPLAIN QUERY PLAN must show no full table scan."""

import re

import pytest

from jdmdesk.db import queries
from jdmdesk.db import records as repo
from jdmdesk.db.studyfile import open_study
from jdmdesk.demo import write_demo
from jdmdesk.domain.access import Role, Session
from jdmdesk.services.chart import ChartService
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.review import ReviewService

# a table scan; a walk of an index ("SCAN t USING [COVERING] INDEX i", as the patient search's
# substring match does over the study_code index) is not one (\b: no backtracking into the name)
FULL_SCAN = re.compile(r"^SCAN (\w+)\b(?! USING)")


@pytest.fixture
def traced(tmp_path, qapp):
    path = tmp_path / "demo.jdm"
    write_demo(path, 30)
    study = open_study(path)
    statements: list[str] = []
    study.conn.set_trace_callback(statements.append)
    yield study, statements
    study.conn.set_trace_callback(None)
    study.close()


def _plans(study, statements):
    for sql in dict.fromkeys(s for s in statements if s.lstrip().upper().startswith("SELECT")):
        if "sqlite_schema" in sql or "PRAGMA" in sql.upper():
            continue
        rows = study.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        yield sql, [r[3] for r in rows]


def test_hot_queries_use_indexes(traced):
    study, statements = traced
    pid = queries.list_patients(study.db, "SYN-0002")[0].id
    statements.clear()
    # the work of a patient switch, a search keystroke, a lab form and a save's audit read
    for kind in ("visit", "medication", "lab", "adverse_event"):
        repo.list_for_patient(study.db, kind, pid)
    queries.list_patients(study.db, "SYN-001")
    queries.patient_index(study.db, "SYN-001")
    queries.patient_id_by_code(study.db, "SYN-00017")
    queries.tacrolimus_start(study.db, pid)
    queries.last_reference_range(study.db, pid, "CK", "U/L")
    nurse = Session("nurse", "Demo Research Nurse", Role.DATA_ENTRY)
    StudyReader(study, nurse).history("patient", pid)
    ChartService(study).load(pid)
    ReviewService(study).review(pid)
    RecordService(study, nurse).save("visit", {"visit_date": "2025-01-01"}, patient_id=pid)
    checked, scans = 0, []
    for sql, details in _plans(study, statements):
        checked += 1
        scans += [f"{d}  <-  {sql[:120]}" for d in details if FULL_SCAN.match(d)
                  and not d.startswith(("SCAN CONSTANT", "SCAN study_setting",
                                        "SCAN analyte"))]
    assert checked >= 8
    assert scans == []


def test_the_check_detects_a_scan(traced):
    """The detector itself: an unindexed filter is reported."""
    study, statements = traced
    statements.clear()
    study.conn.execute("SELECT count(*) FROM lab_result WHERE value > 100").fetchall()
    found = [d for _, details in _plans(study, statements) for d in details
             if FULL_SCAN.match(d)]
    assert found and found[0].startswith("SCAN lab_result")
