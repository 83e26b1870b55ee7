"""REDCap: a ZIP with the data dictionary and the data import CSV of a longitudinal project.

How to create the project (in this order; REDCap refuses data for events, instruments or
fields it does not know yet):

1. New project, longitudinal ("Use longitudinal data collection with defined events").
   Project Setup > Additional customizations > Missing Data Codes: paste the line in
   ``redcap_missing_data_codes.txt`` (a field left empty for a known reason holds one of these
   codes instead of having a separate ``*_missing`` field).
2. ``redcap_data_dictionary.csv``: Project Setup > Data Dictionary > upload. Instruments:
   ``patient``, ``visit``, ``medication``, ``lab``, ``adverse_event``.
3. Events (Project Setup > Define My Events), one arm: create the events with exactly the
   labels in ``redcap_events.csv`` (``Enrolment``, ``Followup``). REDCap makes each unique
   event name from the label (lowercased, other characters replaced by ``_``, truncated, then
   ``_arm_1``); these labels are short lowercase-safe words, so the names are certainly
   ``enrolment_arm_1`` and ``followup_arm_1``, as used in the data file. Check the unique
   names REDCap shows against the file before importing.
4. Designate Instruments for My Events: ``redcap_instrument_event_mapping.csv`` (patient in
   Enrolment; visit, medication, lab and adverse_event in Followup).
5. Repeating instruments (Project Setup > Enable repeating instruments and events):
   visit, medication, lab and adverse_event repeat within Followup
   (``redcap_repeating_instruments.csv``).
6. Data: ``redcap_import.csv`` with the Data Import Tool (or the API); ``record_id`` is the
   study code, with ``redcap_event_name``, ``redcap_repeat_instrument`` and
   ``redcap_repeat_instance``.

Variable names are the export columns, at most 26 characters; a name used by several
instruments (``note``, ``onset_date_day``, the record UUID …) gets the instrument's prefix
(``pt_``, ``vis_``, ``med_``, ``lab_``, ``ae_``) because REDCap names are unique across the
project. The CMAS, MMT8 and CHAQ items are radio buttons in matrix groups (CMAS items grouped
by their scale, so each group shares its choices). Code values that REDCap would refuse
(``mg/kg``, ``µkat/L``) are rewritten to letters, digits and ``_``; the label keeps the
original. Values are written exactly as entered. In an identified export every date field is
marked as an identifier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdmdesk.domain import mdi
from jdmdesk.domain.codes import CodeList, missing_export_code
from jdmdesk.domain.fields import RECORD_TYPES, Kind
from jdmdesk.export.csvio import number_cell
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import DAY_MISSING_CODES, NO_TACROLIMUS, Column, Table
from jdmdesk.export.source import ExportSource
from jdmdesk.export.streams import PatientPeek
from jdmdesk.export.zipmembers import ZipMembers

FORMS = ("patient", "visit", "medication", "lab", "adverse_event")
PREFIX = {"patient": "pt", "visit": "vis", "medication": "med", "lab": "lab",
          "adverse_event": "ae"}
ARM = 1
ENROLMENT_LABEL, FOLLOW_UP_LABEL = "Enrolment", "Followup"
NAME_MAX = 26
DICTIONARY_HEADER = [
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
]
KEYS = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"]
# REDCap's project-level missing data codes, one per missing reason
MISSING_DATA_CODES: dict[str, str] = {
    **{missing_export_code(reason): code for reason, code in (
        ("not_done", "ND"), ("not_applicable", "NA"), ("unknown", "UNK"), ("refused", "REF"),
        ("lost", "LOST"))},
    NO_TACROLIMUS: "NOTAC"}
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def unique_event_name(label: str, arm: int = ARM) -> str:
    """The unique event name REDCap generates from an event label (for labels of letters,
    digits and spaces, where REDCap's variants of the rule agree)."""
    text = re.sub(r"[^a-z0-9]", "_", label.lower())[:18].strip("_")
    return f"{text}_arm_{arm}"


ENROLMENT, FOLLOW_UP = unique_event_name(ENROLMENT_LABEL), unique_event_name(FOLLOW_UP_LABEL)


def missing_data_codes() -> str:
    """The text for Project Setup > Missing Data Codes."""
    labels = dict(DAY_MISSING_CODES)
    return " | ".join(f"{code}, {labels[reason]}" for reason, code in MISSING_DATA_CODES.items())


def redcap_code(code: str) -> str:
    return _UNSAFE.sub("_", code.replace("µ", "u").replace("\u03bc", "u")) or "_"


def _choices(codes: CodeList) -> str:
    return " | ".join(f"{redcap_code(c)}, {label.replace('|', '/')}" for c, label in codes)


def matrix_group(form: str, c: Column) -> str:
    """The matrix group of a CMAS, MMT8 or CHAQ item ("" for other fields)."""
    if form != "visit" or c.kind != Kind.INTEGER or c.range is None:
        return ""
    if re.fullmatch(r"cmas_\d+", c.name):
        return f"cmas_{int(c.range[0])}_{int(c.range[1])}"
    if c.name.startswith(("mmt8_", "chaq_")) and c.origin == "entered":
        return c.name.split("_", 1)[0]
    return ""


@dataclass(frozen=True)
class Field:
    name: str
    form: str
    column: Column
    index: int  # of the value in the table row
    missing_index: int | None = None  # of the ``_missing`` reason folded into this field
    matrix: str = ""


def _short(name: str, used: set[str]) -> str:
    if len(name) <= NAME_MAX and name not in used:
        return name
    for i in range(1, 100):
        cut = f"{name[:NAME_MAX - len(str(i)) - 1]}_{i}"
        if cut not in used:
            return cut
    raise ValueError(f"no short REDCap name for {name}")


def _form_fields(form: str, table: Table, shared: Counter[str]) -> list[Field]:
    cols = list(table.columns)
    index = {c.name: i for i, c in enumerate(cols)}
    fields: list[Field] = []
    for i, c in enumerate(cols):
        if c.name == "study_code":
            continue
        if c.name.endswith("_missing") and c.name.removesuffix("_missing") in index:
            continue  # a REDCap missing data code in its field
        name = c.name
        if shared[name] > 1 or name == "record_id":
            name = f"{PREFIX[form]}_{'uuid' if name == 'record_id' else name}"
        fields.append(Field(name, form, c, i, index.get(f"{c.name}_missing"),
                            matrix_group(form, c)))
    # the members of a matrix group are contiguous, at the place of the group's first member
    order: list[Field] = []
    for f in fields:
        if not f.matrix:
            order.append(f)
        elif not any(o.matrix == f.matrix for o in order):
            order += [g for g in fields if g.matrix == f.matrix]
    return order


def redcap_fields(tables: dict[str, Table]) -> list[Field]:
    shared = Counter(c.name for f in FORMS for c in tables[f].columns if c.name != "study_code")
    fields: list[Field] = []
    used: set[str] = {"record_id"}
    for form in FORMS:
        for f in _form_fields(form, tables[form], shared):
            name = _short(f.name, used)
            used.add(name)
            fields.append(Field(name, f.form, f.column, f.index, f.missing_index, f.matrix))
    return fields


def _identifier(f: Field) -> bool:
    if f.column.kind == Kind.DATE:
        return True  # only identified exports have calendar dates
    try:
        return RECORD_TYPES[f.form].field(f.column.name).identifying
    except KeyError:
        return False


def _mdi_system(f: Field) -> str:
    """The Myositis Damage Index system key of an MDI item or VAS ("" for other fields)."""
    name = f.column.name
    if f.form != "visit" or not name.startswith(mdi.PREFIX) or f.column.origin != "entered":
        return ""
    return name.removeprefix(mdi.PREFIX).split("_", 1)[0]


def _section(f: Field, previous: Field | None) -> str:
    system = _mdi_system(f)
    if system and (previous is None or _mdi_system(previous) != system):
        if system == "global":
            return "Myositis Damage Index: global damage"
        return f"Myositis Damage Index: {mdi.SYSTEMS_BY_KEY[system].label}"
    if not f.matrix or (previous is not None and previous.matrix == f.matrix):
        return ""
    if f.matrix.startswith("cmas_"):
        lo, hi = f.column.range or (0, 0)
        return f"CMAS items scored {int(lo)} to {int(hi)}"
    return {"mmt8": "MMT8 (0 to 10 per muscle group)",
            "chaq": "CHAQ (0 to 3 per domain)"}[f.matrix]


def dictionary_rows(fields: list[Field]) -> Iterator[list[str]]:
    yield ["record_id", "patient", "", "text", "Study code", "", "Patient key", "", "", "",
           "", "", "y", "", "", "", "", ""]  # required, not an identifier (pseudonymous)
    previous: Field | None = None
    for f in fields:
        c = f.column
        ftype, choices, validation, vmin, vmax = "text", "", "", "", ""
        if f.matrix and c.range is not None:
            ftype = "radio"
            choices = " | ".join(f"{n}, {n}" for n in range(int(c.range[0]),
                                                            int(c.range[1]) + 1))
        elif c.kind == Kind.BOOLEAN:
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
        yield [f.name, f.form, _section(f, previous), ftype, c.label, choices, note,
               validation, vmin, vmax, "y" if _identifier(f) else "", "", "", "", "",
               f.matrix, "", "@READONLY" if c.origin != "entered" else ""]
        previous = f


def _cell(f: Field, row: list[Any]) -> Any:
    value = row[f.index]
    if value is None or value == "":
        reason = row[f.missing_index] if f.missing_index is not None else None
        return MISSING_DATA_CODES[reason] if reason else None
    if f.column.codes and not f.column.numeric:
        return redcap_code(str(value))
    return value


def _import_rows(source: ExportSource, tables: dict[str, Table], fields: list[Field],
                 counts: dict[str, int], progress: Progress) -> Iterator[list[Any]]:
    width = len(KEYS) + len(fields)
    slots: dict[str, list[tuple[int, Field]]] = {f: [] for f in FORMS}
    for i, f in enumerate(fields, start=len(KEYS)):
        slots[f.form].append((i, f))
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
                for i, f in slots[form]:
                    out[i] = _cell(f, row)
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
        z.text("redcap_missing_data_codes.txt", missing_data_codes() + "\n")
        z.csv("redcap_events.csv", ["event_name", "arm_num", "unique_event_name"],
              [False, True, False],
              [[ENROLMENT_LABEL, ARM, ENROLMENT], [FOLLOW_UP_LABEL, ARM, FOLLOW_UP]])
        z.csv("redcap_instrument_event_mapping.csv", ["arm_num", "unique_event_name", "form"],
              [True, False, False],
              [[ARM, ENROLMENT if f == "patient" else FOLLOW_UP, f] for f in FORMS])
        z.csv("redcap_repeating_instruments.csv",
              ["event_name", "form_name", "custom_form_label"], [False] * 3,
              [[FOLLOW_UP, f, ""] for f in FORMS if f != "patient"])
        header = [*KEYS, *(f.name for f in fields)]
        # numbers as numbers (a missing data code passes through as it is); text as entered
        numeric = [False, False, False, True, *(f.column.numeric for f in fields)]
        z.csv("redcap_import.csv", header, numeric,
              _import_rows(source, tables, fields, counts, progress), neutralise_text=False)
        z.text("README.txt", (__doc__ or "").strip() + "\n\nMissing data codes: "
               + missing_data_codes() + "\n\nDe-identification applied:\n"
               + "".join(f"- {s}\n" for s in source.deidentification_steps()))
        progress.check()
        z.manifest(source.manifest_base())
    finally:
        z.close()
    return counts
