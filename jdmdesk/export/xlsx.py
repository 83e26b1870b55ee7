"""Excel workbook (xlsxwriter): one sheet per table, the audit trail, the dictionary, an About.

Text is written with ``write_string`` (never parsed as a formula, a number or a URL), numbers
with ``write_number``, and dates, where an identified export keeps them, with
``write_datetime`` and a date format. A code column is written as the type the data
dictionary gives it (``value_type``: numbers for whole-number code lists such as the AE grade,
text otherwise). Every sheet has an autofilter over its rows and column widths set from the
header and the kind of value. ``constant_memory`` streams rows to disk as they come.
A table longer than a sheet (1 048 575 data rows) continues on ``<name> (2)``.

A cell holds at most 32 767 characters (UTF-16 units, as Excel counts them); xlsxwriter would
cut a longer string silently. The app's own entry rules keep what people type far below that,
but a study file can hold longer text (an older version, a tool that wrote around the app).
Such a cell shows its beginning and a visible marker with the full length, and the ``about``
sheet (the workbook's README) lists every cut cell: sheet, row, column, full length and the
CSV bundle member that holds the whole value. The CSV formats never cut anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from jdmdesk import APP_NAME, __version__
from jdmdesk.domain.fields import Kind
from jdmdesk.export.datapackage import value_type
from jdmdesk.export.dictionary import DICTIONARY_HEADER, dictionary_rows
from jdmdesk.export.options import Progress
from jdmdesk.export.source import ExportSource

MAX_ROWS = 1_048_576  # Excel's limit, header included
CELL_MAX = 32_767  # Excel's limit of a cell's text, in UTF-16 code units
BUNDLE_HINT = ("export the study again with --format bundle and the same options "
               "(identified, free text)")

CellWriter = Callable[[Worksheet, int, int, Any], None]
# column width (characters) by kind of value; text grows with its header up to TEXT_WIDTH
KIND_WIDTH = {Kind.INTEGER: 8, Kind.DECIMAL: 10, Kind.BOOLEAN: 7, Kind.DATE: 11, Kind.TIME: 7,
              Kind.CODE: 12, "datetime": 20}
TEXT_WIDTH, MAX_WIDTH = 24, 60


def column_width(header: str, kind: str) -> int:
    """A sensible width: the header's length or the kind's usual width, whichever is wider."""
    return min(MAX_WIDTH, max(len(header) + 2, KIND_WIDTH.get(kind, TEXT_WIDTH)))


def sheet_kinds(columns: Sequence[Any]) -> list[str]:
    """How each column's values are written: a whole-number code list as integers."""
    return [Kind.INTEGER if c.kind == Kind.CODE and value_type(c) == "integer" else c.kind
            for c in columns]


def utf16_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (characters outside the BMP count twice)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fit_cell(text: str) -> str | None:
    """``None`` when ``text`` fits a cell; otherwise its beginning and a visible marker, within
    :data:`CELL_MAX` together."""
    if len(text) <= CELL_MAX // 2 or utf16_length(text) <= CELL_MAX:
        return None
    marker = f" \u2026[TRUNCATED: {len(text)} characters in full, see the about sheet]"
    budget = CELL_MAX - utf16_length(marker)
    head = text[:budget].encode("utf-16-le", "surrogatepass")[:2 * budget]
    return head.decode("utf-16-le", "ignore") + marker  # "ignore" drops a split pair's half


@dataclass(frozen=True)
class CutCell:
    """A cell whose text was longer than Excel allows, as the about sheet lists it."""

    sheet: str
    row: int  # as Excel numbers rows (the header is row 1)
    column: str  # the column's header
    cell: str  # A1 reference
    full_length: int  # characters of the whole value
    full_value_in: str  # where the whole value is


class _Sheets:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.bold = book.add_format({"bold": True})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.cut: list[CutCell] = []
        self.next_row: dict[str, tuple[Worksheet, int]] = {}

    def write(self, name: str, header: Sequence[str], kinds: Sequence[str],
              rows: Iterable[Sequence[Any]], progress: Progress | None = None, *,
              full_values_in: str = "") -> int:
        part, sheet, r, n = 1, self._new(name, header, kinds), 1, 0
        where = full_values_in or f"{name}.csv in the CSV bundle"
        writers = [self._cell_writer(k, h, where) for k, h in zip(kinds, header, strict=True)]
        for row in rows:
            if r >= MAX_ROWS:
                self._filter(sheet, r, header)
                part += 1
                sheet, r = self._new(f"{name} ({part})", header, kinds), 1
            for c, (write, value) in enumerate(zip(writers, row, strict=True)):
                if value is not None and value != "":
                    write(sheet, r, c, value)
            r += 1
            n += 1
            if progress is not None:
                progress.step()
        self._filter(sheet, r, header)
        self.next_row[name] = (sheet, r)
        return n

    def _new(self, name: str, header: Sequence[str], kinds: Sequence[str]) -> Worksheet:
        sheet = self.book.add_worksheet(name[:31])
        for c, (h, kind) in enumerate(zip(header, kinds, strict=True)):
            sheet.set_column(c, c, column_width(h, kind))
            sheet.write_string(0, c, h, self.bold)
        sheet.freeze_panes(1, 0)
        return sheet

    @staticmethod
    def _filter(sheet: Worksheet, rows: int, header: Sequence[str]) -> None:
        """An autofilter over the header and the ``rows - 1`` data rows below it."""
        if header:
            sheet.autofilter(0, 0, max(rows - 1, 0), len(header) - 1)

    def _cell_writer(self, kind: str, column: str, where: str) -> CellWriter:
        if kind in (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN):
            return lambda s, r, c, v: s.write_number(r, c, float(v) if isinstance(v, str)
                                                     else v)
        if kind == Kind.DATE:
            date_format = self.date
            return lambda s, r, c, v: s.write_datetime(r, c, datetime.fromisoformat(v),
                                                       date_format)

        def text(s: Worksheet, r: int, c: int, v: Any) -> None:
            value = str(v)
            shown = fit_cell(value)
            if shown is not None:
                self.cut.append(CutCell(s.name, r + 1, column, xl_rowcol_to_cell(r, c),
                                        len(value), where))
            s.write_string(r, c, value if shown is None else shown)
        return text

    def note_cut_cells(self, name: str) -> None:
        """Below the rows of sheet ``name``: why cells were cut and a list of them."""
        if not self.cut:
            return
        sheet, r = self.next_row[name]
        sheet.write_string(r + 1, 0, "truncated_cells")
        sheet.write_string(r + 1, 1, (
            f"{len(self.cut)} cell(s) held more than Excel's {CELL_MAX} characters per cell: "
            "each shows its beginning and ends with a visible truncation marker. The whole "
            f"values are in the CSV bundle: {BUNDLE_HINT}."))
        header = ("truncated_sheet", "row", "column", "cell", "full_length", "full_value_in")
        for c, h in enumerate(header):
            sheet.write_string(r + 2, c, h, self.bold)
        for i, cut in enumerate(self.cut, start=r + 3):
            sheet.write_string(i, 0, cut.sheet)
            sheet.write_number(i, 1, cut.row)
            sheet.write_string(i, 2, cut.column)
            sheet.write_string(i, 3, cut.cell)
            sheet.write_number(i, 4, cut.full_length)
            sheet.write_string(i, 5, cut.full_value_in)


def write_xlsx(source: ExportSource, path: Path, progress: Progress) -> dict[str, int]:
    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "tmpdir": f"{path}.d",  # atomic_output's scratch folder, removed with the file
    })
    sheets = _Sheets(book)
    counts: dict[str, int] = {}
    try:
        about = [("app", f"{APP_NAME} {__version__}"),
                 ("schema_version", str(source.schema_version)),
                 ("study_name", source.study_name),
                 ("exported_at_utc", source.exported_at),
                 *((k, str(v)) for k, v in source.options.as_dict().items()),
                 *(("de-identification", s) for s in source.deidentification_steps())]
        sheets.write("about", ["item", "value"], [Kind.TEXT, Kind.TEXT], about,
                     full_values_in="manifest.json in the CSV bundle")
        for table in source.tables:
            counts[table.name] = sheets.write(
                table.name, table.header, sheet_kinds(table.columns),
                (row for _, row in source.rows(table)), progress)
        cols, rows = source.audit()
        counts["audit_trail"] = sheets.write(
            "audit_trail", cols, sheet_kinds(source.audit_table().columns), rows, progress)
        counts["data_dictionary"] = sheets.write(
            "data_dictionary", DICTIONARY_HEADER, [Kind.TEXT] * len(DICTIONARY_HEADER),
            dictionary_rows([*source.tables, source.audit_table()]))
        sheets.note_cut_cells("about")
        progress.check()
    finally:
        book.close()
    return counts
