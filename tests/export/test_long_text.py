"""Values longer than an Excel cell (issue 15, item 4): never cut silently.

A study file may hold text longer than Excel's 32 767 characters (written by an older version,
or by a tool that bypassed the app's length rules). The CSV formats carry it whole; the xlsx
cell shows its beginning and a visible marker, and the workbook's about sheet lists every cut
cell with its sheet, row, column and full length, pointing to the CSV bundle.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdmdesk.db.connection import write_transaction
from jdmdesk.db.settings_repo import write_settings
from jdmdesk.db.studyfile import open_study
from jdmdesk.export import ExportOptions
from jdmdesk.export.xlsx import fit_cell
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER

from .helpers import make_study, read_csv, read_members
from .xlsx_cells import column_letters, workbook_cells

EXCEL_MAX = 32_767
LONG_NAME = "Tacrolimus in refractory JDM " + "abcdefghij" * 4_000  # 40 029 characters
# 20 000 characters: a note the entry form accepts, but 40 000 UTF-16 units in Excel's count
WIDE_NOTE = "\U0001F600" * 20_000


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = make_study(tmp_path / "s.jdm", note=WIDE_NOTE)
    study = open_study(path)
    try:  # the db layer, as an older version or another tool would have written it
        with write_transaction(study.db) as db:
            write_settings(db, "manager", {"study_name": LONG_NAME}, "renamed")
    finally:
        study.close()
    return path


def _truncation_table(about: dict[str, str]) -> list[dict[str, str]]:
    """The rows under the about sheet's header row ``sheet | row | column | ...``."""
    header_row = next(int(ref[1:]) for ref, v in about.items()
                      if ref.startswith("A") and v == "truncated_sheet")
    names = [about.get(f"{column_letters(c)}{header_row}", "") for c in range(6)]
    rows = []
    r = header_row + 1
    while f"A{r}" in about:
        rows.append({n: about.get(f"{column_letters(c)}{r}", "") for c, n in enumerate(names)})
        r += 1
    return rows


def test_xlsx_marks_every_cut_cell_and_lists_it_in_the_about_sheet(study, tmp_path):
    out = tmp_path / "study.xlsx"
    run_export(study, out, ExportOptions("xlsx", include_free_text=True), session=MANAGER)
    book = workbook_cells(out)
    marked = set()
    for sheet, cells in book.items():
        for ref, value in cells.items():
            assert _utf16(value) <= EXCEL_MAX, (sheet, ref)
            if "[TRUNCATED" in value:
                marked.add((sheet, ref))
    about = book["about"]
    name_ref = next(ref for ref, v in about.items() if v == "study_name")
    shown = about["B" + name_ref[1:]]
    assert shown.startswith(LONG_NAME[:30_000]) and "[TRUNCATED" in shown
    listed = _truncation_table(about)
    assert {(r["truncated_sheet"], r["cell"]) for r in listed} == marked
    assert ("about", "B" + name_ref[1:]) in marked
    assert {r["truncated_sheet"] for r in listed} >= {"about", "patient", "visit", "audit_trail"}
    by_cell = {(r["truncated_sheet"], r["cell"]): r for r in listed}
    assert by_cell[("about", "B" + name_ref[1:])]["full_length"] == str(len(LONG_NAME))
    note_row = next(r for r in listed if r["truncated_sheet"] == "patient")
    assert note_row["column"] == "note" and note_row["full_length"] == str(len(WIDE_NOTE))
    assert "bundle" in " ".join(about.values())  # where the full values are


def test_audit_sheet_lists_the_full_length_the_bundle_holds(study, tmp_path):
    xlsx, bundle = tmp_path / "study.xlsx", tmp_path / "bundle.zip"
    run_export(study, xlsx, ExportOptions("xlsx"), session=MANAGER)
    run_export(study, bundle, ExportOptions("bundle"), session=MANAGER)
    audit = read_csv(read_members(bundle)["audit_trail.csv"])
    renamed = next(r for r in audit if r["field"] == "study_name")
    assert renamed["new_value"] == LONG_NAME  # whole in the CSV
    listed = _truncation_table(workbook_cells(xlsx)["about"])
    cut = next(r for r in listed if r["truncated_sheet"] == "audit_trail")
    assert cut["column"] == "new_value"
    assert cut["full_length"] == str(len(renamed["new_value"]))
    assert "audit_trail.csv" in cut["full_value_in"]


def test_csv_formats_keep_long_values_whole(study, tmp_path):
    bundle, redcap, odm = tmp_path / "b.zip", tmp_path / "r.zip", tmp_path / "s.xml"
    options = {"include_free_text": True}
    run_export(study, bundle, ExportOptions("bundle", **options), session=MANAGER)
    run_export(study, redcap, ExportOptions("redcap", **options), session=MANAGER)
    run_export(study, odm, ExportOptions("odm", **options), session=MANAGER)
    members = read_members(bundle)
    assert json.loads(members["manifest.json"])["study_name"] == LONG_NAME
    assert read_csv(members["patient.csv"])[0]["note"] == WIDE_NOTE
    rows = read_csv(read_members(redcap)["redcap_import.csv"])
    assert rows[0]["pt_note"] == WIDE_NOTE
    assert f"<StudyName>{LONG_NAME}</StudyName>" in odm.read_text(encoding="utf-8")


def test_xlsx_of_an_ordinary_study_has_no_truncation_note(tmp_path):
    path = make_study(tmp_path / "s.jdm")
    out = tmp_path / "study.xlsx"
    run_export(path, out, ExportOptions("xlsx", include_free_text=True), session=MANAGER)
    about = workbook_cells(out)["about"]
    assert not any("TRUNCATED" in v or v == "truncated_sheet" for v in about.values())


@pytest.mark.parametrize("text", [
    "a" * EXCEL_MAX + "b",  # one character too many
    "a" * 32_700 + "\U0001F600" * 100,  # the cut falls inside a surrogate pair
    "\U0001F600" * 16_384,  # 32 768 UTF-16 units in 16 384 characters
])
def test_a_cut_cell_fits_excel_and_says_so(text):
    shown = fit_cell(text)
    assert shown is not None and _utf16(shown) <= EXCEL_MAX
    head, marker = shown.split(" \u2026[TRUNCATED: ")
    assert text.startswith(head) and len(head) > 16_000
    assert marker.startswith(f"{len(text)} characters in full")
    shown.encode("utf-8")  # no half of a surrogate pair left behind


@pytest.mark.parametrize("text", ["", "a" * EXCEL_MAX, "\U0001F600" * 16_383 + "a"])
def test_a_cell_that_fits_is_left_whole(text):
    assert fit_cell(text) is None
