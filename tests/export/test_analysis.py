"""analysis_visits: the review's numbers, visit by visit, and a table pandas loads as it is."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from jdmdesk.db import queries
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.access import Role, Session
from jdmdesk.domain.clock import FixedClock
from jdmdesk.domain.review import LAB_WINDOW_DAYS, REVIEW_ENZYMES
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from jdmdesk.services.review import ReviewService

from .helpers import read_csv, read_members

DEMO_MANAGER = Session("manager", "Demo Data Manager", Role.DATA_MANAGER)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from jdmdesk.demo import write_demo
    from tests.conftest import FAST

    path = tmp_path_factory.mktemp("demo") / "demo.jdm"
    write_demo(path, hasher=FAST)
    return path


@pytest.fixture(scope="module")
def demo_bundles(demo, tmp_path_factory) -> dict[bool, dict[str, bytes]]:
    out = {}
    for identified in (False, True):
        target = tmp_path_factory.mktemp("bundle") / f"b{identified}.zip"
        run_export(demo, target, ExportOptions("bundle", identified=identified),
                   session=DEMO_MANAGER)
        out[identified] = read_members(target)
    return out


def _num(cell: str) -> float | None:
    return None if cell == "" else float(cell)


def _close(cell: str, value: float | None, digits: int = 4) -> None:
    if value is None:
        assert cell == ""
    else:
        assert _num(cell) == pytest.approx(round(value, digits), abs=10 ** -digits)


def test_analysis_numbers_equal_the_reviews_for_each_visit(demo, demo_bundles):
    rows = read_csv(demo_bundles[False]["analysis_visits.csv"])
    study = open_study(demo, read_only=True)
    try:
        service = ReviewService(study, FixedClock(datetime(2026, 1, 1, tzinfo=UTC)))
        checked = tis_seen = trough_seen = 0
        for p in queries.list_patients(study.db):
            review = service.review(p.id)
            assert review is not None
            mine = [r for r in rows if r["study_code"] == p.study_code]
            assert [r["record_id"] for r in mine] == [v.visit_id for v in review.visits]
            for row, v in zip(mine, review.visits, strict=True):
                assert int(row["visit_number"]) == v.visit_number
                assert row["baseline"] == ("1" if v.is_baseline else "0")
                assert int(row["days_since_first_visit"]) == \
                    (v.visit_date - review.visits[0].visit_date).days
                for m, change in v.change.items():
                    _close(row[f"{m}_change"], change)
                _close(row["tis"], None if v.tis is None else v.tis.score)
                assert row["tis_category"] == ("" if v.tis is None else v.tis.category or "")
                assert row["printo_status"] == v.printo.status
                assert int(row["printo_criteria_met"]) == v.printo.n_met
                _close(row["pred_eq_mg_day"], v.pred_eq_mg_day)
                _close(row["pred_eq_mg_kg_day"], v.pred_eq_mg_kg_day)
                _close(row["pred_eq_cumulative_mg"], v.cumulative_pred_eq_mg, 2)
                _close(row["tacrolimus_mg_day"], v.tacrolimus_mg_day)
                for code in REVIEW_ENZYMES:
                    _close(row[f"lab_{code.lower()}"], v.enzymes[code], 6)
                _close(row["lab_tacrolimus"],
                       None if v.trough is None else v.trough.value_canonical, 6)
                checked += 1
                tis_seen += v.tis is not None and v.tis.score is not None
                trough_seen += v.trough is not None
        assert checked >= 15 and tis_seen >= 3 and trough_seen >= 3  # the demo exercises them
    finally:
        study.close()


def test_enzyme_follows_the_review_window_not_the_same_day(demo_bundles):
    members = demo_bundles[True]
    visits = read_csv(members["analysis_visits.csv"])
    labs = read_csv(members["lab.csv"])
    by_patient: dict[tuple[str, str], list[date]] = {}
    for lab in labs:
        by_patient.setdefault((lab["study_code"], lab["analyte"]), []).append(
            date.fromisoformat(lab["sample_date"]))
    off_day = 0
    for v in visits:
        day = date.fromisoformat(v["visit_date"])
        for code in ("CK", "LD", "ASAT", "ALAT", "TACROLIMUS"):
            near = [s for s in by_patient.get((v["study_code"], code), [])
                    if abs((s - day).days) <= LAB_WINDOW_DAYS]
            stem = f"lab_{code.lower()}"
            assert (v[stem] != "") == bool(near), (v["study_code"], day, code)
            if near:
                offset = int(v[f"{stem}_offset_days"])
                assert abs(offset) == min(abs((s - day).days) for s in near)
                off_day += offset != 0
    assert off_day > 0  # the demo has samples on other days than the visit's


def test_pandas_loads_analysis_visits_with_the_datapackage_types(demo_bundles):
    pd = pytest.importorskip("pandas")
    members = demo_bundles[False]
    package = json.loads(members["datapackage.json"])
    resource = next(r for r in package["resources"] if r["name"] == "analysis_visits")
    schema = resource["schema"]
    dtypes = {"integer": "Int64", "number": "Float64", "string": "string",
              "boolean": "Int64", "time": "string", "date": "string"}
    frame = pd.read_csv(io.BytesIO(members["analysis_visits.csv"]),
                        dtype={f["name"]: dtypes[f["type"]] for f in schema["fields"]},
                        na_values=schema["missingValues"], keep_default_na=False)
    kinds = {f["name"]: f["type"] for f in schema["fields"]}
    assert str(frame["study_code"].dtype) == "string"
    assert str(frame["visit_number"].dtype) == "Int64"
    assert str(frame["lab_ck_uln_multiple"].dtype) == "Float64"
    # no spreadsheet apostrophe anywhere in the text columns
    for name, kind in kinds.items():
        if kind == "string":
            assert not frame[name].dropna().str.startswith("'").any(), name
    # without dtypes, pandas' own inference still gives numbers for the numeric columns
    plain = pd.read_csv(io.BytesIO(members["analysis_visits.csv"]))
    for name in ("visit_date_day", "days_since_first_visit", "lab_ck_uln_multiple",
                 "pred_eq_mg_kg_day"):
        assert pd.api.types.is_numeric_dtype(plain[name]), name
    # the longitudinal model input: CK (ULN multiple) against days since tacrolimus start
    model = frame.dropna(subset=["visit_date_day", "lab_ck_uln_multiple"])
    assert len(model) == len(frame) >= 15  # every demo visit has a CK within the window
    x = model["visit_date_day"].astype("float64").to_numpy()
    y = model["lab_ck_uln_multiple"].astype("float64").to_numpy()
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    assert slope < 0  # CK falls on tacrolimus in the demo, fitted with no cleaning step
    assert model.groupby("study_code").size().min() >= 1


def test_zip_members_carry_the_export_time_and_mode_0644(demo, tmp_path):
    target = tmp_path / "b.zip"
    run_export(demo, target, ExportOptions("bundle"), session=DEMO_MANAGER)
    with zipfile.ZipFile(target) as z:
        manifest = json.loads(z.read("manifest.json"))
        stamp = manifest["exported_at_utc"]
        for info in z.infolist():
            assert info.date_time[:3] == tuple(int(x) for x in stamp[:10].split("-"))
            assert (info.external_attr >> 16) & 0o777 == 0o644, info.filename


def test_study_code_007_stays_a_string_and_gappy_integers_stay_integers(tmp_path):
    pd = pytest.importorskip("pandas")
    from jdmdesk.db import records as repo
    from jdmdesk.db.connection import write_transaction

    from .helpers import MANAGER, make_study, validate_bundle

    path = make_study(tmp_path / "s.jdm")
    study = open_study(path)
    try:
        with write_transaction(study.db):
            pid = repo.insert(study.db, "nurse.jones", "patient",
                              {"study_code": "007", "sex": "M", "birth_date": "2013-01-01"}, {})
            repo.insert(study.db, "nurse.jones", "visit", {"visit_date": "2024-01-02"}, {},
                        patient_id=pid)
    finally:
        study.close()
    out = tmp_path / "b.zip"
    run_export(path, out, ExportOptions("bundle"), session=MANAGER)
    members = read_members(out)
    package = validate_bundle(members)
    dtypes = {"integer": "Int64", "number": "Float64", "boolean": "Int64"}
    for resource in package["resources"]:
        schema = resource["schema"]
        frame = pd.read_csv(io.BytesIO(members[resource["path"]]), keep_default_na=False,
                            na_values=schema["missingValues"],
                            dtype={f["name"]: dtypes.get(f["type"], "string")
                                   for f in schema["fields"]})
        if "study_code" in frame:
            assert "007" in set(frame["study_code"]) or resource["name"] in (
                "lab", "medication", "adverse_event"), resource["name"]
        if resource["name"] == "visit":
            assert str(frame["sbp"].dtype) == "Int64" and frame["sbp"].isna().any()
