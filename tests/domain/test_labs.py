"""One lab value type (domain.labs.LabResult) and one conversion of the ULN to canonical units."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain import labs
from jdmdesk.domain.chart_series import TimeBase, build_analyte
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.review import core_set
from jdmdesk.export.rows import record_table

DAY = date(2025, 2, 1)
UKAT = "\u00b5kat/L"
CTX = PatientContext("p", "P-001", "2014-01-01", "2025-01-01", "F")


def result(value: float, unit: str, ref_high: float | None, code: str = "CK") -> LabResult:
    factor = 60.0 if unit == UKAT else 1.0
    return LabResult("r", code, DAY, value, unit, value * factor, 0.0, ref_high)


def test_uln_is_converted_to_the_canonical_unit():
    assert result(1.5, UKAT, 0.5).uln_canonical == 30.0
    assert result(1.5, UKAT, 0.5).uln_multiple == 3.0
    assert result(290, "U/L", 145).uln_canonical == 145.0
    assert result(290, "U/L", 145).uln_multiple == 2.0


@pytest.mark.parametrize("ref_high", [None, 0.0, -1.0])
def test_no_usable_uln_gives_no_multiple(ref_high):
    r = result(100, "U/L", ref_high)
    assert r.uln_canonical is None and r.uln_multiple is None


def test_unknown_analyte_or_unit_has_no_conversion():
    assert labs.uln_canonical("NOPE", "U/L", 10) is None
    assert labs.uln_canonical("CK", "mg/dL", 10) is None
    assert labs.uln_canonical("CK", "ukat/l", 0.5) == 30.0  # typed spelling of µkat/L


def test_from_values_reads_a_stored_row():
    r = LabResult.from_values({"id": "x", "analyte": "ASAT", "sample_date": "2025-02-01",
                               "value": 1.5, "unit": UKAT, "value_canonical": 90.0,
                               "ref_low": None, "ref_high": 0.5, "sample_time": "08:30"})
    assert r == LabResult("x", "ASAT", DAY, 1.5, UKAT, 90.0, None, 0.5, "08:30")


def _three_readers(r: LabResult) -> tuple[float, float | None, float | None]:
    """The ULN multiple as the chart, the review and the export see it."""
    chart = build_analyte(r.analyte, [r], TimeBase(DAY)).y_uln[0]
    pair = core_set({}, [r], DAY).enzymes.get(r.analyte)
    review = None if pair is None or pair[1] is None else pair[0] / pair[1]
    rec = {"id": "x", "analyte": r.analyte, "sample_date": DAY.isoformat(), "value": r.value,
           "unit": r.unit, "value_canonical": r.value_canonical, "ref_high": r.ref_high,
           "missing": {}}
    export = record_table("lab", identified=False, include_free_text=False) \
        .column("uln_multiple").get(rec, CTX)
    return chart, review, export


@given(st.floats(0, 5000), st.one_of(st.none(), st.floats(0.01, 500)),
       st.sampled_from(["U/L", UKAT]), st.sampled_from(["CK", "ASAT", "LD"]))
def test_chart_review_and_export_agree_on_the_uln_multiple(value, ref_high, unit, code):
    r = result(value, unit, ref_high, code)
    chart, review, export = _three_readers(r)
    if r.uln_multiple is None:
        assert math.isnan(chart) and review is None and export is None
    else:
        assert chart == r.uln_multiple == value / ref_high
        assert review == pytest.approx(r.uln_multiple)
        assert export == round(r.uln_multiple, 3)


def test_the_one_conversion_feeds_every_reader(monkeypatch):
    """Replace the ULN conversion, then the multiple: every reader follows the domain's."""
    r = result(1.5, UKAT, 0.5, "ASAT")
    monkeypatch.setattr(labs, "uln_canonical", lambda analyte, unit, ref_high: 1000.0)
    assert build_analyte("ASAT", [r], TimeBase(DAY)).uln == (1000.0,)
    assert core_set({}, [r], DAY).enzymes["ASAT"] == (90.0, 1000.0)
    monkeypatch.setattr(labs, "uln_multiple", lambda value, analyte, unit, ref_high: 0.25)
    chart, _, export = _three_readers(r)
    assert chart == export == 0.25


@given(st.floats(0, 50).map(lambda x: round(x, 2)), st.floats(0.1, 5).map(lambda x: round(x, 2)))
def test_the_multiple_does_not_depend_on_the_unit_reported(value, ref_high):
    """µkat/L and U/L results of the same activity give the same three-decimal multiple."""
    _, _, in_ukat = _three_readers(result(value, UKAT, ref_high))
    assert in_ukat == round(value / ref_high, 3)
