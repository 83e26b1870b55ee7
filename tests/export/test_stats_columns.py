"""Stata/SPSS values gathered column by column in compact arrays (issue 18: no table held as
rows of Python objects)."""

from __future__ import annotations

import math

import pytest

from jdmdesk.domain.fields import Kind
from jdmdesk.export.columns import Column
from jdmdesk.export.stats import Variable, _Column

pytest.importorskip("pandas")


def _var(kind: str) -> Variable:
    return Variable(Column("x", "X", kind, lambda rec, ctx: None), 0)


def test_numbers_without_missing_letters_are_a_float_column():
    c = _Column(_var(Kind.DECIMAL))
    for n, value in enumerate((1.5, None, 3.0)):
        c.add(value, n)
    s = c.series()
    assert str(s.dtype) == "float64" and s[0] == 1.5 and math.isnan(s[1]) and s[2] == 3.0
    assert c.numbers.itemsize == 8  # an array of C doubles, not Python floats


def test_a_stata_missing_letter_makes_the_one_column_mixed():
    c = _Column(_var(Kind.INTEGER))
    for n, value in enumerate((2.0, "a", None, 4.0)):
        c.add(value, n)
    assert list(c.series()) == [2.0, "a", None, 4.0]


def test_text_stays_text_and_an_empty_table_is_empty():
    c = _Column(_var(Kind.TEXT))
    c.add("P-001", 0)
    assert list(c.series()) == ["P-001"]
    assert len(_Column(_var(Kind.DECIMAL)).series()) == 0
