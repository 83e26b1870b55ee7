"""How the columns of a hospital's lab file map to a lab result (issue 20).

A :class:`LabMapping` names the file's column for each role (patient, sample date, optional
time, test, value, unit, reference low/high or one combined range) and how patients are matched
(study code, hospital number, or either). Extra test names and unit spellings the study has
learnt are kept with it. It is saved in the study under its header's :func:`header_key`, so
the next file with the same header gets it again, and written to or read from JSON for the CLI.

A file whose header uses JDM Desk's own field names (:data:`OWN_FIELDS`) needs no mapping.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.lab_names import name_key
from jdmdesk.domain.texts import Message

# role -> label people read
ROLES: Final[dict[str, str]] = {
    "patient": "Patient (study code or hospital number)",
    "sample_date": "Sample date (or date and time)",
    "sample_time": "Sample time",
    "test": "Test name or LOINC code",
    "value": "Value",
    "unit": "Unit",
    "ref_low": "Reference low",
    "ref_high": "Reference high",
    "ref_range": "Reference range (e.g. '0 - 145')",
}
REQUIRED_ROLES: Final = ("patient", "sample_date", "test", "value", "unit")
PATIENT_KEYS: Final = ("auto", "study_code", "hospital_number")
OWN_FIELDS: Final = ("study_code", "sample_date", "sample_time", "analyte", "value", "unit",
                     "ref_low", "ref_high")
_OWN_ROLES: Final = {"study_code": "patient", "analyte": "test"}
FORMAT_VERSION: Final = 1

# common header words of hospital lab exports (Dutch and English), by role, after name_key
_HEADER_HINTS: Final[dict[str, tuple[str, ...]]] = {
    "patient": ("patient", "patientnummer", "patientnr", "patientid", "ziekenhuisnummer",
                "zisnummer", "zisnr", "hospitalnumber", "mrn", "studycode", "studiecode",
                "pid"),
    "sample_date": ("sampledate", "afnamedatum", "datum", "date", "afnamedatumtijd",
                    "collectiondate", "datumafname", "sampledatetime", "datetime"),
    "sample_time": ("sampletime", "afnametijd", "tijd", "time", "collectiontime"),
    "test": ("test", "bepaling", "testnaam", "testname", "analyte", "loinc", "loinccode",
             "code", "omschrijving", "onderzoek"),
    "value": ("value", "uitslag", "waarde", "result", "resultaat"),
    "unit": ("unit", "eenheid", "units"),
    "ref_low": ("reflow", "referencelow", "ondergrens", "normaallaag", "lowerlimit"),
    "ref_high": ("refhigh", "referencehigh", "bovengrens", "normaalhoog", "upperlimit"),
    "ref_range": ("referentie", "referentiewaarde", "referencerange", "normaalwaarde",
                  "range", "refrange", "referentiebereik"),
}


class MappingError(ValueError):
    """A mapping that cannot be used; ``str(err)`` says why in English, its first argument
    is a :class:`Message` the UI translates (``ui.i18n.error_message``)."""


@dataclass(frozen=True)
class LabMapping:
    columns: dict[str, str]  # role -> the file's column name
    patient_key: str = "auto"  # auto | study_code | hospital_number
    tests: dict[str, str] = field(default_factory=dict)  # file's test name -> analyte code
    units: dict[str, str] = field(default_factory=dict)  # file's unit -> catalogue unit

    def problems(self, header: Sequence[str]) -> list[str]:
        """Why this mapping cannot read a file with ``header`` (empty when it can)."""
        out: list[str] = [Message("no column chosen for {role_label_lower}",
                                  role_label=ROLES[r].split(" (")[0])
                          for r in REQUIRED_ROLES if not self.columns.get(r)]
        out += [Message("column '{column}' is not in the file's header", column=col)
                for col in self.columns.values() if col and col not in header]
        if self.columns.get("ref_range") and (self.columns.get("ref_low")
                                              or self.columns.get("ref_high")):
            out.append(Message("choose either a combined reference range or low/high columns"))
        if self.patient_key not in PATIENT_KEYS:
            out.append(Message("unknown patient key '{key}'", key=self.patient_key))
        out += [Message("test '{test}': unknown analyte code '{code}'", test=name, code=code)
                for name, code in self.tests.items() if code not in ANALYTES]
        return out

    def with_tests(self, tests: Mapping[str, str]) -> LabMapping:
        return replace(self, tests={**self.tests, **tests})

    def to_json(self) -> str:
        data = {"format": "jdmdesk-lab-mapping", "version": FORMAT_VERSION,
                "columns": {r: c for r, c in self.columns.items() if c},
                "patient_key": self.patient_key, "tests": self.tests, "units": self.units}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> LabMapping:
        try:
            data = json.loads(text)
        except ValueError as err:
            raise MappingError(Message("the mapping is not valid JSON ({error})",
                                       error=str(err))) from None
        if not isinstance(data, dict) or data.get("format") != "jdmdesk-lab-mapping":
            raise MappingError(Message("not a JDM Desk lab mapping (missing \"format\": "
                                       "\"jdmdesk-lab-mapping\")"))
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LabMapping:
        columns, tests, units = (data.get(k, {}) for k in ("columns", "tests", "units"))
        for name, part in (("columns", columns), ("tests", tests), ("units", units)):
            if not isinstance(part, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in part.items()):
                raise MappingError(Message("the mapping's \"{part}\" must map text to text",
                                           part=name))
        unknown = sorted(set(columns) - set(ROLES))
        if unknown:
            raise MappingError(Message("unknown column role(s): {roles}",
                                       roles=", ".join(unknown)))
        key = data.get("patient_key", "auto")
        if key not in PATIENT_KEYS:
            raise MappingError(Message("patient_key must be one of {keys}",
                                       keys=", ".join(PATIENT_KEYS)))
        return cls(dict(columns), str(key), dict(tests), dict(units))


def header_key(header: Sequence[str]) -> str:
    """The key a saved mapping is found by: the header's column names, trimmed, in order."""
    return "\x1f".join(h.strip() for h in header)


def own_field_mapping(header: Sequence[str]) -> LabMapping | None:
    """The mapping of a file that uses JDM Desk's own field names (any order, extra columns
    allowed), or None when the header is not of that kind."""
    names = {h.strip().lower(): h for h in header}
    needed = ("study_code", "sample_date", "analyte", "value", "unit")
    if not all(n in names for n in needed):
        return None
    columns = {_OWN_ROLES.get(n, n): names[n] for n in OWN_FIELDS if n in names}
    return LabMapping(columns, patient_key="study_code")


def guess_mapping(header: Sequence[str]) -> LabMapping:
    """A first proposal for an unknown layout, from common Dutch and English column names;
    the person importing confirms or corrects it."""
    own = own_field_mapping(header)
    if own is not None:
        return own
    columns: dict[str, str] = {}
    keys = [(name_key(h), h) for h in header]
    for role, hints in _HEADER_HINTS.items():
        for k, h in keys:
            if k in hints and h not in columns.values():
                columns[role] = h
                break
    if "sample_time" in columns and "sample_date" not in columns:
        columns.pop("sample_time")
    return LabMapping(columns)
