"""Excel workbook (xlsxwriter): one sheet per table, the audit trail, the dictionary, an About.

Text is written with ``write_string`` (never parsed as a formula, a number or a URL), numbers
with ``write_number``, and dates, where an identified export keeps them, with
``write_datetime`` and a date format. ``constant_memory`` streams rows to disk as they come.
A table longer than a sheet (1 048 575 data rows) continues on ``<name> (2)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from jdmdesk import APP_NAME, __version__
from jdmdesk.domain.fields import Kind
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import DICTIONARY_HEADER, dictionary_rows
from jdmdesk.export.source import ExportSource

MAX_ROWS = 1_048_576  # Excel's limit, header included


class _Sheets:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.bold = book.add_format({"bold": True})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})

    def write(self, name: str, header: Sequence[str], kinds: Sequence[str],
              rows: Iterable[Sequence[Any]], progress: Progress | None = None) -> int:
        part, sheet, r, n = 1, self._new(name, header), 1, 0
        writers = [self._cell_writer(k) for k in kinds]
        for row in rows:
            if r >= MAX_ROWS:
                part += 1
                sheet, r = self._new(f"{name} ({part})", header), 1
            for c, (write, value) in enumerate(zip(writers, row, strict=True)):
                if value is not None and value != "":
                    write(sheet, r, c, value)
            r += 1
            n += 1
            if progress is not None:
                progress.step()
        return n

    def _new(self, name: str, header: Sequence[str]) -> Worksheet:
        sheet = self.book.add_worksheet(name[:31])
        for c, h in enumerate(header):
            sheet.write_string(0, c, h, self.bold)
        sheet.freeze_panes(1, 0)
        return sheet

    def _cell_writer(self, kind: str) -> Any:
        if kind in (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN):
            return lambda s, r, c, v: s.write_number(r, c, v)
        if kind == Kind.DATE:
            date_format = self.date
            return lambda s, r, c, v: s.write_datetime(r, c, datetime.fromisoformat(v),
                                                       date_format)
        return lambda s, r, c, v: s.write_string(r, c, str(v))


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
        sheets.write("about", ["item", "value"], [Kind.TEXT, Kind.TEXT], about)
        for table in source.tables:
            counts[table.name] = sheets.write(
                table.name, table.header, [c.kind for c in table.columns],
                (row for _, row in source.rows(table)), progress)
        cols, rows = source.audit()
        counts["audit_trail"] = sheets.write(
            "audit_trail", cols, [Kind.INTEGER if c == "seq" else Kind.TEXT for c in cols],
            rows, progress)
        counts["data_dictionary"] = sheets.write(
            "data_dictionary", DICTIONARY_HEADER, [Kind.TEXT] * len(DICTIONARY_HEADER),
            dictionary_rows(source.tables))
        progress.check()
    finally:
        book.close()
    return counts
