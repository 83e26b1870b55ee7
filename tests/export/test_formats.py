"""Excel, CDISC ODM 1.3.2 (schema-validated with lxml) and REDCap outputs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from jdmdesk.export import ExportOptions
from jdmdesk.export.redcap import KEYS
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER

from .helpers import FORMULA_TERMS, make_study, read_csv, read_members

# CDISC ODM 1.3.2 schema, vendored with its MIT licence (tests/export/odm-1.3.2/LICENSE)
ODM_XSD = Path(__file__).resolve().parent / "odm-1.3.2" / "ODM1-3-2.xsd"
NS = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return make_study(tmp_path / "s.jdm")


@pytest.mark.parametrize("identified", [False, True])
def test_odm_validates_against_the_schema(study, tmp_path, identified):
    etree = pytest.importorskip("lxml.etree")
    out = tmp_path / "study.xml"
    run_export(study, out, ExportOptions("odm", identified=identified, include_free_text=True),
               session=MANAGER)
    schema = etree.XMLSchema(etree.parse(str(ODM_XSD)))
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log
    subjects = doc.findall(".//odm:SubjectData", NS)
    assert [s.get("SubjectKey") for s in subjects] == ["P-001", "P-002"]
    labs = subjects[0].findall(".//odm:FormData[@FormOID='F.LAB']", NS)
    assert [f.get("FormRepeatKey") for f in labs] == ["1", "2"]
    items = {i.get("ItemOID"): i.get("Value") for i in labs[0].iter(f"{{{NS['odm']}}}ItemData")}
    assert items["I.LAB.VALUE_CANONICAL"] == "300" and items["I.LAB.UNIT"] == "µkat/L"
    assert items["I.LAB.SAMPLE_DATE_DAY"] == "-12"
    assert ("I.LAB.SAMPLE_DATE" in items) == identified
    sbp = doc.find(".//odm:ItemDef[@OID='I.VISIT.SBP']", NS)
    assert sbp.get("DataType") == "integer"
    assert [r.find("odm:CheckValue", NS).text for r in sbp.findall("odm:RangeCheck", NS)] == \
        ["40", "260"]
    assert doc.find(".//odm:CodeList/odm:CodeListItem[@CodedValue='tacrolimus']", NS) is not None


def test_odm_metadata_has_units_events_and_codelists(study, tmp_path):
    etree = pytest.importorskip("lxml.etree")
    out = tmp_path / "study.xml"
    run_export(study, out, ExportOptions("odm"), session=MANAGER)
    doc = etree.parse(str(out))
    units = {u.get("Name") for u in doc.findall(".//odm:MeasurementUnit", NS)}
    assert {"kg", "mmHg", "days", "years"} <= units
    events = [e.get("OID") for e in doc.findall(".//odm:StudyEventDef", NS)]
    assert events == ["SE.ENROLMENT", "SE.VISIT", "SE.FOLLOWUP"]
    assert doc.find(".//odm:ItemDef[@OID='I.PATIENT.BIRTH_DATE']", NS) is None


def _sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)"', book)
        return {name: z.read(f"xl/worksheets/sheet{i}.xml").decode() for name, i in names}


@pytest.mark.parametrize("identified", [False, True])
def test_xlsx_text_as_text_numbers_as_numbers(study, tmp_path, identified):
    out = tmp_path / "study.xlsx"
    run_export(study, out, ExportOptions("xlsx", identified=identified,
                                         include_free_text=True), session=MANAGER)
    sheets = _sheet_xml(out)
    assert {"about", "patient", "visit", "medication", "lab", "adverse_event",
            "analysis_visits", "audit_trail", "data_dictionary"} <= set(sheets)
    assert all("<f>" not in xml for xml in sheets.values())  # never a formula
    ae = sheets["adverse_event"]
    assert "HYPERLINK" in ae  # a plain string cell, no <f>
    visit = sheets["visit"]
    assert re.search(r'<c r="C2"[^>]*><v>-12</v></c>', visit) or \
        re.search(r'<c r="[A-Z]+2"[^>]*><v>-12</v></c>', visit)
    has_date_cell = re.search(r'<c r="C2" s="\d+"><v>45432</v></c>', visit) is not None
    assert has_date_cell == identified  # 2024-05-20 as an Excel date serial


def test_redcap_files_follow_the_conventions(study, tmp_path):
    out = tmp_path / "redcap.zip"
    # the adverse event term is free text (issue 18): asked for, to see it kept as typed
    run_export(study, out, ExportOptions("redcap", include_free_text=True), session=MANAGER)
    members = read_members(out)
    dictionary = read_csv(members["redcap_data_dictionary.csv"])
    names = [r["Variable / Field Name"] for r in dictionary]
    assert names[0] == "record_id" and len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)
    rows = read_csv(members["redcap_import.csv"])
    assert list(rows[0])[:4] == KEYS
    assert set(list(rows[0])[4:]) == set(names[1:])
    patient = rows[0]
    assert patient["record_id"] == "P-001" and patient["redcap_event_name"] == "enrolment_arm_1"
    assert patient["redcap_repeat_instrument"] == "" and patient["redcap_repeat_instance"] == ""
    labs = [r for r in rows if r["redcap_repeat_instrument"] == "lab"
            and r["record_id"] == "P-001"]
    assert [r["redcap_repeat_instance"] for r in labs] == ["1", "2"]
    assert labs[0]["redcap_event_name"] == "followup_arm_1" and labs[0]["unit"] == "ukat_L"
    unit = next(r for r in dictionary if r["Variable / Field Name"] == "unit")
    assert "ukat_L, µkat/L" in unit["Choices, Calculations, OR Slider Labels"]
    sbp = next(r for r in dictionary if r["Variable / Field Name"] == "sbp")
    assert (sbp["Field Type"], sbp["Text Validation Type OR Show Slider Number"],
            sbp["Text Validation Min"], sbp["Text Validation Max"]) == \
        ("text", "integer", "40", "260")
    mapping = read_csv(members["redcap_instrument_event_mapping.csv"])
    assert {(m["unique_event_name"], m["form"]) for m in mapping} >= {
        ("enrolment_arm_1", "patient"), ("followup_arm_1", "lab")}
    repeating = read_csv(members["redcap_repeating_instruments.csv"])
    assert {r["form_name"] for r in repeating} == {"visit", "medication", "lab",
                                                   "adverse_event"}
    terms = [r["term"] for r in rows if r["redcap_repeat_instrument"] == "adverse_event"]
    assert terms == list(FORMULA_TERMS)  # exactly as entered: REDCap stores what is typed


def test_xlsx_sheets_have_autofilter_widths_and_codes_of_the_dictionarys_type(study, tmp_path):
    out = tmp_path / "study.xlsx"
    run_export(study, out, ExportOptions("xlsx"), session=MANAGER)
    sheets = _sheet_xml(out)
    for name, xml in sheets.items():
        assert "<autoFilter ref=" in xml, name
        assert re.search(r'<col min="1" max="\d+" width="[\d.]+" customWidth="1"/>', xml), name
    ae = sheets["adverse_event"]
    header = re.findall(r'<c r="([A-Z]+)1"', ae)
    # grade has the whole-number code list 1-5: value_type integer, so a number cell
    from jdmdesk.export.datapackage import value_type
    from jdmdesk.export.rows import record_table

    table = record_table("adverse_event", identified=False, include_free_text=False)
    column = header[table.header.index("grade")]
    assert value_type(table.column("grade")) == "integer"
    assert re.search(rf'<c r="{column}2"[^>]*><v>1</v></c>', ae)
    category = header[table.header.index("category")]
    assert re.search(rf'<c r="{category}2"[^>]*t="(?:s|str|inlineStr)"', ae)  # text stays text
