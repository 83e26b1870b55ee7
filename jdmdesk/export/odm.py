"""CDISC ODM 1.3.2 XML: metadata from the data dictionary and the clinical data, streamed.

Design: two study events. ``SE.ENROLMENT`` holds the patient form; ``SE.FOLLOWUP`` holds the
repeating forms visit, medication, lab and adverse_event (``FormRepeatKey`` = 1, 2, … in date
order). Each form has one item group; its items are the columns of the matching export table
(so the pseudonymisation is the same as the bundle's: study days instead of dates by default).
The subject key is the study code. Units become ``MeasurementUnit``s, hard limits
``RangeCheck``s and code lists ``CodeList``s. The file validates against ODM1-3-2.xsd.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from jdmdesk import __version__
from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import Kind
from jdmdesk.export.csvio import number_cell
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import Column, Table
from jdmdesk.export.source import ExportSource
from jdmdesk.export.streams import PatientPeek

NS = "http://www.cdisc.org/ns/odm/v1.3"
STUDY_OID = "ST.JDMDESK"
MDV_OID = "MDV.JDMDESK.1"
FORMS = ("patient", "visit", "medication", "lab", "adverse_event")
FOLLOWUP_FORMS = ("visit", "medication", "lab", "adverse_event")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

DATATYPES: dict[str, str] = {
    Kind.INTEGER: "integer", Kind.DECIMAL: "float", Kind.BOOLEAN: "integer", Kind.DATE: "date",
    Kind.TIME: "time", Kind.TEXT: "text", Kind.LONGTEXT: "text", Kind.CODE: "text"}


def _attr(value: Any) -> str:
    return quoteattr(_XML_BAD.sub("", str(value)))


def _text(value: Any) -> str:
    return escape(_XML_BAD.sub("", str(value)))


def _tt(text: str) -> str:
    return f'<TranslatedText xml:lang="en">{_text(text)}</TranslatedText>'


def item_oid(form: str, column: str) -> str:
    return f"I.{form.upper()}.{column.upper()}"


def _items(table: Table) -> list[Column]:
    return [c for c in table.columns if c.name != "study_code"]


class _Meta:
    """OIDs of the units and code lists the items refer to."""

    def __init__(self, tables: list[Table]) -> None:
        self.units: dict[str, str] = {}
        self.codelists: dict[tuple[str, CodeList], str] = {}
        for t in tables:
            for c in _items(t):
                if c.unit and c.unit not in self.units:
                    self.units[c.unit] = f"MU.{len(self.units) + 1}"
                if c.codes:
                    key = (self._cl_type(c), c.codes)
                    self.codelists.setdefault(key, f"CL.{t.name.upper()}.{c.name.upper()}")

    @staticmethod
    def _cl_type(c: Column) -> str:
        return "integer" if c.kind == Kind.BOOLEAN else "text"

    def codelist_of(self, c: Column) -> str | None:
        return self.codelists.get((self._cl_type(c), c.codes)) if c.codes else None


def _metadata(out: IO[str], source: ExportSource, tables: dict[str, Table]) -> None:
    meta = _Meta(list(tables.values()))
    w = out.write
    name = source.study_name
    w(f"<Study OID={_attr(STUDY_OID)}>\n<GlobalVariables><StudyName>{_text(name)}</StudyName>"
      f"<StudyDescription>{_text(name)} (JDM Desk export)</StudyDescription>"
      f"<ProtocolName>{_text(name)}</ProtocolName></GlobalVariables>\n")
    w("<BasicDefinitions>\n")
    for unit, oid in meta.units.items():
        w(f"<MeasurementUnit OID={_attr(oid)} Name={_attr(unit)}><Symbol>{_tt(unit)}</Symbol>"
          "</MeasurementUnit>\n")
    w("</BasicDefinitions>\n")
    w(f"<MetaDataVersion OID={_attr(MDV_OID)} Name={_attr('JDM Desk data dictionary')} "
      f"Description={_attr('Schema ' + str(source.schema_version))}>\n")
    w('<Protocol><StudyEventRef StudyEventOID="SE.ENROLMENT" OrderNumber="1" Mandatory="Yes"/>'
      '<StudyEventRef StudyEventOID="SE.FOLLOWUP" OrderNumber="2" Mandatory="No"/></Protocol>\n')
    w('<StudyEventDef OID="SE.ENROLMENT" Name="Enrolment" Repeating="No" Type="Scheduled">'
      '<FormRef FormOID="F.PATIENT" OrderNumber="1" Mandatory="Yes"/></StudyEventDef>\n')
    w('<StudyEventDef OID="SE.FOLLOWUP" Name="Follow-up" Repeating="No" Type="Unscheduled">')
    for i, form in enumerate(FOLLOWUP_FORMS, start=1):
        w(f'<FormRef FormOID="F.{form.upper()}" OrderNumber="{i}" Mandatory="No"/>')
    w("</StudyEventDef>\n")
    for form in FORMS:
        t = tables[form]
        w(f'<FormDef OID="F.{form.upper()}" Name={_attr(t.label)} '
          f'Repeating="{"No" if form == "patient" else "Yes"}">'
          f'<ItemGroupRef ItemGroupOID="IG.{form.upper()}" Mandatory="Yes"/></FormDef>\n')
    for form in FORMS:
        t = tables[form]
        w(f'<ItemGroupDef OID="IG.{form.upper()}" Name={_attr(t.label)} Repeating="No">'
          f"<Description>{_tt(t.description)}</Description>\n")
        for i, c in enumerate(_items(t), start=1):
            mandatory = "Yes" if c.name == "record_id" else "No"
            w(f'<ItemRef ItemOID="{item_oid(form, c.name)}" OrderNumber="{i}" '
              f'Mandatory="{mandatory}"/>\n')
        w("</ItemGroupDef>\n")
    for form in FORMS:
        for c in _items(tables[form]):
            origin = {"entered": "CRF", "derived": "Derived", "key": "Assigned"}[c.origin]
            w(f'<ItemDef OID="{item_oid(form, c.name)}" Name={_attr(c.name)} '
              f'DataType="{DATATYPES[c.kind]}" Origin="{origin}">')
            w(f"<Description>{_tt(c.label + ('. ' + c.description if c.description else ''))}"
              "</Description>")
            w(f"<Question>{_tt(c.label)}</Question>")
            if c.unit:
                w(f'<MeasurementUnitRef MeasurementUnitOID="{meta.units[c.unit]}"/>')
            if c.range is not None and c.numeric:
                for comparator, bound in (("GE", c.range[0]), ("LE", c.range[1])):
                    w(f'<RangeCheck Comparator="{comparator}" SoftHard="Hard">'
                      f"<CheckValue>{number_cell(bound)}</CheckValue></RangeCheck>")
            cl = meta.codelist_of(c)
            if cl:
                w(f'<CodeListRef CodeListOID="{cl}"/>')
            w("</ItemDef>\n")
    for (dtype, codes), oid in meta.codelists.items():
        w(f'<CodeList OID="{oid}" Name="{oid[3:].lower()}" DataType="{dtype}">')
        for code, label in codes:
            w(f"<CodeListItem CodedValue={_attr(code)}><Decode>{_tt(label)}</Decode>"
              "</CodeListItem>")
        w("</CodeList>\n")
    w("</MetaDataVersion>\n</Study>\n")


def _item_data(form: str, columns: list[Column], row: list[Any]) -> str:
    parts = []
    for c, v in zip(columns, row, strict=True):
        if c.name == "study_code" or v is None or v == "":
            continue
        value = number_cell(v) if c.numeric else v
        parts.append(f'<ItemData ItemOID="{item_oid(form, c.name)}" Value={_attr(value)}/>')
    return "".join(parts)


def write_odm(source: ExportSource, path: Path, progress: Progress) -> dict[str, int]:
    tables = {t.name: t for t in source.tables if t.name in FORMS}
    counts = dict.fromkeys(FORMS, 0)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<ODM xmlns="{NS}" FileType="Snapshot" FileOID="JDMDESK.EXPORT" '
                  f'CreationDateTime="{source.exported_at}" ODMVersion="1.3.2" '
                  f'Originator="JDM Desk" SourceSystem="JDM Desk" '
                  f'SourceSystemVersion="{__version__}">\n')
        _metadata(out, source, tables)
        out.write(f'<ClinicalData StudyOID="{STUDY_OID}" MetaDataVersionOID="{MDV_OID}">\n')
        streams = {f: PatientPeek(source.rows(tables[f])) for f in FORMS}
        cols = {f: list(tables[f].columns) for f in FORMS}
        for pid, ctx in source.contexts.items():
            out.write(f"<SubjectData SubjectKey={_attr(ctx.study_code)}>\n")
            for row in streams["patient"].take(pid):
                out.write('<StudyEventData StudyEventOID="SE.ENROLMENT">'
                          '<FormData FormOID="F.PATIENT"><ItemGroupData ItemGroupOID='
                          f'"IG.PATIENT">{_item_data("patient", cols["patient"], row)}'
                          "</ItemGroupData></FormData></StudyEventData>\n")
                counts["patient"] += 1
                progress.step()
            opened = False
            for form in FOLLOWUP_FORMS:
                for n, row in enumerate(streams[form].take(pid), start=1):
                    if not opened:
                        out.write('<StudyEventData StudyEventOID="SE.FOLLOWUP">\n')
                        opened = True
                    out.write(f'<FormData FormOID="F.{form.upper()}" FormRepeatKey="{n}">'
                              f'<ItemGroupData ItemGroupOID="IG.{form.upper()}">'
                              f"{_item_data(form, cols[form], row)}</ItemGroupData>"
                              "</FormData>\n")
                    counts[form] += 1
                    progress.step()
            if opened:
                out.write("</StudyEventData>\n")
            out.write("</SubjectData>\n")
        out.write("</ClinicalData>\n</ODM>\n")
    return counts
