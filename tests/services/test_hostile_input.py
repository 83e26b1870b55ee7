"""Hostile input through the service layer and the CLI: a clear field error, or stored verbatim;
never a crash, never a half-written record, and every table stays intact."""

import itertools
import math
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jdmdesk.db import records as repo
from jdmdesk.domain.fields import Kind, record_type
from jdmdesk.services.results import Status

HOSTILE = {
    "sql_injection": "'); DROP TABLE visit; --",
    "sql_or": "1 OR 1=1",
    "sql_bobby": "Robert'); DROP TABLE patient;--",
    "sql_comment": "x' /*",
    "formula_eq": '=HYPERLINK("http://evil.example","click")',
    "formula_plus": "+cmd|' /C calc'!A0",
    "formula_at": "@SUM(1+1)",
    "formula_minus": "-2+3",
    "ten_mb": "A" * 10_000_000,
    "rtl_override": "abc\u202egnp.exe",
    "zero_width": "a\u200bb\u200dc\ufeff",
    "rlm": "abc\u200fdef",
    "line_separator": "line1\u2028line2",
    "combining": "Z\u0351\u0328a\u0336l\u0334g\u0335o",
    "emoji": "\U0001f469\u200d\u2695\ufe0f \U0001f48a\U0001f9ea",
    "nul": "a\x00b",
    "lone_surrogate": "x\ud800y",
    "nan": "NaN",
    "inf": "inf",
    "neg_infinity": "-Infinity",
    "negative": "-5",
    "huge": "1e308",
    "overflow": "1e999",
    "future_date": "2099-01-01",
    "before_birth": "2014-12-31",
    "ancient": "1066-10-14",
    "impossible_date": "2024-02-30",
    "newline": "line1\nline2",
}

# A valid draft for each record type, and the fields to attack in it.
BASE = {
    "patient": {"study_code": "P-900", "sex": "F", "birth_date": "2015-04-02"},
    "visit": {"visit_date": "2024-05-01"},
    "lab": {"sample_date": "2024-05-01", "analyte": "CK", "value": "120", "unit": "U/L"},
}
TARGETS = {
    "patient": ("study_code", "initials", "sex", "birth_date", "onset_date", "note"),
    "visit": ("visit_date", "weight_kg", "phga", "sbp", "cmas_1", "physical_activity", "note"),
    "lab": ("sample_date", "sample_time", "analyte", "value", "unit", "ref_low", "note"),
}
TABLES = ("patient", "visit", "medication", "lab_result", "adverse_event", "audit_log",
          "analyte", "analyte_unit", "study_setting")


def _state(study):
    names = sorted(r[0] for r in study.conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')"))
    counts = {t: study.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    return names, counts


def _expect_error(kind: str, field: str, case: str) -> bool:
    """Cases that must be refused with a field error (the rest may also be stored verbatim)."""
    spec = record_type(kind).field(field)
    if case in ("nul", "lone_surrogate", "rtl_override", "ten_mb", "zero_width", "rlm",
                "line_separator"):
        return True
    if spec.kind in (Kind.INTEGER, Kind.DECIMAL):
        if case in ("negative", "huge"):  # finite numbers: refused only outside hard limits
            return spec.hard is not None
        return True
    if spec.kind in (Kind.DATE, Kind.TIME, Kind.CODE):
        return not (field == "birth_date" and case == "before_birth")  # a valid birth date
    if spec.kind is Kind.TEXT and case == "newline":
        return True
    if field == "study_code":
        return not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}", HOSTILE[case])
    return field in ("unit", "analyte")


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_hostile_value_is_refused_or_stored_verbatim(service, study, patient_id, kind, case):
    text = HOSTILE[case]
    codes = itertools.count(1)
    for field in TARGETS[kind]:
        before = _state(study)
        draft = {**BASE[kind], field: text}
        if kind == "patient" and field != "study_code":
            draft["study_code"] = f"P-9{next(codes):02d}"  # a fresh code for each new patient
        owner = None if kind == "patient" else patient_id
        result = service.save(kind, draft, patient_id=owner)
        where = f"{kind}.{field} <- {case}"
        assert result.status in (Status.SAVED, Status.INVALID, Status.NEEDS_CONFIRMATION), where
        if result.status is Status.INVALID:
            assert field in result.errors, (where, result.errors)
            message = result.errors[field]
            assert message and len(message) < 200 and "\x00" not in message, where
            assert "\u202e" not in message and "\ud800" not in message, where
        if not result.ok:
            assert _state(study) == before, where  # nothing written
            assert not _expect_error(kind, field, case) or result.status is Status.INVALID, where
            continue
        assert not _expect_error(kind, field, case), f"{where}: accepted {result}"
        rec = repo.require(study.db, kind, result.record_id)
        stored = rec.values[field]
        spec = record_type(kind).field(field)
        if spec.kind is Kind.LONGTEXT:
            assert stored == text.replace("\r\n", "\n"), where  # verbatim
        elif spec.kind is Kind.TEXT:
            assert stored == text.strip(), where
        elif isinstance(stored, float):
            assert math.isfinite(stored), where
        names, counts = _state(study)
        assert names == before[0], where
        table = record_type(kind).table
        assert counts[table] == before[1][table] + 1, where
    assert study.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert study.conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("case", ["sql_injection", "sql_bobby", "formula_eq", "emoji",
                                  "combining", "newline"])
def test_text_is_stored_verbatim_and_tables_survive(service, study, patient_id, case):
    text = HOSTILE[case]
    result = service.save("visit", {"visit_date": "2024-05-01", "note": text},
                          patient_id=patient_id)
    assert result.status is Status.SAVED
    assert repo.require(study.db, "visit", result.record_id)["note"] == text
    from jdmdesk.db import audit

    rows = {r.field: r.new_value for r in audit.history(study.db, "visit", result.record_id)}
    assert rows["note"] == text
    assert study.conn.execute("SELECT count(*) FROM patient").fetchone()[0] == 1
    assert audit.verify_chain(study.db).ok


def test_hostile_field_names_are_refused(service, study, patient_id):
    before = _state(study)
    draft = {"visit_date": "2024-05-01", "note); DROP TABLE visit; --": "x",
             "deleted": "1", "id": "x" * 36}
    result = service.save("visit", draft, patient_id=patient_id)
    assert result.status is Status.INVALID
    assert {"deleted", "id", "note); DROP TABLE visit; --"} <= set(result.errors)
    assert _state(study) == before


def test_hostile_patient_id_writes_nothing(service, study, patient_id):
    before = _state(study)
    result = service.save("visit", {"visit_date": "2024-05-01"},
                          patient_id="' OR 1=1; DROP TABLE patient; --")
    assert result.status in (Status.FAILED, Status.INVALID)
    assert _state(study) == before


# --- the command line -----------------------------------------------------------------------

CLI_HOSTILE = ["'; DROP TABLE patient; --", "=cmd|' /C calc'!A0", "\u202eevil.jdm",
               "a\u200bb.jdm", "\U0001f9ea.jdm", "x" * 5000, "a\x00b", "x\ud800y.jdm",
               "line\nbreak.jdm"]


@pytest.mark.parametrize("arg", CLI_HOSTILE, ids=range(len(CLI_HOSTILE)))
@pytest.mark.parametrize("command", ["check", "backup", "restore", "demo"])
def test_cli_hostile_paths_give_one_clean_line(tmp_path, monkeypatch, capsys, command, arg):
    from jdmdesk.cli import main

    monkeypatch.chdir(tmp_path)
    study = tmp_path / "s.jdm"
    assert main(["demo", str(study)]) == 0
    capsys.readouterr()
    before = study.read_bytes()
    argv = {"check": ["check", arg], "backup": ["backup", arg, "--output", "b.jdm"],
            "restore": ["restore", arg, "--output", "r.jdm"],
            "demo": ["demo", str(study), "--patients", "1"]}[command]
    if command == "demo":
        argv = ["demo", arg]
    code = main(argv)
    err = capsys.readouterr().err
    if code == 0:  # demo into a strange but legal file name
        assert command == "demo"
    else:
        assert err.count("\n") == 1 and err.startswith("jdmdesk: "), err
        assert not any(ch in err[:-1] for ch in "\x00\u202e\u200b\n\ud800"), err
        assert len(err) < 700
    assert study.read_bytes() == before


def test_cli_numeric_argument_hostile(tmp_path, capsys):
    from jdmdesk.cli import main

    for value in ("-5", "0"):
        assert main(["demo", str(tmp_path / f"d{value}.jdm"), "--patients", value]) == 2
        assert "at least 1" in capsys.readouterr().err
    root = Path(__file__).resolve().parents[2]
    for value in ("NaN", "1e9999", "'; DROP"):
        proc = subprocess.run([sys.executable, "-m", "jdmdesk", "demo",
                               str(tmp_path / "n.jdm"), "--patients", value], cwd=root,
                              capture_output=True, text=True)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "invalid int value" in proc.stderr
    assert not (tmp_path / "n.jdm").exists()


def test_sqlite_stores_what_it_is_given_no_reinterpretation(study):
    # defence in depth: a parameterised value is data, whatever it looks like
    value = "x'); DELETE FROM audit_log; --"
    conn: sqlite3.Connection = study.conn
    assert conn.execute("SELECT ?", (value,)).fetchone()[0] == value
