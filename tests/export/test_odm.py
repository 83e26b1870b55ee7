"""ODM: every value fits its ItemDef's DataType, visits repeat as study events, lab values
name their unit, and CDISC's odmlib loads the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER, make_study

ODM_XSD = Path(__file__).resolve().parent / "odm-1.3.2" / "ODM1-3-2.xsd"
NS_URI = "http://www.cdisc.org/ns/odm/v1.3"
NS = {"odm": NS_URI}

# the lexical forms of ODM 1.3.2's data types (xs:integer, xs:double, xs:date, xs:time …)
LEXICAL = {
    "integer": re.compile(r"[+-]?\d+"),
    "float": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"),
    "date": re.compile(r"\d{4}-\d\d-\d\d"),
    "time": re.compile(r"\d\d:\d\d:\d\d(\.\d+)?"),
    "datetime": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"),
    "boolean": re.compile(r"true|false|0|1"),
    "text": re.compile(r".*", re.S),
    "string": re.compile(r".*", re.S),
}


@pytest.fixture(params=[False, True], ids=["pseudonymised", "identified"])
def odm(request, tmp_path: Path) -> etree._ElementTree:
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / "study.xml"
    run_export(study, out, ExportOptions("odm", identified=request.param,
                                         include_free_text=True), session=MANAGER)
    doc = etree.parse(str(out))
    schema = etree.XMLSchema(etree.parse(str(ODM_XSD)))
    assert schema.validate(doc), schema.error_log
    return doc


def test_every_item_value_fits_its_data_type_and_code_list(odm):
    defs = {d.get("OID"): d for d in odm.iterfind(".//odm:ItemDef", NS)}
    codelists = {cl.get("OID"): {i.get("CodedValue") for i in cl.iterfind("odm:CodeListItem", NS)}
                 for cl in odm.iterfind(".//odm:CodeList", NS)}
    seen: set[str] = set()
    values = list(odm.iterfind(".//odm:ItemData", NS))
    assert values
    for item in values:
        d = defs[item.get("ItemOID")]
        dtype, value = d.get("DataType"), item.get("Value")
        assert LEXICAL[dtype].fullmatch(value), (item.get("ItemOID"), dtype, value)
        ref = d.find("odm:CodeListRef", NS)
        if ref is not None:
            assert value in codelists[ref.get("CodeListOID")], (item.get("ItemOID"), value)
        seen.add(dtype)
    assert {"integer", "float", "time", "text"} <= seen
    times = [i.get("Value") for i in values if i.get("ItemOID") == "I.LAB.SAMPLE_TIME"]
    assert times == ["08:30:00", "08:30:00"]


def test_the_type_check_catches_a_time_without_seconds():
    assert not LEXICAL["time"].fullmatch("08:30")
    assert not LEXICAL["integer"].fullmatch("3.0")


def test_visits_are_repeating_study_events(odm):
    event = odm.find(".//odm:StudyEventDef[@OID='SE.VISIT']", NS)
    assert event.get("Repeating") == "Yes"
    assert [r.get("FormOID") for r in event.iterfind("odm:FormRef", NS)] == ["F.VISIT"]
    first = odm.find(".//odm:SubjectData[@SubjectKey='P-001']", NS)
    visits = first.findall("odm:StudyEventData[@StudyEventOID='SE.VISIT']", NS)
    assert [v.get("StudyEventRepeatKey") for v in visits] == ["1", "2"]
    assert all(len(v.findall("odm:FormData", NS)) == 1 for v in visits)
    followup = first.findall("odm:StudyEventData[@StudyEventOID='SE.FOLLOWUP']", NS)
    assert len(followup) == 1
    assert followup[0].find("odm:FormData[@FormOID='F.VISIT']", NS) is None


def test_lab_values_name_their_measurement_unit(odm):
    units = {u.get("OID"): u.get("Name") for u in odm.iterfind(".//odm:MeasurementUnit", NS)}
    value_def = odm.find(".//odm:ItemDef[@OID='I.LAB.VALUE']", NS)
    allowed = {r.get("MeasurementUnitOID")
               for r in value_def.iterfind("odm:MeasurementUnitRef", NS)}
    lab = odm.find(".//odm:FormData[@FormOID='F.LAB']", NS)
    by_oid = {i.get("ItemOID"): i for i in lab.iter(f"{{{NS_URI}}}ItemData")}
    for oid, unit in (("I.LAB.VALUE", "µkat/L"), ("I.LAB.REF_HIGH", "µkat/L"),
                      ("I.LAB.VALUE_CANONICAL", "U/L")):
        ref = by_oid[oid].find("odm:MeasurementUnitRef", NS)
        assert units[ref.get("MeasurementUnitOID")] == unit
        assert ref.get("MeasurementUnitOID") in allowed


def test_odmlib_loads_the_file(tmp_path):
    odm_loader = pytest.importorskip("odmlib.odm_loader")
    loader = pytest.importorskip("odmlib.loader")
    study = make_study(tmp_path / "s.jdm")
    out = tmp_path / "study.xml"
    run_export(study, out, ExportOptions("odm", identified=True), session=MANAGER)
    docs = loader.ODMLoader(odm_loader.XMLODMLoader(model_package="odm_1_3_2", ns_uri=NS_URI))
    docs.open_odm_document(str(out))
    root = docs.root()
    mdv = docs.MetaDataVersion()
    oids = {d.OID for d in mdv.ItemDef}
    subjects = root.ClinicalData[0].SubjectData if isinstance(root.ClinicalData, list) \
        else root.ClinicalData.SubjectData
    assert [s.SubjectKey for s in subjects] == ["P-001", "P-002"]
    for s in subjects:
        for ev in s.StudyEventData:
            for form in ev.FormData:
                for group in form.ItemGroupData:
                    assert {i.ItemOID for i in group.ItemData} <= oids


def _signed_and_corrected_study(path: Path) -> Path:
    from jdmdesk.db import records as repo
    from jdmdesk.db import signoff
    from jdmdesk.db.connection import write_transaction
    from jdmdesk.db.studyfile import open_study

    make_study(path)
    study = open_study(path)
    try:
        visit = next(r for r in study.db.query(
            "SELECT id, patient_id FROM visit WHERE visit_date = '2024-05-20'"))
        old = repo.require(study.db, "visit", visit["id"])
        with write_transaction(study.db):
            repo.update(study.db, "dr.smith", "visit", visit["id"], {**old.values, "sbp": 125},
                        dict(old.missing), "transcription error")
            signoff.sign(study.db, "dr.smith", "Dr Sam Smith", visit["id"])
    finally:
        study.close()
    return path


def test_identified_odm_carries_audit_records_users_and_signatures(tmp_path):
    path = _signed_and_corrected_study(tmp_path / "s.jdm")
    out = tmp_path / "study.xml"
    run_export(path, out, ExportOptions("odm", identified=True, include_free_text=True),
               session=MANAGER)
    doc = etree.parse(str(out))
    schema = etree.XMLSchema(etree.parse(str(ODM_XSD)))
    assert schema.validate(doc), schema.error_log
    users = {u.get("OID"): u.findtext("odm:LoginName", namespaces=NS)
             for u in doc.iterfind(".//odm:AdminData/odm:User", NS)}
    assert {"nurse.jones", "dr.smith"} <= set(users.values())
    locations = {loc.get("OID") for loc in doc.iterfind(".//odm:AdminData/odm:Location", NS)}
    sig_defs = {d.get("OID") for d in doc.iterfind(".//odm:AdminData/odm:SignatureDef", NS)}
    # every reference resolves
    for ref in doc.iterfind(".//odm:UserRef", NS):
        assert ref.get("UserOID") in users
    for ref in doc.iterfind(".//odm:LocationRef", NS):
        assert ref.get("LocationOID") in locations
    # the corrected value carries its change: who, where, when, why
    visit = doc.find(".//odm:StudyEventData[@StudyEventOID='SE.VISIT']", NS)
    sbp = visit.find(".//odm:ItemData[@ItemOID='I.VISIT.SBP']", NS)
    assert sbp.get("Value") == "125"
    record = sbp.find("odm:AuditRecord", NS)
    assert users[record.find("odm:UserRef", NS).get("UserOID")] == "dr.smith"
    assert record.findtext("odm:ReasonForChange", namespaces=NS) == "transcription error"
    assert record.findtext("odm:DateTimeStamp", namespaces=NS).endswith("Z")
    # an unchanged value has none; the form carries its creation
    assert visit.find(".//odm:ItemData[@ItemOID='I.VISIT.DBP']/odm:AuditRecord", NS) is None
    created = visit.find("odm:FormData/odm:AuditRecord", NS)
    assert users[created.find("odm:UserRef", NS).get("UserOID")] == "nurse.jones"
    # the sign-off is the visit event's Signature
    sig = visit.find("odm:Signature", NS)
    assert sig.find("odm:SignatureRef", NS).get("SignatureOID") in sig_defs
    assert users[sig.find("odm:UserRef", NS).get("UserOID")] == "dr.smith"
    assert doc.findall(".//odm:SubjectData//odm:Signature", NS) == [sig]
    # the whole trail, one AuditRecord per audit row
    trail = doc.findall(".//odm:ClinicalData/odm:AuditRecords/odm:AuditRecord", NS)
    assert len(trail) > 100 and trail[0].get("ID") == "AR.1"
    assert any(r.findtext("odm:ReasonForChange", namespaces=NS) == "transcription error"
               for r in trail)


@pytest.mark.parametrize("free_text", [False, True])
def test_pseudonymised_odm_has_no_audit_and_reasons_follow_the_option(tmp_path, free_text):
    path = _signed_and_corrected_study(tmp_path / "s.jdm")
    for identified in (False, True):
        out = tmp_path / f"study-{identified}.xml"
        run_export(path, out, ExportOptions("odm", identified=identified,
                                            include_free_text=free_text), session=MANAGER)
        text = out.read_text(encoding="utf-8")
        assert ("<AuditRecord" in text) == identified
        assert ("<AdminData" in text) == identified
        assert ("<Signature>" in text) == identified
        assert ("dr.smith" in text) == identified
        assert ("transcription error" in text) == (identified and free_text)
