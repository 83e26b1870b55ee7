"""Censored lab results (issue 17 A7): '<5' and '>2000' kept as value + flag."""

from __future__ import annotations

from datetime import date

import pytest

from jdmdesk.domain import labs, parse
from jdmdesk.domain.chart_series import point_tooltip
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.validation import Context, validate

CTX = Context(today=date(2026, 1, 1))


def _lab(value: str, **more: str) -> dict[str, str | None]:
    return {"sample_date": "2025-03-01", "analyte": "CK", "value": value, "unit": "U/L",
            "ref_low": "0", "ref_high": "145", **more}


@pytest.mark.parametrize(("text", "flag", "rest"), [
    ("<5", "<", "5"), ("> 2000", ">", "2000"), ("\u22643,5", "<", "3,5"), (">=7", ">", "7"),
    ("12", None, "12"), (" 12 ", None, " 12 "),
])
def test_split_censored(text, flag, rest):
    assert parse.split_censored(text) == (flag, rest)


def test_parse_censored_number():
    assert parse.parse_censored_number("<0,5") == (0.5, "<")
    assert parse.parse_censored_number("40") == (40.0, None)
    with pytest.raises(parse.FieldError, match="limit after"):
        parse.parse_censored_number("<")
    with pytest.raises(parse.FieldError, match="one '<' or '>'"):
        parse.parse_censored_number("<<5")


def test_the_form_accepts_a_censored_value_and_keeps_the_flag_beside_it():
    v = validate("lab", _lab("<5"), CTX)
    assert v.ok, v.errors
    assert v.values["value"] == 5 and v.values["censored"] == "<"
    v = validate("lab", _lab(">2000", censored=">"), CTX)
    assert v.ok and v.values["value"] == 2000 and v.values["censored"] == ">"
    plain = validate("lab", _lab("40"), CTX)
    assert plain.ok and plain.values["censored"] is None


@pytest.mark.parametrize(("draft", "message"), [
    (_lab("<5", censored=">"), "the value says '<' but the censoring flag is '>'"),
    (_lab("<"), "give the limit after '<'"),
    (_lab("", censored="<"), "needs its limit"),
    (_lab("<abc"), "is not a number"),
    (_lab("<200000"), "implausible for CK"),
])
def test_bad_censored_values_are_refused_at_the_value(draft, message):
    v = validate("lab", draft, CTX)
    assert message in v.errors.get("value", ""), v.errors


def test_a_censored_result_reads_with_its_flag_and_scores_at_its_limit():
    r = LabResult.from_values({"analyte": "CK", "sample_date": "2025-03-01", "value": 5.0,
                               "unit": "U/L", "value_canonical": 5.0, "ref_high": 145.0,
                               "censored": "<"})
    assert r.censored == "<" and r.value_text == "<5"
    assert r.uln_multiple == pytest.approx(5 / 145)  # the limit is used, and flagged
    tip = point_tooltip(r, 3)
    assert "CK: <5 U/L" in tip and "censored" in tip
    assert labs.value_text(2000.0, ">") == ">2000" and labs.value_text(7.5, None) == "7.5"


def test_the_lab_table_shows_the_flag(qapp):
    from jdmdesk.ui.entry.record_table import display_row

    row = display_row("lab", {"sample_date": "2025-03-01", "analyte": "CK", "value": 5.0,
                              "unit": "U/L", "censored": "<"})
    assert row["value"] == "<5"


def test_the_service_saves_a_typed_censored_value(service, patient_id):
    from jdmdesk.db import records as repo

    result = service.save("lab", _lab("<5"), patient_id=patient_id)
    assert result.ok, result
    rec = repo.require(service.study.db, "lab", result.record_id)
    assert rec.values["value"] == 5 and rec.values["censored"] == "<"
    assert rec.extra["value_canonical"] == 5


def test_cached_reference_checks_tell_false_from_zero():
    assert labs.reference_limit_problems("CK", "U/L", 0, 145) == {}
    assert labs.reference_limit_problems("CK", "U/L", False, 145) == {
        "ref_low": "a reference limit must be a number"}
    assert labs.reference_limit_problems("CK", "U/L", 0.0, 145.0) == {}
