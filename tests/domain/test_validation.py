import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.domain import parse
from jdmdesk.domain.fields import VISIT
from jdmdesk.domain.parse import FieldError
from jdmdesk.domain.validation import Context, validate

CTX = Context(today=date(2026, 11, 25), birth_date=date(2015, 4, 2))


def test_decimal_comma_and_point_agree():
    assert parse.parse_number("1,5") == parse.parse_number("1.5") == 1.5
    assert parse.parse_number(" 12 ") == 12


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-Infinity", "1e400", "1.234,5", "1,2,3",
                                  "12abc", "--1", ""])
def test_bad_numbers_are_refused_with_a_message(text):
    with pytest.raises(FieldError) as info:
        parse.parse_number(text)
    assert str(info.value)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_any_finite_number_round_trips_in_both_notations(x):
    text = repr(x)
    if "e" in text:
        return
    assert parse.parse_number(text) == x
    assert parse.parse_number(text.replace(".", ",")) == x


@given(st.text())
def test_garbage_never_crashes_a_parser(text):
    for fn in (parse.parse_number, parse.parse_date, parse.parse_time, parse.parse_study_code):
        try:
            value = fn(text)
        except FieldError as err:
            assert str(err)
        else:
            if isinstance(value, float):
                assert math.isfinite(value)


@given(st.text(max_size=50))
def test_garbage_in_every_visit_field_gives_errors_not_exceptions(text):
    draft = {f.name: text for f in VISIT.fields}
    result = validate("visit", draft, CTX)
    assert set(result.errors) | set(result.values) | set(result.missing) >= {"visit_date"}
    for name, msg in result.errors.items():
        assert isinstance(msg, str) and msg, name


def test_empty_stays_empty_never_zero():
    result = validate("visit", {"visit_date": "2024-01-10", "phga": "", "cmas_1": "  "}, CTX)
    assert result.ok
    assert result.values["phga"] is None
    assert result.values["cmas_1"] is None


def test_zero_is_a_value():
    result = validate("visit", {"visit_date": "2024-01-10", "phga": "0"}, CTX)
    assert result.values["phga"] == 0


def test_missing_reason_shorthand_records_reason_not_value():
    result = validate("visit", {"visit_date": "2024-01-10", "weight_kg": "ND"}, CTX)
    assert result.ok
    assert result.values["weight_kg"] is None
    assert result.missing == {"weight_kg": "not_done"}


@pytest.mark.parametrize("text", ["2024-03-05", "05-03-2024", "5/3/2024", "05.03.2024"])
def test_dates_iso_and_day_first(text):
    assert parse.parse_date(text) == date(2024, 3, 5)


def test_date_rules():
    r = validate("visit", {"visit_date": "2014-01-01"}, CTX)
    assert "birth" in r.errors["visit_date"]
    r = validate("visit", {"visit_date": "2027-01-01"}, CTX)
    assert "future" in r.errors["visit_date"]
    r = validate("visit", {"visit_date": "31-02-2024"}, CTX)
    assert "calendar" in r.errors["visit_date"]


def test_hard_and_soft_limits():
    r = validate("visit", {"visit_date": "2024-01-10", "phga": "10.5", "weight_kg": "140",
                           "cmas_5": "7", "ptga": "3.33"}, CTX)
    assert "between 0 and 10" in r.errors["phga"]
    assert "cmas_5" in r.errors
    assert "steps of 0.1" in r.errors["ptga"]
    assert "weight_kg" not in r.errors and "confirm" in r.warnings["weight_kg"]


def test_blood_pressure_cross_rule():
    r = validate("visit", {"visit_date": "2024-01-10", "sbp": "90", "dbp": "95"}, CTX)
    assert "lower than systolic" in r.errors["dbp"]


def test_lab_unit_and_plausibility():
    base = {"sample_date": "2024-01-10", "analyte": "CK"}
    assert validate("lab", {**base, "value": "2,5", "unit": "ukat/L"}, CTX).values["unit"] \
        == "\u00b5kat/L"
    r = validate("lab", {**base, "value": "100", "unit": "mmol/L"}, CTX)
    assert "U/L" in r.errors["unit"]
    r = validate("lab", {**base, "value": "2000", "unit": "\u00b5kat/L"}, CTX)  # 120 000 U/L
    assert "implausible" in r.errors["value"]
    r = validate("lab", {**base, "value": "-1", "unit": "U/L"}, CTX)
    assert "value" in r.errors
    r = validate("lab", {**base, "value": "30000", "unit": "U/L"}, CTX)
    assert r.ok and "value" in r.warnings


HOSTILE = [
    "\u202eevil\u202c",  # right-to-left override
    "a\x00b",  # NUL
    "x\ud800y",  # lone surrogate
    "bell\x07",
    "zero\u200bwidth",  # invisible: issue 15 item 9
    "a\u200fb",  # right-to-left mark
    "line\u2028separator",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_refused_in_notes(text):
    r = validate("visit", {"visit_date": "2024-01-10", "note": text}, CTX)
    assert "note" in r.errors


@pytest.mark.parametrize("text", ["Robert'); DROP TABLE visit;--", "=HYPERLINK(\"x\")",
                                  "e\u0301 combining", "family \U0001F468\u200D\U0001F469",
                                  "two\nlines"])
def test_odd_but_honest_text_is_kept_verbatim(text):
    r = validate("visit", {"visit_date": "2024-01-10", "note": text}, CTX)
    assert r.ok and r.values["note"] == text


def test_huge_text_is_refused_with_its_size():
    r = validate("visit", {"visit_date": "2024-01-10", "note": "x" * 10_000_000}, CTX)
    assert "too long" in r.errors["note"] and "10,000,000" in r.errors["note"]


def test_unknown_field_is_an_error():
    r = validate("visit", {"visit_date": "2024-01-10", "bogus": "1"}, CTX)
    assert "bogus" in r.errors


def test_global_rater_is_asked_for_only_with_the_parent_patient_global():
    ctx = Context(today=date(2025, 1, 1))
    r = validate("visit", {"visit_date": "2024-05-01", "ptga": "4"}, ctx)
    assert "parent or patient" in r.errors["ptga_rater"]
    assert validate("visit", {"visit_date": "2024-05-01", "ptga": "4", "ptga_rater": "parent"},
                    ctx).errors == {}
    assert validate("visit", {"visit_date": "2024-05-01", "phga": "4"}, ctx).errors == {}
    assert validate("visit", {"visit_date": "2024-05-01", "ptga": "ND"}, ctx).errors == {}
