"""CSV cells and streams: the CSV rules of the export (issue 5, point 4).

UTF-8 without BOM, RFC 4180 quoting (``"`` doubled, CRLF line ends), ``.`` as the decimal
separator, a missing value is an empty cell. Every value is written exactly as stored (issue 18,
point 4): a text such as ``=AB`` or ``+tremor`` is not prefixed, because analysts and REDCap read
the file as data. Formula safety belongs to the workbook (the xlsx writer stores such text as
strings); the bundle's README says to open the data in Excel through the xlsx file.
:func:`neutralise` remains for a caller that writes a CSV meant to be opened in a spreadsheet.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def number_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def text_cell(value: Any) -> str:
    if value is None:
        return ""
    return neutralise(value if isinstance(value, str) else str(value))


def plain_cell(value: Any) -> str:
    return "" if value is None else str(value)


def writer(stream: IO[str]) -> Any:
    return csv.writer(stream, dialect="excel", lineterminator="\r\n",
                      quoting=csv.QUOTE_MINIMAL)


def write_rows(stream: IO[str], header: Sequence[str], numeric: Sequence[bool],
               rows: Iterable[Sequence[Any]], *, neutralise_text: bool = False) -> int:
    """Write header and rows with the cell rules; returns the number of data rows. Values are
    written as they are unless ``neutralise_text`` asks for the spreadsheet prefix.

    Only the cells that need a rule go through Python: whole-number floats and booleans (and
    any other non-``int``, non-``float`` number) through :func:`number_cell`, and with
    ``neutralise_text`` the text cells. ``csv.writer`` itself writes ``None`` as an empty cell,
    a float as ``repr(value)`` and any other value as ``str(value)``: exactly
    :func:`plain_cell`, and :func:`number_cell` on an int or a fractional float.
    """
    w = writer(stream)
    w.writerow([neutralise(h) if neutralise_text else h for h in header])
    cell = number_cell  # looked up per call (tests replace it to simulate a full disk)
    width = len(numeric)
    numbers = [i for i, is_number in enumerate(numeric) if is_number]
    texts = [i for i, is_number in enumerate(numeric) if not is_number] \
        if neutralise_text else []
    n = 0
    for row in rows:
        if len(row) != width:
            raise ValueError(f"row {n + 1} has {len(row)} cells, the header {width}")
        out = list(row)
        for i in numbers:
            v = out[i]
            kind = v.__class__
            if v is not None and kind is not int and (kind is not float or v.is_integer()):
                out[i] = cell(v)
        for i in texts:
            out[i] = text_cell(out[i])
        w.writerow(out)
        n += 1
    return n


class HashingWriter(io.RawIOBase):
    """A binary sink that hashes (SHA-256) and counts what passes through to ``raw``."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        self.sha256.update(data)
        self.size += len(data)
        self.raw.write(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()
