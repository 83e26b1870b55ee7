"""REDCap: a ZIP with the data dictionary and the data import CSV of a longitudinal project.

Project design (set it up in REDCap from the files in the ZIP, in this order):

1. ``redcap_data_dictionary.csv``: Project Setup > Data Dictionary. Instruments: ``patient``,
   ``visit``, ``medication``, ``lab``, ``adverse_event``.
2. ``redcap_events.csv`` and ``redcap_instrument_event_mapping.csv``: one arm, events
   ``enrolment_arm_1`` (patient) and ``follow_up_arm_1`` (the four clinical instruments).
3. ``redcap_repeating_instruments.csv``: visit, medication, lab and adverse_event repeat
   within ``follow_up_arm_1``.
4. ``redcap_import.csv``: Data Import Tool (or the API); ``record_id`` is the study code,
   with ``redcap_event_name``, ``redcap_repeat_instrument`` and ``redcap_repeat_instance``.

Variable names are the export columns; a name used by several instruments (``note``,
``onset_date_day``, the record UUID …) gets the instrument's prefix (``pt_``, ``vis_``,
``med_``, ``lab_``, ``ae_``) because REDCap names are unique across the project. Code values
that REDCap would refuse (``mg/kg``, ``µkat/L``) are rewritten to letters, digits and ``_``;
the label keeps the original. The CSV rules of the bundle apply (text cells that could start a
formula get a leading apostrophe).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import RECORD_TYPES, Kind
from jdmdesk.export.csvio import number_cell
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import Column, Table
from jdmdesk.export.source import ExportSource
from jdmdesk.export.streams import PatientPeek
from jdmdesk.export.zipmembers import ZipMembers

FORMS = ("patient", "visit", "medication", "lab", "adverse_event")
PREFIX = {"patient": "pt", "visit": "vis", "medication": "med", "lab": "lab",
          "adverse_event": "ae"}
ENROLMENT, FOLLOW_UP = "enrolment_arm_1", "follow_up_arm_1"
DICTIONARY_HEADER = [
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
]
KEYS = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"]
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def redcap_code(code: str) -> str:
    return _UNSAFE.sub("_", code.replace("µ", "u").replace("\u03bc", "u")) or "_"


def _choices(codes: CodeList) -> str:
    return " | ".join(f"{redcap_code(c)}, {label.replace('|', '/')}" for c, label in codes)


@dataclass(frozen=True)
class Field:
    name: str
    form: str
    column: Column


def redcap_fields(tables: dict[str, Table]) -> list[Field]:
    used = Counter(c.name for f in FORMS for c in tables[f].columns if c.name != "study_code")
    fields = []
    for form in FORMS:
        for c in tables[form].columns:
            if c.name == "study_code":
                continue
            name = c.name
            if used[name] > 1 or name == "record_id":
                name = f"{PREFIX[form]}_{'uuid' if name == 'record_id' else name}"
            fields.append(Field(name, form, c))
    return fields


def _identifying(form: str, column: Column) -> bool:
    rt = RECORD_TYPES[form]
    try:
        return rt.field(column.name).identifying
    except KeyError:
        return False


def dictionary_rows(fields: list[Field]) -> Iterator[list[str]]:
    yield ["record_id", "patient", "", "text", "Study code", "", "Patient key", "", "", "",
           "", "", "y", "", "", "", "", ""]  # required, not an identifier (pseudonymous)
    for f in fields:
        c = f.column
        ftype, choices, validation, vmin, vmax = "text", "", "", "", ""
        if c.kind == Kind.BOOLEAN:
            ftype = "yesno"
        elif c.codes:
            ftype, choices = "dropdown", _choices(c.codes)
        elif c.kind == Kind.LONGTEXT:
            ftype = "notes"
        elif c.kind in (Kind.INTEGER, Kind.DECIMAL):
            validation = "integer" if c.kind == Kind.INTEGER else "number"
            if c.range is not None:
                vmin, vmax = number_cell(c.range[0]), number_cell(c.range[1])
        elif c.kind == Kind.DATE:
            validation = "date_ymd"
        elif c.kind == Kind.TIME:
            validation = "time"
        note = c.unit if c.origin != "derived" else \
            f"{c.unit + '; ' if c.unit else ''}derived by JDM Desk"
        yield [f.name, f.form, "", ftype, c.label, choices, note, validation, vmin, vmax,
               "y" if _identifying(f.form, c) else "", "", "", "", "", "", "",
               "@READONLY" if c.origin != "entered" else ""]


def _cell(c: Column, value: Any) -> Any:
    if value is None:
        return None
    if c.codes and not c.numeric:
        return redcap_code(str(value))
    return value


def _import_rows(source: ExportSource, tables: dict[str, Table], fields: list[Field],
                 counts: dict[str, int], progress: Progress) -> Iterator[list[Any]]:
    width = len(KEYS) + len(fields)
    slots: dict[str, list[tuple[int, int, Column]]] = {f: [] for f in FORMS}
    index = {(f.form, f.column.name): i for i, f in enumerate(fields, start=len(KEYS))}
    for form in FORMS:
        for j, c in enumerate(tables[form].columns):
            if c.name != "study_code":
                slots[form].append((j, index[(form, c.name)], c))
    streams = {f: PatientPeek(source.rows(tables[f])) for f in FORMS}
    for pid, ctx in source.contexts.items():
        for form in FORMS:
            for n, row in enumerate(streams[form].take(pid), start=1):
                out: list[Any] = [None] * width
                out[0] = ctx.study_code
                if form == "patient":
                    out[1] = ENROLMENT
                else:
                    out[1], out[2], out[3] = FOLLOW_UP, form, n
                for j, i, c in slots[form]:
                    out[i] = _cell(c, row[j])
                counts[form] += 1
                progress.step()
                yield out


def write_redcap(source: ExportSource, path: Path, progress: Progress) -> dict[str, int]:
    tables = {t.name: t for t in source.tables if t.name in FORMS}
    fields = redcap_fields(tables)
    counts = dict.fromkeys(FORMS, 0)
    z = ZipMembers(path)
    try:
        z.csv("redcap_data_dictionary.csv", DICTIONARY_HEADER, [False] * len(DICTIONARY_HEADER),
              dictionary_rows(fields), neutralise_text=False)
        z.csv("redcap_events.csv", ["event_name", "arm_num", "unique_event_name"],
              [False, True, False],
              [["Enrolment", 1, ENROLMENT], ["Follow-up", 1, FOLLOW_UP]])
        z.csv("redcap_instrument_event_mapping.csv", ["arm_num", "unique_event_name", "form"],
              [True, False, False],
              [[1, ENROLMENT if f == "patient" else FOLLOW_UP, f] for f in FORMS])
        z.csv("redcap_repeating_instruments.csv",
              ["event_name", "form_name", "custom_form_label"], [False] * 3,
              [[FOLLOW_UP, f, ""] for f in FORMS if f != "patient"])
        header = [*KEYS, *(f.name for f in fields)]
        numeric = [False, False, False, True, *(f.column.numeric for f in fields)]
        z.csv("redcap_import.csv", header, numeric,
              _import_rows(source, tables, fields, counts, progress))
        z.text("README.txt", (__doc__ or "").strip() + "\n\nDe-identification applied:\n"
               + "".join(f"- {s}\n" for s in source.deidentification_steps()))
        progress.check()
        z.manifest(source.manifest_base())
    finally:
        z.close()
    return counts
