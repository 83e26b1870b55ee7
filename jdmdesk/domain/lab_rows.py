"""One row of a hospital lab file checked as the lab form checks a result (issue 20).

:class:`RowChecker` turns a row (the file's cells as text) into a lab draft through the
study's :class:`LabMapping` and validates it with :func:`validation.validate`, the lab form's
one validation (parsing, units, hard limits, plausibility, reference limits, censored values).
It then sorts the row into one of :data:`STATUSES`: ``new``; ``duplicate`` (equal to a stored
result or an earlier row: same patient, analyte, sample date and time, value in canonical units
and censoring flag); ``conflict`` (same patient, analyte and time, another value: never
overwritten); ``invalid``; ``unknown_patient``. Every problem names the file's line (the header
is line 1) and column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Final

from jdmdesk.domain import parse
from jdmdesk.domain.analytes import ANALYTES, normalise_unit
from jdmdesk.domain.lab_mapping import LabMapping
from jdmdesk.domain.lab_names import match_analyte
from jdmdesk.domain.texts import Message
from jdmdesk.domain.validation import Context, validate

STATUSES: Final = ("new", "duplicate", "conflict", "invalid", "unknown_patient")
BLOCKING: Final = ("invalid", "unknown_patient")  # these stop an all-or-nothing import

# unit spellings of hospital files beyond the catalogue's aliases (after casefold)
_UNIT_ALIASES: Final = {"ie/l": "U/L", "e/l": "U/L", "iu/l": "U/L", "u/l": "U/L",
                        "mm/uur": "mm/h", "mm/u": "mm/h", "mm/hr": "mm/h", "mm/1h": "mm/h",
                        "mm/hour": "mm/h", "meq/l": "mEq/L"}
_RANGE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*[-\u2013\u2014]\s*([0-9]+(?:[.,][0-9]+)?)\s*$")
_FIELD_ROLE: Final = {"sample_date": "sample_date", "sample_time": "sample_time",
                      "analyte": "test", "value": "value", "censored": "value", "unit": "unit",
                      "ref_low": "ref_low", "ref_high": "ref_high", "note": "value"}


@dataclass(frozen=True)
class Patient:
    id: str
    birth_date: date | None
    deleted: bool = False


@dataclass(frozen=True)
class Stored:
    """A stored result at the same patient, analyte, date and time."""

    record_id: str
    value: float
    unit: str
    value_canonical: float
    censored: str | None


@dataclass(frozen=True)
class Problem:
    line: int
    column: str  # the file's column name ('' for the whole row)
    message: str

    def __str__(self) -> str:
        return str(self.text())

    def text(self) -> Message:
        """"line N, column 'X': …" (the UI translates it; ``str`` is the English)."""
        if self.column:
            return Message("line {line}, column '{column}': {problem}", line=self.line,
                           column=self.column, problem=self.message)
        return Message("line {line}: {problem}", line=self.line, problem=self.message)


@dataclass
class RowResult:
    line: int
    status: str
    patient_text: str = ""
    patient_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # validated, storable
    value_canonical: float | None = None
    warnings: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    stored: Stored | None = None  # the result it duplicates or conflicts with (if stored)
    same_as_line: int | None = None  # an earlier row of the file it duplicates/conflicts with

    @property
    def key(self) -> tuple[str, str, str, str]:
        v = self.values
        return (self.patient_id or "", v.get("analyte") or "", v.get("sample_date") or "",
                v.get("sample_time") or "")


FindPatient = Callable[[str], Patient | None]
StoredAt = Callable[[str], Mapping[tuple[str, str, str], Sequence[Stored]]]
DefaultRange = Callable[[str, str], tuple[float | None, float | None]]


def match_unit(code: str, text: str, extra: Mapping[str, str]) -> str:
    """The catalogue's spelling of a file's unit for the analyte (``u/l`` -> ``U/L``), or
    the text as it is when no accepted unit matches (validation then says which are)."""
    s = extra.get(text.strip(), text).strip()
    a = ANALYTES.get(code)
    if a is None:
        return s
    for candidate in (normalise_unit(s), _UNIT_ALIASES.get(s.casefold(), s)):
        for unit in a.units:
            if unit.casefold() == candidate.casefold():
                return unit
    return s


def split_range(text: str) -> tuple[str, str]:
    """A combined reference range as (low, high) text: ``'0 - 145'`` -> ``('0', '145')``,
    ``'< 145'`` -> ``('', '145')``, ``'> 3,5'`` -> ``('3,5', '')``; raises FieldError."""
    s = text.strip()
    if not s:
        return "", ""
    m = _RANGE.match(s)
    if m:
        return m[1], m[2]
    flag, rest = parse.split_censored(s)
    if flag == "<":
        return "", rest
    if flag == ">":
        return rest, ""
    raise parse.FieldError(Message("'{value}' is not a range like '0 - 145'",
                                   value=parse._shorten(text)))


@lru_cache(maxsize=4096)
def split_date_time(text: str) -> tuple[str, str | None]:
    """'2024-05-20 08:15', '20-05-2024 8:15:00' or '2024-05-20T08:15' -> date and time text
    (seconds dropped: results are kept to the minute)."""
    s = text.strip().replace("T", " ", 1) if re.match(r"^\d{4}-\d\d-\d\dT", text.strip()) \
        else text.strip()
    parts = s.split()
    if len(parts) == 2:
        return parts[0], _minutes(parts[1])
    return s, None


def _minutes(text: str) -> str:
    m = re.match(r"^(\d{1,2}[:.]\d{2})(?:[:.]\d{2}(?:\.\d+)?)?$", text.strip())
    return m[1] if m else text


class RowChecker:
    """Checks the rows of one file, in order (duplicates within the file are found too)."""

    def __init__(self, header: Sequence[str], mapping: LabMapping, *, today: date,
                 find_patient: FindPatient, stored_at: StoredAt,
                 default_range: DefaultRange) -> None:
        self.mapping = mapping
        self.index = {h: i for i, h in enumerate(header)}
        self.col = {role: (self.index[c], c) for role, c in mapping.columns.items()
                    if c and c in self.index}
        self.today = today
        self.find_patient = find_patient
        self.stored_at = stored_at
        self.default_range = default_range
        self._patients: dict[str, Patient | None] = {}
        self._stored: dict[str, Mapping[tuple[str, str, str], Sequence[Stored]]] = {}
        self._tests: dict[str, str | None] = {}
        self._seen: dict[tuple[str, str, str, str], tuple[float, str | None, int]] = {}
        self._contexts: dict[str, Context] = {}
        self._units: dict[tuple[str, str], str] = {}
        self.unknown_tests: dict[str, int] = {}  # test names no analyte matched, with counts

    def _cell(self, row: Sequence[str], role: str) -> str:
        found = self.col.get(role)
        return row[found[0]].strip() if found is not None else ""

    def _column(self, role: str) -> str:
        found = self.col.get(role)
        return found[1] if found is not None else ""

    def _patient(self, text: str) -> Patient | None:
        if text not in self._patients:
            self._patients[text] = self.find_patient(text)
        return self._patients[text]

    def _analyte(self, text: str) -> str | None:
        if text not in self._tests:
            self._tests[text] = match_analyte(text, self.mapping.tests)
        return self._tests[text]

    def check(self, line: int, row: Sequence[str]) -> RowResult:
        out = RowResult(line, "invalid")
        if len(row) != len(self.index):
            out.problems.append(Problem(line, "", Message(
                "{n} fields where the header has {expected}", n=len(row),
                expected=len(self.index))))
            return out
        draft, problems = self._draft(line, row)
        out.problems += problems
        out.patient_text = self._cell(row, "patient")
        patient = self._patient(out.patient_text) if out.patient_text else None
        ctx = Context(today=self.today)
        if patient is not None:
            out.patient_id = patient.id
            ctx = self._contexts.setdefault(patient.id, Context(self.today, patient.birth_date))
        checked = validate("lab", draft, ctx)
        if draft["analyte"] is None and self._cell(row, "test"):
            checked.errors.pop("analyte", None)  # said above: the test is not an analyte
        for name, message in checked.errors.items():
            out.problems.append(Problem(line, self._column(_FIELD_ROLE.get(name, "value")),
                                        message))
        for name in checked.missing:
            out.problems.append(Problem(line, self._column(_FIELD_ROLE.get(name, "value")),
                                        Message("a missing-value code is not a result")))
        if not out.patient_text:
            out.problems.append(Problem(line, self._column("patient"),
                                        Message("no patient given")))
        elif patient is None or patient.deleted:
            out.status = "unknown_patient"
            shown = parse._shorten(out.patient_text)
            why = (Message("patient '{patient}' is deleted", patient=shown)
                   if patient is not None else
                   Message("patient '{patient}' is not in this study", patient=shown))
            out.problems.insert(0, Problem(line, self._column("patient"), why))
            return out
        if out.problems:
            return out
        out.values, out.warnings = checked.values, checked.warnings
        a = ANALYTES[out.values["analyte"]]
        out.value_canonical = a.to_canonical(out.values["value"], out.values["unit"])
        out.status = self._compare(out)
        return out

    def _draft(self, line: int, row: Sequence[str]) -> tuple[dict[str, str | None],
                                                               list[Problem]]:
        problems: list[Problem] = []
        date_text, time_text = split_date_time(self._cell(row, "sample_date"))
        if "sample_time" in self.col and self._cell(row, "sample_time"):
            time_text = _minutes(self._cell(row, "sample_time"))
        test = self._cell(row, "test")
        code = self._analyte(test) if test else None
        if test and code is None:
            self.unknown_tests[test] = self.unknown_tests.get(test, 0) + 1
            problems.append(Problem(line, self._column("test"),
                                    Message("test '{test}' is not one of the study's analytes: "
                                            "add it to the mapping",
                                            test=parse._shorten(test))))
        unit_text = self._cell(row, "unit")
        unit = self._units.get((code or "", unit_text))
        if unit is None:
            unit = self._units[(code or "", unit_text)] = match_unit(code or "", unit_text,
                                                                     self.mapping.units)
        low, high = self._cell(row, "ref_low"), self._cell(row, "ref_high")
        if "ref_range" in self.col:
            try:
                low, high = split_range(self._cell(row, "ref_range"))
            except parse.FieldError as err:
                problems.append(Problem(line, self._column("ref_range"), err.message))
        if not low and not high and code is not None and unit:
            d_low, d_high = self.default_range(code, unit) if ANALYTES[code].accepts(unit) \
                else (None, None)
            low, high = parse.format_number(d_low), parse.format_number(d_high)
        draft: dict[str, str | None] = {
            "sample_date": date_text, "sample_time": time_text, "analyte": code,
            "value": self._cell(row, "value"), "unit": unit, "ref_low": low, "ref_high": high}
        return draft, problems

    def _compare(self, out: RowResult) -> str:
        assert out.patient_id is not None and out.value_canonical is not None
        key = out.key
        censored = out.values.get("censored")
        earlier = self._seen.get(key)
        if earlier is not None:
            out.same_as_line = earlier[2]
            return "duplicate" if _same(earlier[0], out.value_canonical) \
                and earlier[1] == censored else "conflict"
        if out.patient_id not in self._stored:
            self._stored[out.patient_id] = self.stored_at(out.patient_id)
        stored = self._stored[out.patient_id].get(key[1:], ())
        self._seen[key] = (out.value_canonical, censored, out.line)
        for s in stored:
            if _same(s.value_canonical, out.value_canonical) and s.censored == censored:
                out.stored = s
                return "duplicate"
        if stored:
            out.stored = stored[0]
            return "conflict"
        return "new"


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
