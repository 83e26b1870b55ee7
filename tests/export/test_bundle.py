"""Bundle: round trip against the database, CSV rules, manifest hashes, de-identification."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from jdmdesk.db import records as repo
from jdmdesk.db.queries import patient_id_by_code
from jdmdesk.db.studyfile import open_study
from jdmdesk.export import ExportOptions
from jdmdesk.export.csvio import neutralise, number_cell
from jdmdesk.export.rows import NO_TACROLIMUS
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER

from .helpers import FORMULA_TERMS, make_study, read_csv, read_members, validate_bundle

TABLES = ("patient", "visit", "medication", "lab", "adverse_event")


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / "out.zip"
    run_export(study, out, ExportOptions("bundle"), session=MANAGER)
    return study, read_members(out)


def test_bundle_members(bundle):
    _, members = bundle
    assert set(members) == {f"{t}.csv" for t in TABLES} | {
        "analysis_visits.csv", "audit_trail.csv", "data_dictionary.csv", "codebook.md",
        "code_lists.csv", "README.txt", "datapackage.json", "manifest.json"}
    package = validate_bundle(members)
    assert {r["path"] for r in package["resources"]} == {
        n for n in members if n.endswith(".csv")}


@pytest.mark.parametrize("identified", [False, True])
@pytest.mark.parametrize("free_text", [False, True])
def test_every_bundle_validates_as_a_data_package(tmp_path, identified, free_text):
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / "out.zip"
    run_export(study, out, ExportOptions("bundle", identified=identified,
                                         include_free_text=free_text), session=MANAGER)
    members = read_members(out)
    package = validate_bundle(members)
    manifest = json.loads(members["manifest.json"])
    assert manifest["pseudonymised"] == (False if identified else
                                         "partially" if free_text else True)
    assert ("adverse_event.term" in manifest["free_text_included"]) == free_text
    assert ("term" in read_csv(members["adverse_event.csv"])[0]) == free_text
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "lab"
              for f in r["schema"]["fields"]}
    assert fields["sample_time"]["format"] == "%H:%M"
    assert fields["analyte"]["constraints"]["enum"][0] == "CK"
    dictionary = read_csv(members["data_dictionary.csv"])
    audit_vars = {d["variable"] for d in dictionary if d["table"] == "audit_trail"}
    assert audit_vars == set(read_csv(members["audit_trail.csv"])[0])
    patient = read_csv(members["patient.csv"])[0]
    assert ("birth_date" in patient) == identified
    assert not {"birth_date_day", "birth_date_day_missing", "birth_date_age"} & set(patient)


def test_round_trip_every_csv_matches_the_database(bundle):
    path, members = bundle
    study = open_study(path, read_only=True)
    try:
        pid = patient_id_by_code(study.db, "P-001")
        for kind in TABLES:
            rows = read_csv(members[f"{kind}.csv"])
            if kind == "patient":
                assert [r["study_code"] for r in rows] == ["P-001", "P-002"]
                continue
            recs = repo.list_for_patient(study.db, kind, pid)
            mine = [r for r in rows if r["study_code"] == "P-001"]
            assert [r["record_id"] for r in mine] == [rec.id for rec in recs]
            for row, rec in zip(mine, recs, strict=True):
                for name, value in rec.values.items():
                    if name in ("note", "term"):
                        assert name not in row  # free text left out by default
                    elif name.endswith("_date"):
                        assert name not in row
                        if value is not None:
                            expected = (date.fromisoformat(value) - date(2024, 6, 1)).days
                            assert int(row[f"{name}_day"]) == expected
                    elif value is None:
                        assert row[name] == ""
                        if f"{name}_missing" in row:
                            assert row[f"{name}_missing"] == (
                                "missing_" + rec.missing[name] if name in rec.missing else "")
                    elif isinstance(value, (int, float)):
                        assert float(row[name]) == pytest.approx(value)
                    else:
                        assert row[name] == value
    finally:
        study.close()


def test_wide_table_and_derived_totals(bundle):
    _, members = bundle
    rows = read_csv(members["analysis_visits.csv"])
    first = next(r for r in rows if r["study_code"] == "P-001")
    assert first["das_total"] == "5"
    assert first["sex"] == "F"
    assert float(first["lab_ck"]) == pytest.approx(300.0)  # 5 µkat/L, same day
    assert first["height_cm"] == "" and first["height_cm_missing"] == "missing_not_done"


def test_patient_without_tacrolimus_has_empty_days_with_reason(bundle):
    _, members = bundle
    visit = next(r for r in read_csv(members["visit.csv"]) if r["study_code"] == "P-002")
    assert visit["visit_date_day"] == ""
    assert visit["visit_date_day_missing"] == NO_TACROLIMUS
    assert visit["visit_date_age"] == "11.1"


def test_dates_become_study_days_and_ages(bundle):
    _, members = bundle
    visits = [r for r in read_csv(members["visit.csv"]) if r["study_code"] == "P-001"]
    assert [v["visit_date_day"] for v in visits] == ["-12", "31"]  # numeric: no apostrophe
    assert visits[0]["visit_date_age"] == "10.2"
    patient = read_csv(members["patient.csv"])[0]
    assert "birth_date" not in patient and "initials" not in patient
    assert patient["diagnosis_date_day_missing"] == "missing_unknown"


def test_csv_keeps_text_exactly_as_entered(bundle, tmp_path):
    study, members = bundle
    out = tmp_path / "free.zip"
    run_export(study, out, ExportOptions("bundle", include_free_text=True), session=MANAGER)
    free = read_members(out)
    terms = [r["term"] for r in read_csv(free["adverse_event.csv"])]
    assert terms == list(FORMULA_TERMS)  # no apostrophe: formula safety is the workbook's
    ae = free["adverse_event.csv"].decode()
    assert '"=HYPERLINK(""http://x"",""y"")"' in ae  # as entered, RFC 4180 quoted
    text = members["visit.csv"].decode()
    assert ",-12," in text and "'" not in text
    assert "Excel" in members["README.txt"].decode() and "xlsx" in members["README.txt"].decode()
    assert neutralise("=1+1") == "'=1+1" and neutralise("1+1") == "1+1"
    assert number_cell(-3) == "-3" and number_cell(-0.5) == "-0.5" and number_cell(2.0) == "2"


def test_csv_rules_utf8_crlf_quoting(bundle):
    _, members = bundle
    data = members["lab.csv"]
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header = rows[0]
    lab = dict(zip(header, rows[1], strict=True))
    assert lab["unit"] == "µkat/L" and lab["value"] == "5" and lab["value_canonical"] == "300"
    assert lab["uln_multiple"] == "2.083"
    # limits in the unit of value_canonical (µkat/L × 60 = U/L), issue 18 point 3
    assert lab["ref_high_canonical"] == "144" and lab["ref_low_canonical"] == "0"


def test_manifest_hashes_and_counts_verify(bundle):
    _, members = bundle
    manifest = json.loads(members["manifest.json"])
    assert set(manifest["files"]) == set(members) - {"manifest.json"}
    for name, info in manifest["files"].items():
        assert hashlib.sha256(members[name]).hexdigest() == info["sha256"], name
        assert len(members[name]) == info["bytes"]
    for name, n in manifest["row_counts"].items():
        assert len(read_csv(members[name])) == n
    assert manifest["options"] == {"format": "bundle", "identified": False,
                                   "include_free_text": False}
    assert manifest["pseudonymised"] is True
    assert any("birth_date" in s for s in manifest["deidentification"])
    assert manifest["schema_version"] >= 1 and manifest["app_version"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["exported_at_utc"])


def test_data_dictionary_describes_every_column(bundle):
    _, members = bundle
    dictionary = read_csv(members["data_dictionary.csv"])
    described = {(r["table"], r["variable"]) for r in dictionary}
    for name, data in members.items():
        if name.endswith(".csv") and name not in ("data_dictionary.csv", "code_lists.csv"):
            header = next(csv.reader(io.StringIO(data.decode())))
            assert {(name[:-4], h) for h in header} <= described
    totals = {r["variable"]: r for r in dictionary if r["table"] == "visit"}
    assert totals["cmas_total"]["origin"] == "derived"
    assert totals["sbp"]["origin"] == "entered" and totals["sbp"]["unit"] == "mmHg"
    assert totals["sbp"]["allowed"] == "40 to 260"
    assert "F=Female" in next(r for r in dictionary if r["variable"] == "sex")["allowed"]


def test_audit_trail_is_pseudonymised(bundle):
    _, members = bundle
    text = members["audit_trail.csv"].decode()
    rows = read_csv(members["audit_trail.csv"])
    assert "nurse.jones" not in text and rows[0]["user"] == "user_1"
    assert "at_utc" not in rows[0] and "hash" not in rows[0] and "reason" not in rows[0]
    births = [r for r in rows if r["field"] == "birth_date"]
    assert births and all(r["new_value"] == "[removed]" for r in births)
    sbp = [r for r in rows if r["field"] == "sbp"]
    assert sbp and sbp[0]["new_value"] == "110"


def test_identified_export_keeps_dates_and_free_text(tmp_path):
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / "out.zip"
    run_export(study, out, ExportOptions("bundle", identified=True, include_free_text=True),
               session=MANAGER)
    members = read_members(out)
    patient = read_csv(members["patient.csv"])[0]
    assert patient["birth_date"] == "2014-03-05" and patient["initials"] == "AB"
    assert patient["note"] == "Seen by Dr Smith"
    visit = read_csv(members["visit.csv"])[0]
    assert visit["visit_date"] == "2024-05-20" and visit["visit_date_day"] == "-12"
    audit = read_csv(members["audit_trail.csv"])
    assert audit[0]["user"] == "nurse.jones" and audit[0]["at_utc"]
    assert json.loads(members["manifest.json"])["pseudonymised"] is False
