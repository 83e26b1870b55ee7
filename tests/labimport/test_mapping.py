"""Default test names and LOINC codes, and the mapping's JSON form."""

from __future__ import annotations

import pytest

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.lab_mapping import (
    LabMapping,
    MappingError,
    guess_mapping,
    header_key,
    own_field_mapping,
)
from jdmdesk.domain.lab_names import DEFAULT_LOINC, DEFAULT_TEST_NAMES, match_analyte
from jdmdesk.domain.lab_rows import match_unit, split_date_time, split_range


def test_every_analyte_has_default_names_and_a_loinc_code():
    assert set(DEFAULT_TEST_NAMES) == set(ANALYTES)
    assert set(DEFAULT_LOINC.values()) == set(ANALYTES)
    for code, names in DEFAULT_TEST_NAMES.items():
        for name in names:
            assert match_analyte(name) == code, name
            assert match_analyte(f"  {name.upper()} ") == code, name
    for loinc, code in DEFAULT_LOINC.items():
        assert match_analyte(loinc) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Kalium", "K"), ("K+", "K"), ("C-reactief prote\u00efne", "CRP"), ("LDH", "LD"),
    ("Tacrolimus dal", "TACROLIMUS"), ("BSE", "ESR"), ("2157-6", "CK"), ("1761-6", "ALDOLASE"),
    ("Natrium", None), ("9999-9", None), ("", None),
])
def test_match_analyte(text, code):
    assert match_analyte(text) == code


def test_the_studys_own_names_come_first():
    assert match_analyte("Spierenzym", {"spierenzym": "CK"}) == "CK"
    assert match_analyte("K", {"K": "CK"}) == "CK"


@pytest.mark.parametrize(("code", "text", "unit"), [
    ("CK", "u/l", "U/L"), ("CK", "IE/L", "U/L"), ("CK", "ukat/l", "\u00b5kat/L"),
    ("ESR", "mm/uur", "mm/h"), ("K", "MMOL/L", "mmol/L"), ("CK", "furlongs", "furlongs"),
])
def test_match_unit(code, text, unit):
    assert match_unit(code, text, {}) == unit


def test_split_range_and_date_time():
    assert split_range("0 - 145") == ("0", "145")
    assert split_range("3,5\u20135,0") == ("3,5", "5,0")
    assert split_range("< 5") == ("", "5")
    assert split_range("") == ("", "")
    with pytest.raises(ValueError, match="is not a range"):
        split_range("normal")
    assert split_date_time("2024-05-20T08:15:00") == ("2024-05-20", "08:15")
    assert split_date_time("20-05-2024 8:15") == ("20-05-2024", "8:15")
    assert split_date_time("20-05-2024") == ("20-05-2024", None)


def test_json_round_trip_and_refusals():
    m = LabMapping({"patient": "A", "sample_date": "B", "test": "C", "value": "D",
                    "unit": "E"}, "hospital_number", {"Spier": "CK"}, {"IE/L": "U/L"})
    assert LabMapping.from_json(m.to_json()) == m
    for text, message in (("{", "not valid JSON"), ("[]", "not a JDM Desk lab mapping"),
                          ('{"format": "jdmdesk-lab-mapping", "columns": {"x": "A"}}',
                           "unknown column role"),
                          ('{"format": "jdmdesk-lab-mapping", "patient_key": "name"}',
                           "patient_key must be"),
                          ('{"format": "jdmdesk-lab-mapping", "tests": {"a": 1}}',
                           "must map text to text")):
        with pytest.raises(MappingError, match=message):
            LabMapping.from_json(text)
    assert "test 'x': unknown analyte code 'NOPE'" in \
        LabMapping({}, tests={"x": "NOPE"}).problems([])


def test_own_field_names_and_guesses():
    own = own_field_mapping(["study_code", "sample_date", "analyte", "value", "unit",
                             "record_id"])
    assert own is not None and own.columns["test"] == "analyte"
    assert own_field_mapping(["Patient", "Datum"]) is None
    g = guess_mapping(["Ziekenhuisnummer", "Afnamedatum", "Bepaling", "Uitslag", "Eenheid",
                       "Referentiewaarde"])
    assert g.columns == {"patient": "Ziekenhuisnummer", "sample_date": "Afnamedatum",
                         "test": "Bepaling", "value": "Uitslag", "unit": "Eenheid",
                         "ref_range": "Referentiewaarde"}
    assert g.problems(["Ziekenhuisnummer", "Afnamedatum", "Bepaling", "Uitslag", "Eenheid",
                       "Referentiewaarde"]) == []
    assert header_key([" a ", "b"]) == header_key(["a", "b"]) != header_key(["b", "a"])
