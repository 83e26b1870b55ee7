"""CDISC ODM 1.3.2 XML: metadata from the data dictionary and the clinical data, streamed.

Design: three study events. ``SE.ENROLMENT`` holds the patient form; ``SE.VISIT`` repeats, one
``StudyEventRepeatKey`` per visit (1, 2, … in date order); ``SE.FOLLOWUP`` holds the repeating
forms medication, lab and adverse_event (``FormRepeatKey`` = 1, 2, … in date order). Each form
has one item group; its items are the columns of the matching export table (so the
pseudonymisation is the same as the bundle's: study days instead of dates by default).
The subject key is the study code. Units become ``MeasurementUnit``s (a lab value's ItemData
names the unit it was entered in), hard limits ``RangeCheck``s and code lists ``CodeList``s.
Times are ``xs:time`` (seconds added). The XML is built with lxml and streamed one subject at a
time through ``etree.xmlfile``; the file validates against ODM1-3-2.xsd.

An identified export adds ``AdminData`` (users, the location, signature definitions), the audit
trail as ``AuditRecord``s and visit sign-offs as ``Signature``s (see ``odm_admin``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from jdmdesk import __version__
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import Kind
from jdmdesk.export.csvio import number_cell
from jdmdesk.export.odm_admin import OdmAudit
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import Column, Table
from jdmdesk.export.source import ExportSource
from jdmdesk.export.streams import PatientPeek

NS = "http://www.cdisc.org/ns/odm/v1.3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STUDY_OID = "ST.JDMDESK"
MDV_OID = "MDV.JDMDESK.1"
FORMS = ("patient", "visit", "medication", "lab", "adverse_event")
FOLLOWUP_FORMS = ("medication", "lab", "adverse_event")
# (OID, name, repeating, type, forms)
EVENTS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("SE.ENROLMENT", "Enrolment", "No", "Scheduled", ("patient",)),
    ("SE.VISIT", "Visit", "Yes", "Unscheduled", ("visit",)),
    ("SE.FOLLOWUP", "Follow-up", "No", "Unscheduled", FOLLOWUP_FORMS),
)
# lab columns whose unit is the row's own (entered unit, or the analyte's canonical unit)
LAB_UNIT_OF = {"value": "unit", "ref_low": "unit", "ref_high": "unit",
               "value_canonical": "canonical_unit"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

DATATYPES: dict[str, str] = {
    Kind.INTEGER: "integer", Kind.DECIMAL: "float", Kind.BOOLEAN: "integer", Kind.DATE: "date",
    Kind.TIME: "time", Kind.TEXT: "text", Kind.LONGTEXT: "text", Kind.CODE: "text"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _clean(value: Any) -> str:
    return _XML_BAD.sub("", str(value))


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), {k: _clean(v) for k, v in attrs.items()})


def _translated(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = _sub(parent, tag)
    tt = etree.SubElement(el, _q("TranslatedText"), {XML_LANG: "en"})
    tt.text = _clean(text)
    return el


def item_oid(form: str, column: str) -> str:
    return f"I.{form.upper()}.{column.upper()}"


def _items(table: Table) -> list[Column]:
    return [c for c in table.columns if c.name != "study_code"]


def _lab_units() -> list[str]:
    return sorted({u for a in ANALYTES.values() for u in (*a.units, a.canonical_unit)})


class _Meta:
    """OIDs of the units and code lists the items refer to."""

    def __init__(self, tables: list[Table]) -> None:
        self.units: dict[str, str] = {}
        self.codelists: dict[tuple[str, CodeList], str] = {}
        for t in tables:
            for c in _items(t):
                if c.unit:
                    self.unit_oid(c.unit)
                if c.codes:
                    key = (self._cl_type(c), c.codes)
                    self.codelists.setdefault(key, f"CL.{t.name.upper()}.{c.name.upper()}")
        for unit in _lab_units():
            self.unit_oid(unit)

    def unit_oid(self, unit: str) -> str:
        if unit not in self.units:
            self.units[unit] = f"MU.{len(self.units) + 1}"
        return self.units[unit]

    @staticmethod
    def _cl_type(c: Column) -> str:
        return "integer" if c.kind == Kind.BOOLEAN else "text"

    def codelist_of(self, c: Column) -> str | None:
        return self.codelists.get((self._cl_type(c), c.codes)) if c.codes else None

    def item_units(self, form: str, c: Column) -> list[str]:
        if form == "lab" and c.name in LAB_UNIT_OF:
            return [self.units[u] for u in _lab_units()]
        return [self.units[c.unit]] if c.unit else []


def _item_def(mdv: etree._Element, meta: _Meta, form: str, c: Column) -> None:
    origin = {"entered": "CRF", "derived": "Derived", "key": "Assigned"}[c.origin]
    el = _sub(mdv, "ItemDef", OID=item_oid(form, c.name), Name=c.name,
              DataType=DATATYPES[c.kind], Origin=origin)
    _translated(el, "Description", c.label + (". " + c.description if c.description else ""))
    _translated(el, "Question", c.label)
    for oid in meta.item_units(form, c):
        _sub(el, "MeasurementUnitRef", MeasurementUnitOID=oid)
    if c.range is not None and c.numeric:
        for comparator, bound in (("GE", c.range[0]), ("LE", c.range[1])):
            check = _sub(el, "RangeCheck", Comparator=comparator, SoftHard="Hard")
            _sub(check, "CheckValue").text = number_cell(bound)
    cl = meta.codelist_of(c)
    if cl:
        _sub(el, "CodeListRef", CodeListOID=cl)


def metadata(source: ExportSource,
             tables: dict[str, Table]) -> tuple[etree._Element, dict[str, str]]:
    """The Study element (global variables, units, the metadata version) and the unit OIDs."""
    meta = _Meta(list(tables.values()))
    name = source.study_name
    study = etree.Element(_q("Study"), {"OID": STUDY_OID}, nsmap={None: NS})
    gv = _sub(study, "GlobalVariables")
    _sub(gv, "StudyName").text = _clean(name)
    _sub(gv, "StudyDescription").text = _clean(f"{name} (JDM Desk export)")
    _sub(gv, "ProtocolName").text = _clean(name)
    basic = _sub(study, "BasicDefinitions")
    for unit, oid in meta.units.items():
        mu = _sub(basic, "MeasurementUnit", OID=oid, Name=unit)
        _translated(mu, "Symbol", unit)
    mdv = _sub(study, "MetaDataVersion", OID=MDV_OID, Name="JDM Desk data dictionary",
               Description=f"Schema {source.schema_version}")
    protocol = _sub(mdv, "Protocol")
    for i, (oid, *_rest) in enumerate(EVENTS, start=1):
        _sub(protocol, "StudyEventRef", StudyEventOID=oid, OrderNumber=str(i),
             Mandatory="Yes" if i == 1 else "No")
    for oid, label, repeating, kind, forms in EVENTS:
        ev = _sub(mdv, "StudyEventDef", OID=oid, Name=label, Repeating=repeating, Type=kind)
        for i, form in enumerate(forms, start=1):
            _sub(ev, "FormRef", FormOID=f"F.{form.upper()}", OrderNumber=str(i),
                 Mandatory="Yes" if form == "patient" else "No")
    for form in FORMS:
        repeating = "Yes" if form in FOLLOWUP_FORMS else "No"
        f = _sub(mdv, "FormDef", OID=f"F.{form.upper()}", Name=tables[form].label,
                 Repeating=repeating)
        _sub(f, "ItemGroupRef", ItemGroupOID=f"IG.{form.upper()}", Mandatory="Yes")
    for form in FORMS:
        t = tables[form]
        ig = _sub(mdv, "ItemGroupDef", OID=f"IG.{form.upper()}", Name=t.label, Repeating="No")
        _translated(ig, "Description", t.description)
        for i, c in enumerate(_items(t), start=1):
            _sub(ig, "ItemRef", ItemOID=item_oid(form, c.name), OrderNumber=str(i),
                 Mandatory="Yes" if c.name == "record_id" else "No")
    for form in FORMS:
        for c in _items(tables[form]):
            _item_def(mdv, meta, form, c)
    for (dtype, codes), oid in meta.codelists.items():
        cl = _sub(mdv, "CodeList", OID=oid, Name=oid[3:].lower(), DataType=dtype)
        for code, label in codes:
            item = _sub(cl, "CodeListItem", CodedValue=code)
            _translated(item, "Decode", label)
    return study, meta.units


_NUMERIC = frozenset((Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN))
_HH_MM = re.compile(r"\d\d:\d\d")
_ITEM_DATA = f"{{{NS}}}ItemData"
_UNIT_REF = f"{{{NS}}}MeasurementUnitRef"


def odm_value(c: Column, v: Any) -> str:
    """The ItemData Value for a cell: numbers as written in the CSVs, times as xs:time."""
    if c.kind in _NUMERIC:
        return number_cell(v)
    text = _clean(v)
    if c.kind == Kind.TIME and _HH_MM.fullmatch(text):
        return f"{text}:00"  # xs:time needs seconds
    return text


class _Forms:
    """Writes one form's ItemGroupData from a table row."""

    def __init__(self, tables: dict[str, Table], units: dict[str, str],
                 audit: OdmAudit | None) -> None:
        self.audit = audit
        self.record_index: dict[str, int] = {}
        # per form: (row index, column, item OID, unit column index or -1)
        self.items: dict[str, list[tuple[int, Column, str, int]]] = {}
        for f in FORMS:
            cols = list(tables[f].columns)
            names = [c.name for c in cols]
            self.record_index[f] = names.index("record_id")
            self.items[f] = [
                (i, c, item_oid(f, c.name),
                 names.index(LAB_UNIT_OF[c.name]) if f == "lab" and c.name in LAB_UNIT_OF
                 and LAB_UNIT_OF[c.name] in names else -1)
                for i, c in enumerate(cols) if c.name != "study_code"]
        self.unit_refs = dict(units)  # unit -> MeasurementUnitOID

    def form(self, parent: etree._Element, form: str, row: list[Any],
             repeat: int | None = None) -> str:
        """The form's data under ``parent``; returns the record id."""
        attrs = {"FormOID": f"F.{form.upper()}"}
        if repeat is not None:
            attrs["FormRepeatKey"] = str(repeat)
        fd = etree.SubElement(parent, _q("FormData"), attrs)
        ig = etree.SubElement(fd, _q("ItemGroupData"), {"ItemGroupOID": f"IG.{form.upper()}"})
        record_id = str(row[self.record_index[form]])
        audit = self.audit
        for i, c, oid, unit_at in self.items[form]:
            v = row[i]
            if v is None or v == "":
                continue
            value = odm_value(c, v)
            # keyword attributes: about twice as fast in lxml as an attribute dict
            item = etree.SubElement(ig, _ITEM_DATA, ItemOID=oid, Value=value)
            if audit is not None and c.origin == "entered":
                audit.on_item(item, record_id, c.name)
            if unit_at >= 0:
                ref = self.unit_refs.get(row[unit_at])
                if ref is not None:
                    etree.SubElement(item, _UNIT_REF, MeasurementUnitOID=ref)
        if audit is not None:
            audit.on_form(fd, record_id)
        return record_id


def write_odm(source: ExportSource, path: Path, progress: Progress) -> dict[str, int]:
    tables = {t.name: t for t in source.tables if t.name in FORMS}
    counts = dict.fromkeys(FORMS, 0)
    study, units = metadata(source, tables)
    audit = OdmAudit(source.db, include_free_text=source.options.include_free_text) \
        if source.options.identified else None
    writer = _Forms(tables, units, audit)
    streams = {f: PatientPeek(source.rows(tables[f])) for f in FORMS}
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_q("ODM"), {
                "FileType": "Snapshot", "FileOID": "JDMDESK.EXPORT",
                "CreationDateTime": source.exported_at, "ODMVersion": "1.3.2",
                "Originator": "JDM Desk", "SourceSystem": "JDM Desk",
                "SourceSystemVersion": __version__}, nsmap={None: NS}):
            xf.write("\n")
            xf.write(study, pretty_print=True)
            if audit is not None:
                xf.write(audit.admin_data(STUDY_OID, MDV_OID, source.study_name,
                                          source.exported_at), pretty_print=True)
            with xf.element(_q("ClinicalData"), StudyOID=STUDY_OID, MetaDataVersionOID=MDV_OID):
                xf.write("\n")
                for pid, ctx in source.contexts.items():
                    subject = etree.Element(_q("SubjectData"),
                                            {"SubjectKey": _clean(ctx.study_code)},
                                            nsmap={None: NS})
                    for row in streams["patient"].take(pid):
                        ev = _sub(subject, "StudyEventData", StudyEventOID="SE.ENROLMENT")
                        writer.form(ev, "patient", row)
                        counts["patient"] += 1
                        progress.step()
                    signed = audit.signatures(pid) if audit is not None else {}
                    for n, row in enumerate(streams["visit"].take(pid), start=1):
                        ev = _sub(subject, "StudyEventData", StudyEventOID="SE.VISIT",
                                  StudyEventRepeatKey=str(n))
                        visit_id = writer.form(ev, "visit", row)
                        if visit_id in signed:
                            OdmAudit.signature(ev, signed[visit_id])
                        counts["visit"] += 1
                        progress.step()
                    followup: etree._Element | None = None
                    for form in FOLLOWUP_FORMS:
                        for n, row in enumerate(streams[form].take(pid), start=1):
                            if followup is None:
                                followup = _sub(subject, "StudyEventData",
                                                StudyEventOID="SE.FOLLOWUP")
                            writer.form(followup, form, row, n)
                            counts[form] += 1
                            progress.step()
                    xf.write(subject, pretty_print=True)
                if audit is not None:
                    with xf.element(_q("AuditRecords")):
                        xf.write("\n")
                        for record in audit.trail():
                            xf.write(record, pretty_print=True)
    return counts
