"""Every bad input of issue 20: one clear message per problem, with line and column, and
nothing stored."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from jdmdesk.db import records as repo
from jdmdesk.importing.lab_file import LabFileError
from jdmdesk.services.results import Status

from .conftest import write_csv

OWN = "study_code,sample_date,sample_time,analyte,value,unit,ref_low,ref_high\n"
GOOD = "P-001,2024-05-01,09:00,CK,300,U/L,0,145\n"


def _nothing_stored(study, patients):
    for pid in patients.values():
        assert repo.list_for_patient(study.db, "lab", pid, include_deleted=True) == []


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.csv", b"", "is empty"),
    ("blob.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel (.xls)"),
    ("fake.xlsx", b"study_code,value\n", "not an xlsx workbook"),
    ("bundle.csv", b"PK\x03\x04" + b"\x00" * 40, "ZIP archive, not a CSV"),
    ("damaged.xlsx", b"PK\x03\x04" + b"\x00" * 40, "cannot be read as an xlsx"),
    ("noheader.csv", b"\n\n", "no header row"),
    ("twice.csv", b"value,value\n1,2\n", "names column 'value' twice"),
])
def test_files_that_are_not_lab_files(tmp_path, importer, patients, study, name, data,
                                      message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LabFileError, match=re.escape(message)):
        importer.check(path)
    result, _ = importer.run(path)
    assert result.status is Status.INVALID and message in result.message
    assert "\n" not in result.message
    _nothing_stored(study, patients)


@pytest.mark.parametrize(("row", "column", "message"), [
    ("P-001,2024-05-01,09:00,CK,300,U/L,0\n", "", "7 fields where the header has 8"),
    ("P-001,2024-02-30,09:00,CK,300,U/L,0,145\n", "sample_date",
     "'2024-02-30' is not a calendar date"),
    ("P-001,2024-05-01,09:00,CK,12a,U/L,0,145\n", "value", "'12a' is not a number"),
    ("P-001,2024-05-01,25:00,CK,300,U/L,0,145\n", "sample_time", "not a time of day"),
    ("P-001,2024-05-01,09:00,CK,300,mmol/L,0,145\n", "unit", "CK is reported in"),
    ("P-001,2024-05-01,09:00,XYZ,300,U/L,0,145\n", "analyte", "'XYZ' is not one of"),
    ("P-001,2024-05-01,09:00,CK,900000,U/L,0,145\n", "value", "implausible for CK"),
    ("P-001,2030-05-01,09:00,CK,300,U/L,0,145\n", "sample_date", "date in the future"),
    ("P-001,2024-05-01,09:00,CK,300,U/L,145,100\n", "ref_high", "above the lower limit"),
    ("P-001,2024-05-01,09:00,CK,ND,U/L,0,145\n", "value", "missing-value code"),
    (",2024-05-01,09:00,CK,300,U/L,0,145\n", "study_code", "no patient given"),
])
def test_bad_rows_name_line_and_column_and_store_nothing(tmp_path, importer, patients, study,
                                                         row, column, message):
    src = write_csv(tmp_path / "bad.csv", OWN + GOOD + row + GOOD.replace("09:00", "10:00"))
    check = importer.check(src)
    assert check.counts["invalid"] == 1 and check.counts["new"] == 2
    (problem,) = check.problems
    assert (problem.line, problem.column) == (3, column), problem
    assert message in problem.message
    result, _ = importer.run(src)
    assert result.status is Status.INVALID
    _nothing_stored(study, patients)


def test_a_quoted_line_break_keeps_the_file_line_numbers(tmp_path, importer, patients):
    text = OWN.replace("ref_high", "ref_high,note") + \
        'P-001,2024-05-01,09:00,CK,300,U/L,0,145,"two\nlines"\n' \
        "P-001,2024-05-01,10:00,CK,abc,U/L,0,145,x\n"
    check = importer.check(write_csv(tmp_path / "q.csv", text))
    (problem,) = check.problems
    assert problem.line == 4 and problem.column == "value"


def _xlsx(path, rows, formula_at=None):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if formula_at is not None:
        ws[formula_at] = "=100*3"
    wb.save(path)
    return path


XLSX_HEADER = ["Patient", "Afnamedatum", "Bepaling", "Uitslag", "Eenheid", "Ondergrens",
               "Bovengrens"]


def test_an_xlsx_file_with_date_cells_and_numbers(tmp_path, importer, patients, study):
    path = _xlsx(tmp_path / "labs.xlsx", [
        XLSX_HEADER,
        ["P-001", datetime(2024, 5, 1, 9, 30), "CK", 300, "U/L", 0, 145],
        ["P-001", datetime(2024, 5, 1), "Kalium", 4.1, "mmol/L", 3.5, 5.0],
        ["P-002", "02-05-2024", "CRP", "<5", "mg/L", None, None],
    ])
    check = importer.check(path)
    assert check.facts.kind == "xlsx" and check.counts["new"] == 3, check.problems
    assert importer.run(path)[0].ok
    labs = {r["analyte"]: r for pid in patients.values()
            for r in repo.list_for_patient(study.db, "lab", pid)}
    assert (labs["CK"]["sample_time"], labs["CK"]["value"]) == ("09:30", 300)
    assert (labs["K"]["sample_time"], labs["K"]["value"]) == (None, 4.1)
    assert (labs["CRP"]["value"], labs["CRP"]["censored"], labs["CRP"]["ref_high"]) == \
        (5, "<", 5)


def test_an_xlsx_formula_cell_is_refused(tmp_path, importer, patients, study):
    path = _xlsx(tmp_path / "f.xlsx", [
        XLSX_HEADER, ["P-001", "2024-05-01", "CK", 300, "U/L", 0, 145],
        ["P-001", "2024-05-02", "CK", 1, "U/L", 0, 145]], formula_at="D3")
    check = importer.check(path)
    (problem,) = check.problems
    assert (problem.line, problem.column) == (3, "Uitslag") and "formula" in problem.message
    assert importer.run(path)[0].status is Status.INVALID
    _nothing_stored(study, patients)


def test_a_mapping_that_does_not_fit_the_file(tmp_path, importer, patients):
    from jdmdesk.domain.lab_mapping import LabMapping

    src = write_csv(tmp_path / "a.csv", OWN + GOOD)
    mapping = LabMapping({"patient": "Patient", "sample_date": "sample_date"})
    with pytest.raises(LabFileError, match="no column chosen for test name"):
        importer.check(src, mapping)
