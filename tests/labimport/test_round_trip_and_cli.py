"""The demo's labs exported and imported into an empty copy; the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

from jdmdesk.cli import main
from jdmdesk.db import records as repo
from jdmdesk.db.studyfile import create_study, open_study
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from jdmdesk.services.lab_import import LabImportService
from tests.conftest import FAST, TODAY, log_in_as, seed_users

from .conftest import EXAMPLE

LAB_KEY = ("sample_date", "sample_time", "analyte", "value", "censored", "unit", "ref_low",
           "ref_high")


def _labs_by_code(study) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for p in repo_patients(study):
        out[p.values["study_code"]] = {
            tuple(r.values.get(k) for k in LAB_KEY)
            for r in repo.list_for_patient(study.db, "lab", p.id)}
    return out


def repo_patients(study):
    from jdmdesk.db.queries import list_patients

    return [repo.require(study.db, "patient", p.id) for p in list_patients(study.db)]


def test_the_demo_labs_round_trip_into_an_empty_copy(tmp_path):
    demo = tmp_path / "demo.jdm"
    write_demo(demo, hasher=FAST)
    from jdmdesk.domain.access import Session

    manager = Session(demo_credentials(Role.DATA_MANAGER).username, "Manager",
                      Role.DATA_MANAGER)
    out = tmp_path / "bundle.zip"
    src = open_study(demo)
    try:
        run_export(demo, out, ExportOptions("bundle", identified=True), session=manager)
        patients = repo_patients(src)
        original = _labs_by_code(src)
    finally:
        src.close()
    with zipfile.ZipFile(out) as z:
        lab_csv = z.read("lab.csv")
    labs_file = tmp_path / "lab.csv"
    labs_file.write_bytes(lab_csv)
    header = next(csv.reader(io.StringIO(lab_csv.decode("utf-8"))))
    assert {"study_code", "sample_date", "analyte", "value", "unit"} <= set(header)

    copy = create_study(tmp_path / "copy.jdm")
    try:
        users = seed_users(copy)
        with_patients = [{k: p.values[k] for k in ("study_code", "sex", "birth_date")}
                         for p in patients]
        for values in with_patients:
            repo_insert_patient(copy, values)
        importer = LabImportService(copy, users[Role.DATA_ENTRY], FixedClock.on(TODAY))
        result, check = importer.run(labs_file)
        assert result.ok, (result, [str(p) for p in check.problems[:5]])
        n = sum(len(v) for v in original.values())
        assert n > 0 and check.counts["new"] == n and check.counts["duplicate"] == 0
        assert _labs_by_code(copy) == original
        again = importer.check(labs_file)
        assert again.counts["duplicate"] == n and again.counts["new"] == 0
    finally:
        copy.close()


def repo_insert_patient(study, values):
    from jdmdesk.db.connection import write_transaction

    with write_transaction(study.db) as db:
        repo.insert(db, "test", "patient", values, {})


def test_cli_import_labs_dry_run_import_and_skip_invalid(tmp_path, monkeypatch, capsys):
    study = tmp_path / "demo.jdm"
    write_demo(study, hasher=FAST)
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))
    src = tmp_path / "lab.csv"
    shutil.copy(EXAMPLE, src)
    text = src.read_bytes().replace(b"P-001", b"JDM-01")
    src.write_bytes(text)
    # the demo's codes: use the first patient of the demo
    first = _first_code(study)
    src.write_bytes(text.replace(b"JDM-01", first.encode()))
    code = main(["import-labs", str(study), "--input", str(src), "--dry-run"])
    assert code == 0, capsys.readouterr().err
    assert "dry run, nothing stored: 8 rows: 8 new" in capsys.readouterr().out
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({
        "format": "jdmdesk-lab-mapping", "version": 1, "patient_key": "auto",
        "columns": {"patient": "Patientnummer", "sample_date": "Afnamedatum",
                    "sample_time": "Afnametijd", "test": "Bepaling", "value": "Uitslag",
                    "unit": "Eenheid", "ref_range": "Referentie"}}), encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(src.read_bytes() + b"NOPE;20-05-2024;08:15;CK;1;U/L;0 - 145\r\n"
                    + first.encode() + b";31-02-2024;08:15;CK;1;U/L;0 - 145\r\n")
    assert main(["import-labs", str(study), "--input", str(bad), "--mapping",
                 str(mapping)]) == 1
    err = capsys.readouterr().err
    assert "line 10, column 'Patientnummer': patient 'NOPE' is not in this study" in err
    assert "line 11, column 'Afnamedatum': '31-02-2024' is not a calendar date" in err
    assert "Nothing imported" in err
    assert main(["import-labs", str(study), "--input", str(bad), "--mapping", str(mapping),
                 "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "Imported 8 lab results" in out and "report: " in out
    assert list(tmp_path.glob("bad.csv.import-report-*.txt"))
    assert main(["import-labs", str(study), "--input", str(src)]) == 0  # all duplicates now
    assert "Nothing new to import (8 rows: 0 new, 8 duplicate" in capsys.readouterr().out
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    assert main(["import-labs", str(study), "--input", str(src)]) == 1
    assert "may not import lab results" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["import-labs", str(study), "--input", str(src), "--mapping",
                 str(broken)]) == 2


def _first_code(path) -> str:
    s = open_study(path, read_only=True)
    try:
        from jdmdesk.db.queries import list_patients

        return list_patients(s.db)[0].study_code
    finally:
        s.close()


def test_cli_undo_import_lists_refuses_and_undoes(tmp_path, monkeypatch, capsys):
    study = tmp_path / "demo.jdm"
    write_demo(study, hasher=FAST)
    src = tmp_path / "lab.csv"
    src.write_bytes(EXAMPLE.read_bytes().replace(b"P-001", _first_code(study).encode()))
    log_in_as(monkeypatch, demo_credentials(Role.DATA_ENTRY))
    assert main(["undo-import", str(study)]) == 0
    assert "no lab imports in this study" in capsys.readouterr().out
    assert main(["import-labs", str(study), "--input", str(src)]) == 0
    capsys.readouterr()
    assert main(["undo-import", str(study)]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) == 1 and "lab.csv" in listed[0] and "8 new" in listed[0]
    assert listed[0].endswith("active")
    import_id = listed[0].split()[0]
    # a nurse may list but not undo; a reason is required; an unknown id is named
    assert main(["undo-import", str(study), "--import", import_id[:12],
                 "--reason", "wrong file"]) == 1
    assert "may not undo a lab import" in capsys.readouterr().err
    log_in_as(monkeypatch, demo_credentials(Role.DATA_MANAGER))
    assert main(["undo-import", str(study), "--import", import_id]) == 2
    assert "give a reason" in capsys.readouterr().err
    assert main(["undo-import", str(study), "--import", "zzz", "--reason", "x"]) == 1
    assert "no lab import starts with 'zzz'" in capsys.readouterr().err
    assert main(["undo-import", str(study), "--import", import_id[:12],
                 "--reason", "wrong file"]) == 0
    assert "8 lab results deleted" in capsys.readouterr().out
    copy = open_study(study, read_only=True)
    try:
        live = copy.db.conn.execute("SELECT count(*) FROM lab_result WHERE import_id = ? "
                                    "AND deleted = 0", (import_id,)).fetchone()[0]
    finally:
        copy.close()
    assert live == 0
    assert main(["undo-import", str(study)]) == 0
    assert "undone: wrong file" in capsys.readouterr().out
    assert main(["undo-import", str(study), "--import", import_id, "--reason", "again"]) == 0
    assert "already undone" in capsys.readouterr().out
