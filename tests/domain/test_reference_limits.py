"""Reference limits are checked at entry per analyte, in canonical units (issue 15, item 5).

One rule (``labs.reference_limit_problems``) serves the lab form's validation and the study's
default reference ranges: the upper limit of normal is above 0 and within 1/1000 and 1000 times
the analyte's typical ULN (its default ``ref_high``); the lower limit is not negative and below
the upper one.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from jdmdesk.domain import labs
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.settings import DEFAULT_SETTINGS
from jdmdesk.domain.settings_rules import validate_settings
from jdmdesk.domain.validation import Context, validate

CTX = Context(today=date(2026, 11, 25), birth_date=date(2015, 4, 2))


def lab(ref_low: str | None, ref_high: str | None, unit: str = "U/L", analyte: str = "CK",
        value: str = "120") -> dict[str, str | None]:
    return {"sample_date": "2026-11-01", "analyte": analyte, "value": value, "unit": unit,
            "ref_low": ref_low, "ref_high": ref_high}


@pytest.mark.parametrize("ref_high", ["1e-320", "0", "0.0001", "145001", "1e300"])
def test_absurd_upper_limits_are_refused_at_entry(ref_high):
    out = validate("lab", lab("0", ref_high), CTX)
    assert "ref_high" in out.errors, out.errors


@pytest.mark.parametrize(("ref_low", "ref_high", "unit"), [
    ("0", "145", "U/L"), ("0", "2.4", "µkat/L"), (None, "0.2", "U/L"), ("10", "140000", "U/L"),
    (None, None, "U/L"), ("40", None, "U/L")])
def test_plausible_limits_pass(ref_low, ref_high, unit):
    out = validate("lab", lab(ref_low, ref_high, unit), CTX)
    assert not ({"ref_low", "ref_high"} & set(out.errors)), out.errors


def test_the_bounds_are_in_canonical_units():
    """145 000 U/L is the top for CK: 2 416 µkat/L passes, 2 417 µkat/L (145 020 U/L) not."""
    assert "ref_high" not in validate("lab", lab("0", "2416", "µkat/L"), CTX).errors
    error = validate("lab", lab("0", "2417", "µkat/L"), CTX).errors["ref_high"]
    assert "µkat/L" in error and "2416.67" in error


def test_lower_limit_rules():
    assert validate("lab", lab("-1", "145"), CTX).errors["ref_low"]
    assert validate("lab", lab("145", "145"), CTX).errors["ref_high"]
    assert validate("lab", lab("200000", None), CTX).errors["ref_low"]


@pytest.mark.parametrize("code", sorted(ANALYTES))
def test_every_analyte_has_bounds_around_its_typical_uln(code):
    a = ANALYTES[code]
    low, high = labs.plausible_uln(code)
    assert a.default_ref_high is not None
    assert low == pytest.approx(a.default_ref_high / 1000)
    assert high == pytest.approx(a.default_ref_high * 1000)
    assert labs.reference_limit_problems(code, a.canonical_unit, a.default_ref_low,
                                         a.default_ref_high) == {}


@pytest.mark.parametrize(("low", "high"), [
    (0.0, 1e-320), (0.0, 0.0), (0.0, math.inf), (math.nan, 145.0), (0.0, 1e9), (-1.0, 145.0),
    (150.0, 145.0), ("0", 145.0)])
def test_study_default_ranges_follow_the_same_rule(low, high):
    ranges = {**DEFAULT_SETTINGS["reference_ranges"], "CK": [low, high]}
    errors = validate_settings({"reference_ranges": ranges})
    assert set(errors) == {"reference_ranges.CK"}, errors


def test_study_default_ranges_as_shipped_are_valid():
    assert validate_settings({"reference_ranges": DEFAULT_SETTINGS["reference_ranges"]}) == {}
    ranges = {**DEFAULT_SETTINGS["reference_ranges"], "CK": [0, 150], "K": [None, 5.2]}
    assert validate_settings({"reference_ranges": ranges}) == {}
