"""Stata and SPSS files read back with pyreadstat hold what the bundle's CSVs hold: the same
rows, codes as labelled numbers, missing reasons as extended / user-missing values, dates as
dates in identified exports."""

from __future__ import annotations

import math
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from jdmdesk.domain.fields import Kind
from jdmdesk.export import ExportOptions
from jdmdesk.export.rows import DAY_MISSING_CODES, export_tables
from jdmdesk.export.stata_labels import name_label_sets
from jdmdesk.export.stats import LETTER, SPSS_CODE, codes_numeric
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER, make_study, read_csv, read_members

pyreadstat = pytest.importorskip("pyreadstat")

REASON_OF_LETTER = {v: k for k, v in LETTER.items()}
REASON_OF_CODE = {v: k for k, v in SPSS_CODE.items()}
REASON_LABEL = dict(DAY_MISSING_CODES)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_typed(cell: str) -> str:
    """A CSV cell as typed: the bundle neutralises formula-like text with a leading apostrophe
    (issue 18 item 4 drops it; both forms are accepted here)."""
    if cell.startswith("'") and cell[1:2] in FORMULA_START:
        return cell[1:]
    return cell


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _read(path: Path, flavour: str) -> tuple[list[dict[str, Any]], Any]:
    if flavour == "stata":
        frame, meta = pyreadstat.read_dta(str(path), user_missing=True)
    else:
        frame, meta = pyreadstat.read_sav(str(path), user_missing=True,
                                          disable_datetime_conversion=True)
    rows = [dict(zip(frame.columns, r, strict=True))
            for r in frame.astype(object).itertuples(index=False)]
    return rows, meta


def _reason(value: Any, flavour: str) -> str | None:
    if flavour == "stata":
        return REASON_OF_LETTER.get(value) if isinstance(value, str) else None
    return REASON_OF_CODE.get(value) if isinstance(value, float) else None


def _compare(table_name: str, csv_rows: list[dict[str, str]], rows: list[dict[str, Any]],
             meta: Any, flavour: str, identified: bool) -> int:
    table = next(t for t in export_tables(identified=identified, include_free_text=True)
                 if t.name == table_name)
    assert len(rows) == len(csv_rows)
    assert set(meta.column_names) <= set(csv_rows[0] if csv_rows else meta.column_names)
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    checked = 0
    for c in table.columns:
        if c.name not in meta.column_names:  # folded into its field
            base = c.name.removesuffix("_missing")
            assert c.name.endswith("_missing") and base in meta.column_names, c.name
            continue
        assert labels[c.name] == c.label[:80]
        value_labels = {}
        if flavour == "stata" and c.name in meta.variable_to_label:
            value_labels = meta.value_labels[meta.variable_to_label[c.name]]
        elif flavour == "spss":
            value_labels = meta.variable_value_labels.get(c.name, {})
        folded = f"{c.name}_missing" not in meta.column_names and \
            any(x.name == f"{c.name}_missing" for x in table.columns)
        for csv_row, row in zip(csv_rows, rows, strict=True):
            expected, got = _as_typed(csv_row[c.name]), row[c.name]
            checked += 1
            reason = _reason(got, flavour)
            if reason is not None and (c.numeric or c.kind in (Kind.DATE, Kind.CODE)):
                assert folded and expected == "", (c.name, got, expected)
                assert csv_row[f"{c.name}_missing"] == reason
                assert value_labels[got] == REASON_LABEL[reason]
                continue
            if expected == "":
                assert _empty(got), (c.name, got)
                if folded:
                    assert csv_row[f"{c.name}_missing"] == ""
                continue
            if c.kind == Kind.DATE:
                if flavour == "spss":
                    got = date(1582, 10, 14) + timedelta(seconds=got)
                assert got.isoformat()[:10] == expected
            elif c.codes and c.kind in (Kind.CODE, Kind.BOOLEAN):
                assert got == codes_numeric(c.codes)[expected]
                assert value_labels[got] == dict(c.codes)[expected]
            elif c.numeric:
                assert got == pytest.approx(float(expected)), c.name
            else:
                assert got == expected, c.name
    return checked


@pytest.mark.parametrize("identified", [False, True], ids=["pseudonymised", "identified"])
@pytest.mark.parametrize("flavour", ["stata", "spss"])
def test_stats_files_hold_what_the_csvs_hold(tmp_path, flavour, identified):
    study = make_study(tmp_path / "s.jdm")
    options = {"identified": identified, "include_free_text": True}
    bundle = read_members(run_export(study, tmp_path / "b.zip", ExportOptions("bundle", **options),
                                     session=MANAGER).output)
    out = run_export(study, tmp_path / "s.zip", ExportOptions(flavour, **options),
                     session=MANAGER).output
    suffix = ".dta" if flavour == "stata" else ".sav"
    with zipfile.ZipFile(out) as z:
        z.extractall(tmp_path / "x")
        names = z.namelist()
    tables = [t.name for t in export_tables(identified=identified, include_free_text=True)]
    assert [n for n in names if n.endswith(suffix)] == [t + suffix for t in tables]
    assert "README.txt" in names and "manifest.json" in names
    checked = 0
    for name in tables:
        rows, meta = _read(tmp_path / "x" / (name + suffix), flavour)
        checked += _compare(name, read_csv(bundle[name + ".csv"]), rows, meta, flavour,
                            identified)
    assert checked > 100


def test_missing_reasons_fold_into_their_field(tmp_path):
    study = make_study(tmp_path / "s.jdm")
    for flavour, suffix in (("stata", ".dta"), ("spss", ".sav")):
        out = run_export(study, tmp_path / f"{flavour}.zip", ExportOptions(flavour),
                         session=MANAGER).output
        with zipfile.ZipFile(out) as z:
            z.extract("visit" + suffix, tmp_path / flavour)
        rows, meta = _read(tmp_path / flavour / ("visit" + suffix), flavour)
        assert "height_cm_missing" not in meta.column_names
        first = rows[0]
        assert _reason(first["height_cm"], flavour) == "missing_not_done"
        # P-002 has no tacrolimus: study day is .f / -999996 "no tacrolimus start"
        assert _reason(rows[2]["visit_date_day"], flavour) == "no_tacrolimus_start"
        if flavour == "stata":
            labels = meta.value_labels[meta.variable_to_label["height_cm"]]
            assert labels["a"] == "Not done" and labels["e"] == "Lost"
        else:
            assert meta.missing_ranges["height_cm"] == [{"lo": -999999.0, "hi": -999991.0}]


def test_stata_label_sets_are_shared_and_named_within_32_characters(tmp_path):
    study = make_study(tmp_path / "s.jdm")
    out = run_export(study, tmp_path / "s.zip", ExportOptions("stata", identified=True),
                     session=MANAGER).output
    with zipfile.ZipFile(out) as z:
        z.extractall(tmp_path / "x")
    for dta in (tmp_path / "x").glob("*.dta"):
        _, meta = pyreadstat.read_dta(str(dta))
        assert set(meta.variable_to_label.values()) == set(meta.value_labels)
        assert all(len(n) <= 32 for n in meta.value_labels), dta.name
    _, meta = pyreadstat.read_dta(str(tmp_path / "x" / "visit.dta"))
    sets = meta.variable_to_label
    assert sets["skin_gottron"] == sets["skin_malar"] == "skin_heliotrope"
    assert sets["sbp"] == sets["weight_kg"] == "missing"
    assert meta.value_labels["skin_heliotrope"] == {1: "Yes", 0: "No", "a": "Not done",
                                                    "b": "Not applicable", "c": "Unknown",
                                                    "d": "Refused", "e": "Lost"}


def test_label_set_renaming_refuses_a_name_over_32_characters(tmp_path):
    import pandas as pd

    path = tmp_path / "t.dta"
    pyreadstat.write_dta(pd.DataFrame({"x": [1.0]}), str(path),
                         variable_value_labels={"x": {1.0: "one"}})
    with pytest.raises(ValueError, match="too long"):
        name_label_sets(path, {"x": "n" * 33})
