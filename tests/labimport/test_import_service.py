"""The lab import service: layouts, matching, validation, duplicates, conflicts, audit, undo."""

from __future__ import annotations

import json
import shutil

import pytest

from jdmdesk.db import audit
from jdmdesk.db import records as repo
from jdmdesk.domain.lab_mapping import LabMapping
from jdmdesk.services.results import Status

from .conftest import EXAMPLE, write_csv

OWN = "study_code,sample_date,sample_time,analyte,value,unit,ref_low,ref_high\n"


def _labs(study, pid):
    return [r for r in repo.list_for_patient(study.db, "lab", pid)]


def test_dutch_windows_1252_file_with_decimal_commas_and_semicolons(tmp_path, importer,
                                                                     patients, study,
                                                                     qtbot):
    src = shutil.copy(EXAMPLE, tmp_path / "lab.csv")
    raw = src.read_bytes()
    assert b"\xb5" in raw and b";" in raw and b"4,1" in raw  # the file is what it claims
    check = importer.check(src)
    assert check.facts.encoding == "cp1252" and check.facts.delimiter == ";"
    assert check.counts["new"] == 8 and check.blocking == 0, check.problems
    with qtbot.waitSignals([importer.imported]):
        result, check = importer.run(src)
    assert result.status is Status.SAVED, result
    got = {(r["analyte"], r["sample_date"], r["sample_time"]): r for r in
           _labs(study, patients["P-001"])}
    k = got[("K", "2024-05-20", "08:15")]
    assert (k["value"], k["unit"], k["ref_low"], k["ref_high"]) == (4.1, "mmol/L", 3.5, 5.0)
    crp = got[("CRP", "2024-05-20", "08:15")]
    assert (crp["value"], crp["censored"]) == (5.0, "<")
    assert got[("CK", "2024-06-03", "08:40")]["value"] == 640  # by LOINC 2157-6
    tac = got[("TACROLIMUS", "2024-06-03", "08:40")]
    assert (tac["value"], tac["unit"]) == (6.8, "\u00b5g/L")
    assert got[("CREATININE", "2024-06-03", "08:40")]["unit"] == "\u00b5mol/L"


def test_every_row_and_the_import_are_audited(tmp_path, importer, patients, study):
    src = shutil.copy(EXAMPLE, tmp_path / "lab.csv")
    result, check = importer.run(src)
    assert result.ok
    rows = study.db.conn.execute(
        "SELECT record_id, new_value FROM audit_log WHERE action = 'import' "
        "AND table_name = 'lab_result' ORDER BY seq").fetchall()
    assert len(rows) == 8
    lines = sorted(json.loads(r[1])["source"]["line"] for r in rows)
    assert lines == list(range(2, 10))  # the header is line 1
    assert {json.loads(r[1])["source"]["sha256"] for r in rows} == {check.facts.sha256}
    assert {json.loads(r[1])["source"]["file"] for r in rows} == {"lab.csv"}
    event = study.db.conn.execute(
        "SELECT new_value FROM audit_log WHERE table_name = 'lab_import'").fetchall()
    assert len(event) == 1 and json.loads(event[0][0])["new"] == 8
    assert audit.verify_chain(study.db).ok


def test_one_changed_signal_per_patient(tmp_path, importer, patients, service):
    text = OWN + "".join(f"{code},2024-05-{d:02d},08:00,CK,{100 + d},U/L,0,145\n"
                         for code in ("P-001", "P-002") for d in range(1, 11))
    src = write_csv(tmp_path / "own.csv", text)
    seen = []
    service.changed.connect(lambda kind, pid, ids: seen.append((kind, pid, len(ids))))
    result, _ = importer.run(src)
    assert result.ok
    assert sorted(seen) == sorted([("lab", patients["P-001"], 10),
                                   ("lab", patients["P-002"], 10)])


def test_own_field_names_import_without_mapping_and_use_the_study_default_range(
        tmp_path, importer, patients, study):
    src = write_csv(tmp_path / "own.csv", OWN + "P-002,2024-05-01,,LD,400,U/L,,\n")
    _, source = importer.mapping_for(importer.preview(src)[1])
    assert source == "own"
    result, _ = importer.run(src)
    assert result.ok, result
    (lab,) = _labs(study, patients["P-002"])
    assert (lab["ref_low"], lab["ref_high"]) == (0, 325)  # the study's default for LD


def test_patients_by_hospital_number_and_unknown_ones_reported(tmp_path, importer,
                                                               patients, study):
    src = write_csv(tmp_path / "hn.csv", "Ziekenhuisnummer;Afnamedatum;Bepaling;Uitslag;Eenheid\n"
                    "7654321;01-05-2024;CK;300;U/L\n9999999;01-05-2024;CK;300;U/L\n")
    check = importer.check(src)
    assert check.counts["new"] == 1 and check.counts["unknown_patient"] == 1
    (problem,) = check.problems
    assert problem.line == 3 and problem.column == "Ziekenhuisnummer"
    assert "'9999999' is not in this study" in problem.message
    result, _ = importer.run(src)
    assert result.status is Status.INVALID and _labs(study, patients["P-002"]) == []
    result, _ = importer.run(src, skip_invalid=True)
    assert result.ok and len(_labs(study, patients["P-002"])) == 1
    assert study.db.conn.execute("SELECT count(*) FROM patient").fetchone()[0] == 2


def test_duplicates_are_skipped_and_conflicts_never_overwrite(tmp_path, importer, patients,
                                                              study):
    first = write_csv(tmp_path / "a.csv", OWN + "P-001,2024-05-01,09:00,CK,300,U/L,0,145\n")
    assert importer.run(first)[0].ok
    # the same result in µkat/L (5 µkat/L = 300 U/L) is a duplicate; another value a conflict
    second = write_csv(tmp_path / "b.csv", OWN + "P-001,2024-05-01,09:00,CK,5,ukat/L,0,2.4\n"
                       "P-001,2024-05-01,09:00,ASAT,40,U/L,0,30\n"
                       "P-001,2024-05-01,09:00,ASAT,40,U/L,0,30\n"
                       "P-001,2024-05-02,09:00,CK,310,U/L,0,145\n")
    third = write_csv(tmp_path / "c.csv", OWN + "P-001,2024-05-01,09:00,CK,350,U/L,0,145\n")
    check = importer.check(second)
    assert (check.counts["new"], check.counts["duplicate"]) == (2, 2)
    conflict = importer.check(third)
    assert conflict.counts["conflict"] == 1
    (row,) = conflict.conflicts
    assert row.stored is not None and row.stored.value == 300 and row.values["value"] == 350
    result, _ = importer.run(third)
    assert result.status is Status.UNCHANGED
    ck = [r for r in _labs(study, patients["P-001"]) if r["analyte"] == "CK"]
    assert [r["value"] for r in ck] == [300]


def test_mapping_saved_audited_offered_again_and_exported_as_json(tmp_path, importer,
                                                                  patients, study):
    header = "PatID,Datum,Test,Res,Eenh\n"
    src = write_csv(tmp_path / "x.csv", header + "P-001,2024-05-01,Spierenzym,300,U/L\n")
    guessed, source = importer.mapping_for(importer.preview(src)[1])
    assert source == "guess" and guessed.columns["sample_date"] == "Datum"
    mapping = LabMapping({"patient": "PatID", "sample_date": "Datum", "test": "Test",
                          "value": "Res", "unit": "Eenh"}, tests={"Spierenzym": "CK"})
    assert importer.run(src, mapping)[0].ok
    again, source = importer.mapping_for(importer.preview(src)[1])
    assert source == "saved" and again == mapping
    assert LabMapping.from_json(again.to_json()) == mapping
    trail = study.db.conn.execute("SELECT count(*) FROM audit_log "
                                  "WHERE table_name = 'lab_import_mapping'").fetchone()[0]
    assert trail == 1


def test_undo_is_a_data_managers_soft_delete_with_reason(tmp_path, importer, manager_importer,
                                                         patients, study):
    src = shutil.copy(EXAMPLE, tmp_path / "lab.csv")
    result, check = importer.run(src)
    assert result.ok and check.import_id
    refused = importer.undo(check.import_id, "wrong file")
    assert refused.status is Status.FORBIDDEN
    assert manager_importer.undo(check.import_id, "").status is Status.NEEDS_REASON
    done = manager_importer.undo(check.import_id, "wrong patient's file")
    assert done.status is Status.SAVED and len(done.record_ids) == 8
    rows = repo.list_for_patient(study.db, "lab", patients["P-001"], include_deleted=True)
    assert {(r.deleted, r.deleted_reason) for r in rows} == {(True, "wrong patient's file")}
    assert manager_importer.undo(check.import_id, "again").status is Status.UNCHANGED
    assert importer.run(src)[0].ok  # the rows can come in again
    assert audit.verify_chain(study.db).ok


def test_a_reviewer_may_not_import(tmp_path, study, users, patients):
    from jdmdesk.domain.access import Role
    from jdmdesk.services.lab_import import LabImportService

    src = shutil.copy(EXAMPLE, tmp_path / "lab.csv")
    result, _ = LabImportService(study, users[Role.REVIEWER]).run(src)
    assert result.status is Status.FORBIDDEN


def test_utf8_bom_comma_file_with_date_and_time_in_one_column(tmp_path, importer, patients,
                                                              study):
    text = ("\ufeffPatient,Datum,Bepaling,Uitslag,Eenheid,Referentie\n"
            "P-001,2024-05-01 09:30:00,Glucose,\"5,6\",mmol/l,3.5 - 7.8\n")
    src = write_csv(tmp_path / "bom.csv", text)
    check = importer.check(src)
    assert check.facts.encoding == "utf-8-sig" and check.counts["new"] == 1, check.problems
    assert importer.run(src)[0].ok
    (lab,) = _labs(study, patients["P-001"])
    assert (lab["sample_time"], lab["value"], lab["unit"]) == ("09:30", 5.6, "mmol/L")


def test_skip_invalid_writes_the_report_beside_the_file(tmp_path, importer, patients, study):
    src = write_csv(tmp_path / "mixed.csv", OWN + "P-001,2024-05-01,09:00,CK,300,U/L,0,145\n"
                    "P-001,2024-05-01,09:00,ASAT,abc,U/L,0,30\n")
    result, check = importer.run(src, skip_invalid=True)
    assert result.ok and check.report_path is not None
    assert check.report_path.parent == tmp_path
    report = check.report_path.read_text(encoding="utf-8")
    assert "line 3, column 'value': 'abc' is not a number" in report
    assert len(_labs(study, patients["P-001"])) == 1


@pytest.mark.parametrize("text", ["P-001,2024-05-01,09:00,CK,300,U/L,0,145\n"])
def test_a_dry_run_stores_nothing(tmp_path, importer, patients, study, text):
    src = write_csv(tmp_path / "d.csv", OWN + text)
    assert importer.check(src).counts["new"] == 1
    assert _labs(study, patients["P-001"]) == []
