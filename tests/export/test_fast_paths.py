"""The export's fast paths give the same values as the plain definitions they replace (issue 18,
performance): a table row read without a call per stored value, the analysis table's lab
choice made once per visit from the patient's results of that analyte, Stata/SPSS columns
converted a chunk of rows at a time."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from jdmdesk.db import export_queries as eq
from jdmdesk.db.queries import read_settings
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain import codes
from jdmdesk.domain.fields import Kind
from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.review import lab_points, nearest_lab
from jdmdesk.export import ExportOptions
from jdmdesk.export.analysis import ANALYSIS_ANALYTES, LABS_KEY, analysis_records, visit_lab
from jdmdesk.export.columns import TOTALS_KEY, Column, Table, _missing, _value
from jdmdesk.export.source import ExportSource

from .helpers import make_study

CACHES = (LABS_KEY, TOTALS_KEY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from jdmdesk.demo import write_demo
    from tests.conftest import FAST

    path = tmp_path_factory.mktemp("fast") / "demo.jdm"
    write_demo(path, hasher=FAST)
    return path


def _fresh(rec: dict[str, Any]) -> dict[str, Any]:
    """The record without what a getter keeps in it for the record's other columns."""
    return {k: v for k, v in rec.items() if k not in CACHES}


@pytest.mark.parametrize("identified", [False, True])
def test_table_rows_equal_each_columns_getter(demo, tmp_path, identified):
    small = make_study(tmp_path / "s.jdm")  # missing reasons on visits and events
    reasons = 0
    for path in (demo, small):
        study = open_study(path, read_only=True)
        try:
            source = ExportSource(study.db, ExportOptions(identified=identified,
                                                          include_free_text=True))
            for table in source.tables:
                records = analysis_records(study.db, source.contexts, read_settings(study.db),
                                           source.exported.date()) \
                    if table.name == "analysis_visits" else \
                    eq.iter_records(study.db, table.record_type)
                n = 0
                for rec in records:
                    ctx = source.contexts[rec["patient_id"]]
                    plain = _fresh(rec)
                    expected = [c.get(plain, ctx) for c in table.columns]
                    assert table.row(_fresh(rec), ctx) == expected, (table.name, rec["id"])
                    reasons += bool(rec["missing"])
                    n += 1
                assert n == source.counts()[table.name]
        finally:
            study.close()
    assert reasons > 0  # the _missing columns' path is exercised


def test_a_row_gives_the_missing_reason_only_for_an_empty_field():
    table = Table("t", "T", "visit", (
        Column("x", "X", Kind.DECIMAL, _value("x")),
        Column("x_missing", "Why", Kind.CODE, _missing("x")),
        Column("twice", "2x", Kind.DECIMAL, lambda rec, ctx: None if rec.get("x") is None
               else 2 * rec["x"])))
    ctx: Any = None
    assert table.row({"x": 1.5, "missing": {"x": "not_done"}}, ctx) == [1.5, None, 3.0]
    assert table.row({"x": None, "missing": {"x": "not_done"}}, ctx) == \
        [None, codes.missing_export_code("not_done"), None]
    assert table.row({"x": None, "missing": {}}, ctx) == [None, None, None]


def test_every_analytes_lab_is_nearest_lab_over_all_the_patients_results(demo):
    study = open_study(demo, read_only=True)
    try:
        source = ExportSource(study.db, ExportOptions())
        results: dict[str, list[LabResult]] = {}
        for r in eq.iter_records(study.db, "lab"):
            results.setdefault(r["patient_id"], []).append(LabResult.from_values(r))
        checked = found = 0
        for rec in analysis_records(study.db, source.contexts, read_settings(study.db),
                                    source.exported.date()):
            points = lab_points(results.get(rec["patient_id"], []))
            vr = rec["_review"]
            for code in ANALYSIS_ANALYTES:
                if code == "TACROLIMUS":
                    expected = vr.trough
                elif code in vr.enzyme_results:
                    expected = vr.enzyme_results[code]
                else:
                    expected = nearest_lab(points, code, vr.visit_date)
                chosen = visit_lab(rec, code)
                assert chosen == expected, (rec["id"], code)
                assert visit_lab(rec, code) is chosen  # once per record and analyte
                checked += 1
                found += chosen is not None and code not in vr.enzyme_results
        assert checked > 0 and found > 0
    finally:
        study.close()


# --- Stata / SPSS ----------------------------------------------------------------------------

def _stats_table() -> Table:
    yes_no = (("1", "Yes"), ("0", "No"))
    grades = (("mild", "Mild"), ("moderate", "Moderate"), ("severe", "Severe"))
    reasons = codes.MISSING_REASONS_EXPORT

    def col(name: str, kind: str, col_codes: Any = ()) -> Column:
        return Column(name, name.title(), kind, _value(name), codes=col_codes)

    return Table("t", "T", "visit", (
        col("name", Kind.TEXT), col("weight", Kind.DECIMAL),
        col("weight_missing", Kind.CODE, reasons), col("count", Kind.INTEGER),
        col("flag", Kind.BOOLEAN, yes_no), col("grade", Kind.CODE, grades),
        col("grade_missing", Kind.CODE, reasons), col("seen", Kind.DATE),
        col("seen_missing", Kind.CODE, reasons), col("time", Kind.TIME),
        col("time_missing", Kind.CODE, reasons)))


def _stats_rows() -> list[list[Any]]:
    not_done, unknown = (codes.missing_export_code(r) for r in ("not_done", "unknown"))
    rows: list[list[Any]] = []
    for i in range(23):
        empty = i % 3 == 0
        reason = not_done if i % 2 else unknown
        rows.append([
            None if i % 5 == 0 else f"P-{i:03}",
            None if empty else ("" if i == 4 else 20.5 + i), reason if empty else None,
            None if i % 4 == 0 else i, None if i % 7 == 0 else i % 2,
            None if empty else ("mild", "moderate", "severe")[i % 3],
            reason if empty and i % 2 else None,
            None if empty else f"2024-0{1 + i % 9}-1{i % 10}", reason if empty else None,
            None if empty else "08:30", reason if empty else None,
        ])
    return rows


@pytest.mark.parametrize("flavour", ["stata", "spss"])
def test_stata_and_spss_chunks_equal_the_cell_by_cell_values(flavour, monkeypatch):
    from jdmdesk.export import stats

    table = _stats_table()
    rows = _stats_rows()
    variables = stats.table_variables(table)
    assert any(v.missing_index is not None for v in variables)
    cells = stats._Cells(flavour)
    one_by_one = [stats._Column(v) for v in variables]
    for n, row in enumerate(rows):
        for column in one_by_one:
            column.add(cells.cell(column.v, row), n)
    chunked = [stats._Column(v) for v in variables]
    for start in range(0, len(rows), 5):  # chunks of 5 rows, the last one shorter
        by_column = list(zip(*rows[start:start + 5], strict=True))
        for column in chunked:
            m = column.v.missing_index
            column.add_chunk(by_column[column.v.index], None if m is None else by_column[m],
                             start, flavour)
    for a, b in zip(one_by_one, chunked, strict=True):
        assert a.texts == b.texts and a.letters == b.letters, a.v.name
        assert len(a.numbers) == len(b.numbers), a.v.name
        for x, y in zip(a.numbers, b.numbers, strict=True):
            assert (math.isnan(x) and math.isnan(y)) or x == y, a.v.name
    assert any(c.letters for c in chunked) == (flavour == "stata")
