"""Exports: the censoring flag is a column with its codes; the hospital number never leaves the
study in a pseudonymised export, whatever the format."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdmdesk.db import records as repo
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.studyfile import open_study
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export

from .helpers import MANAGER, make_study, read_csv, read_members

HOSPITAL_NUMBER = "HN7Q3Z91X"


def _study(tmp_path: Path) -> Path:
    path = make_study(tmp_path / "s.jdm")
    study = open_study(path)
    try:
        pid = repo.get(study.db, "patient", _patient_id(study)).id
        with write_transaction(study.db) as db:
            rec = repo.require(db, "patient", pid)
            repo.update(db, "dm", "patient", pid, {**rec.values,
                                                   "hospital_number": HOSPITAL_NUMBER},
                        rec.missing, "test")
            repo.insert(db, "dm", "lab", {"sample_date": "2024-07-02", "analyte": "CK",
                                          "value": 5.0, "unit": "U/L", "ref_high": 145.0,
                                          "censored": "<"}, {}, patient_id=pid,
                        extra={"sample_id": "1" * 36, "value_canonical": 5.0})
    finally:
        study.close()
    return path


def _patient_id(study) -> str:
    from jdmdesk.db.queries import patient_id_by_code

    found = patient_id_by_code(study.db, "P-001")
    assert found is not None
    return found


@pytest.mark.parametrize("fmt", ["bundle", "xlsx", "odm", "redcap", "stata", "spss"])
def test_no_pseudonymised_format_holds_the_hospital_number(tmp_path, fmt):
    path = _study(tmp_path)
    out = tmp_path / "out"
    run_export(path, out, ExportOptions(fmt), session=MANAGER)
    blobs = [out.read_bytes()] if fmt == "odm" else list(read_members(out).values())
    assert blobs and not any(HOSPITAL_NUMBER.encode() in b for b in blobs)
    # the identified export does carry it: the test would see it if it were there
    ident = tmp_path / "ident"
    run_export(path, ident, ExportOptions(fmt, identified=True), session=MANAGER)
    blobs = [ident.read_bytes()] if fmt == "odm" else list(read_members(ident).values())
    if fmt in ("bundle", "xlsx", "odm", "redcap"):
        assert any(HOSPITAL_NUMBER.encode() in b for b in blobs)


def test_the_bundle_writes_value_and_flag_and_documents_the_flag(tmp_path):
    path = _study(tmp_path)
    out = tmp_path / "b.zip"
    run_export(path, out, ExportOptions("bundle"), session=MANAGER)
    members = read_members(out)
    labs = read_csv(members["lab.csv"])
    censored = [r for r in labs if r["censored"]]
    assert [(r["value"], r["censored"]) for r in censored] == [("5", "<")]
    dictionary = members["data_dictionary.csv"].decode()
    line = next(x for x in dictionary.splitlines() if x.startswith("censored,lab,"))
    assert "<=Below the limit" in line and ">=Above the limit" in line
