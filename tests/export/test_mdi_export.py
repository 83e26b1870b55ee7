"""The Myositis Damage Index in every export (issue 17 A10): bundle (visit table, analysis
table, data dictionary, code lists), xlsx, ODM metadata and data, REDCap dictionary and data,
Stata and SPSS with their labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from jdmdesk.db import records as repo
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain import mdi
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER, make_study, read_csv, read_members, validate_bundle
from tests.export.xlsx_cells import workbook_cells

MDI = {"mdi_mus_atrophy": 1, "mdi_mus_weakness": 0, "mdi_cut_calcinosis": 1,
       "mdi_skel_contractures": 1, **{s.vas_field: 0.0 for s in mdi.SYSTEMS},
       "mdi_mus_vas": 3.5, "mdi_cut_vas": 2.0, "mdi_skel_vas": 1.0, "mdi_global_vas": 4.2}
NS = {"o": "http://www.cdisc.org/ns/odm/v1.3"}


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_study(tmp_path_factory.mktemp("mdi") / "s.jdm", extra_patient=False)
    s = open_study(path)
    try:
        pid = s.db.execute("SELECT id FROM patient").fetchone()[0]
        with write_transaction(s.db):
            repo.insert(s.db, "nurse", "visit", {"visit_date": "2024-08-01", "phga": 1.0,
                                                 **MDI}, {}, patient_id=pid)
    finally:
        s.close()
    return path


def _export(study: Path, tmp: Path, fmt: str) -> Path:
    out = tmp / f"out.{fmt}"
    run_export(study, out, ExportOptions(fmt), session=MANAGER)
    return out


def test_bundle_visit_and_analysis_tables_and_dictionary(study, tmp_path):
    members = read_members(_export(study, tmp_path, "bundle"))
    validate_bundle(members)
    for table in ("visit.csv", "analysis_visits.csv"):
        row = next(r for r in read_csv(members[table]) if r["mdi_mus_atrophy"])
        assert row["mdi_mus_atrophy"] == "1" and row["mdi_mus_weakness"] == "0"
        assert row["mdi_mus_vas"] == "3.5" and row["mdi_global_vas"] == "4.2"
        assert row["mdi_extent"] == "3" and row["mdi_severity"] == "6.5"
        assert row["mdi_gi_dysphagia"] == ""  # not assessed
    # the change from baseline, as for the other core-set measures (no MDI at baseline: empty)
    analysis = read_csv(members["analysis_visits.csv"])
    assert {"mdi_extent_change", "mdi_severity_change", "mdi_global_vas_change"} <= set(
        analysis[0])
    assert all(r["mdi_extent_change"] == "" for r in analysis)
    dictionary = {r["variable"] if "variable" in r else r["column"]: r
                  for r in read_csv(members["data_dictionary.csv"]) if r.get("table") == "visit"}
    for name in (*mdi.all_fields(), "mdi_extent", "mdi_severity"):
        assert name in dictionary, name
    assert "Muscle atrophy" in str(dictionary["mdi_mus_atrophy"])


def test_xlsx_sheets_have_the_mdi_columns(study, tmp_path):
    cells = workbook_cells(_export(study, tmp_path, "xlsx"))
    for sheet in ("visit", "analysis_visits"):
        header = set(cells[sheet].values())
        assert {*mdi.all_fields(), "mdi_extent", "mdi_severity"} <= header, sheet


def test_odm_defines_and_carries_the_mdi(study, tmp_path):
    doc = etree.parse(str(_export(study, tmp_path, "odm")))
    defs = {e.get("Name"): e for e in doc.iterfind(".//o:ItemDef", NS)}
    # a yes/no item as the skin findings are: its type and a code list
    assert defs["mdi_mus_atrophy"].get("DataType") == defs["skin_gottron"].get("DataType")
    assert defs["mdi_mus_atrophy"].find("o:CodeListRef", NS) is not None
    assert defs["mdi_mus_vas"].get("DataType") == "float"
    assert defs["mdi_extent"].get("DataType") == "integer"
    values = {e.get("ItemOID"): e.get("Value") for e in doc.iterfind(".//o:ItemData", NS)}
    oid = defs["mdi_cut_calcinosis"].get("OID")
    assert values[oid] in ("1", "true")
    assert values[defs["mdi_severity"].get("OID")] == "6.5"


def test_redcap_dictionary_and_data(study, tmp_path):
    members = read_members(_export(study, tmp_path, "redcap"))
    dictionary = {r["Variable / Field Name"]: r
                  for r in read_csv(members["redcap_data_dictionary.csv"])}
    for name in mdi.all_fields():
        assert name in dictionary, name
    assert dictionary["mdi_mus_atrophy"]["Field Type"] == "yesno"
    assert "Muscle" in dictionary["mdi_mus_atrophy"]["Section Header"]
    assert dictionary["mdi_mus_weakness"]["Section Header"] == ""
    assert dictionary["mdi_mus_vas"]["Text Validation Max"] == "10"
    data = read_csv(next(v for k, v in members.items() if k.endswith(".csv")
                         and "data_dictionary" not in k and "instrument" not in k
                         and "event" not in k and b"mdi_mus_atrophy" in v[:20000]))
    assert any(r["mdi_mus_atrophy"] == "1" and r["mdi_mus_vas"] == "3.5" for r in data)


@pytest.mark.parametrize("flavour", ["stata", "spss"])
def test_stata_and_spss_label_the_mdi(study, tmp_path, flavour):
    pyreadstat = pytest.importorskip("pyreadstat")
    import zipfile

    out = _export(study, tmp_path, flavour)
    member = "visit.dta" if flavour == "stata" else "visit.sav"
    with zipfile.ZipFile(out) as z:
        (tmp_path / member).write_bytes(z.read(member))
    reader = pyreadstat.read_dta if flavour == "stata" else pyreadstat.read_sav
    frame, meta = reader(str(tmp_path / member))
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["mdi_mus_atrophy"].startswith("MDI muscle: Muscle atrophy")
    assert labels["mdi_severity"] == "MDI severity of damage"
    value_labels = meta.value_labels[meta.variable_to_label["mdi_cut_calcinosis"]]
    assert value_labels[1] == "Yes" and value_labels[0] == "No"
    row = frame[frame["mdi_cut_calcinosis"] == 1].iloc[0]
    assert row["mdi_mus_vas"] == 3.5 and row["mdi_extent"] == 3
