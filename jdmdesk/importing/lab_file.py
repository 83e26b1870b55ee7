"""Read a hospital lab file (CSV or xlsx) as a header and numbered rows of text, streaming.

CSV: any common delimiter (sniffed among ``, ; TAB |``), UTF-8 with or without BOM or
Windows-1252 (a first pass over the bytes decides, and computes the file's SHA-256 on the
way); a row's line number is the file line it starts on, the header being line 1. xlsx: the
first sheet, read with openpyxl in read-only mode (rows are streamed, never the whole file in
memory); a cell with a formula is refused (its value is whatever Excel last computed, or
nothing), a date cell becomes ``yyyy-mm-dd`` (with ``hh:mm`` when it has a time).

Anything else, an empty file, a binary file and a header with empty or repeated names raise
:class:`LabFileError` with one sentence for the user.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from jdmdesk.domain.parse import format_number
from jdmdesk.domain.texts import Message

CHUNK = 1 << 20
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
DELIMITERS = ",;\t|"


class LabFileError(ValueError):
    """A file that cannot be read as a lab file; ``str(err)`` says why, in one sentence."""


@dataclass(frozen=True)
class FileFacts:
    path: Path
    kind: str  # csv | xlsx
    sha256: str
    size: int
    encoding: str = ""  # csv only: utf-8-sig, utf-8 or cp1252
    delimiter: str = ""


@dataclass(frozen=True)
class Cell:
    """A problem found while reading, with its place (raised as part of a row)."""

    line: int
    column: str
    message: str


@dataclass
class Row:
    line: int
    cells: list[str]
    problems: list[Cell]


class RowStream:
    """The rows of an open file, streamed; :meth:`close` releases the file whether or not the
    rows were read (also on exhaustion)."""

    def __init__(self, rows: Iterator[Row], close: Callable[[], None]) -> None:
        self._rows = rows
        self._close = close

    def __iter__(self) -> Iterator[Row]:
        try:
            yield from self._rows
        finally:
            self.close()

    def close(self) -> None:
        self._close()


def inspect(path: Path) -> FileFacts:
    """One pass over the bytes: size, SHA-256, kind, and for CSV the encoding."""
    digest = hashlib.sha256()
    size = 0
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8, has_nul = True, False
    head = b""
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                if not head:
                    head = chunk[:4096]
                digest.update(chunk)
                size += len(chunk)
                has_nul = has_nul or b"\x00" in chunk
                if is_utf8:
                    try:
                        utf8.decode(chunk)
                    except UnicodeDecodeError:
                        is_utf8 = False
            if is_utf8:
                try:
                    utf8.decode(b"", final=True)
                except UnicodeDecodeError:
                    is_utf8 = False
    except IsADirectoryError:
        raise LabFileError(Message("{path} is a folder, not a file", path=str(path))) from None
    except FileNotFoundError:
        raise LabFileError(Message("{path}: no such file", path=str(path))) from None
    if size == 0:
        raise LabFileError(Message("{file} is empty", file=path.name))
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if suffix not in (".xlsx", ".xlsm", ""):
            raise LabFileError(Message("{file} is a ZIP archive, not a CSV file: save the lab "
                                       "results as CSV or xlsx", file=path.name))
        return FileFacts(path, "xlsx", digest.hexdigest(), size)
    if suffix == ".xlsx":
        raise LabFileError(Message("{file} is not an xlsx workbook (it may be damaged, or "
                                   "another format renamed)", file=path.name))
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".xls":
        raise LabFileError(Message("{file} is an old Excel (.xls) workbook: save it as xlsx or "
                                   "CSV first", file=path.name))
    if has_nul:
        raise LabFileError(Message("{file} is a binary file, not a CSV or xlsx file",
                                   file=path.name))
    encoding = ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8") if is_utf8 \
        else "cp1252"
    if encoding == "cp1252" and _cp1252_undefined(path):
        raise LabFileError(Message("{file} is neither UTF-8 nor Windows-1252 text",
                                   file=path.name))
    return FileFacts(path, "csv", digest.hexdigest(), size, encoding, _delimiter(path, encoding))


def _cp1252_undefined(path: Path) -> bool:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            if any(b in chunk for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
                return True
    return False


def _delimiter(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, newline="") as fh:
        sample = fh.read(64 * 1024)
    first = sample.splitlines()[0] if sample.splitlines() else ""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read(facts: FileFacts) -> tuple[list[str], RowStream]:
    """The header and an iterator over the rows (blank rows skipped)."""
    if facts.kind == "xlsx":
        return _read_xlsx(facts.path)
    return _read_csv(facts)


def _check_header(header: list[str], name: str) -> list[str]:
    header = [h.strip() for h in header]
    if not any(header):
        raise LabFileError(Message("{file} has no header row (line 1 is empty)", file=name))
    if "" in header:
        raise LabFileError(Message("{file}: column {n} of the header has no name", file=name,
                                   n=header.index("") + 1))
    seen: set[str] = set()
    for h in header:
        if h in seen:
            raise LabFileError(Message("{file}: the header names column '{column}' twice",
                                       file=name, column=h))
        seen.add(h)
    return header


def _read_csv(facts: FileFacts) -> tuple[list[str], RowStream]:
    fh: IO[str] = open(facts.path, encoding=facts.encoding, newline="")  # noqa: SIM115
    reader = csv.reader(fh, delimiter=facts.delimiter)
    try:
        first = next(reader, None)
        if first is None:
            raise LabFileError(Message("{file} is empty", file=facts.path.name))
        header = _check_header(first, facts.path.name)
    except csv.Error as err:
        fh.close()
        raise LabFileError(Message("{file}: line 1 cannot be read as CSV ({error})",
                                   file=facts.path.name, error=str(err))) from None
    except BaseException:
        fh.close()
        raise

    def rows() -> Iterator[Row]:
        start = reader.line_num + 1
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    yield Row(start, [], [Cell(start, "", Message("cannot be read as CSV ({error})",
                                                                 error=str(err)))])
                    start = reader.line_num + 1
                    continue
                if any(c.strip() for c in cells):
                    yield Row(start, cells, [])
                start = reader.line_num + 1
        finally:
            fh.close()

    return header, RowStream(rows(), fh.close)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != time(0) \
            else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value)
    return str(value)


def _read_xlsx(path: Path) -> tuple[list[str], RowStream]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise LabFileError(Message("{file} cannot be read as an xlsx workbook ({error})",
                                   file=path.name, error=str(err))) from None
    ws = wb.worksheets[0] if wb.worksheets else None
    if ws is None:
        wb.close()
        raise LabFileError(Message("{file} has no worksheet", file=path.name))
    it = ws.iter_rows()
    try:
        first = next(it, None)
        if first is None:
            raise LabFileError(Message("{file}: the first sheet is empty", file=path.name))
        header = _check_header([_text(c.value) for c in first], path.name)
    except BaseException:
        wb.close()
        raise

    def rows() -> Iterator[Row]:
        line = 1
        try:
            for cells in it:
                line = next((c.row for c in cells if isinstance(getattr(c, "row", None), int)),
                            line + 1)
                problems, texts = [], []
                for i, c in enumerate(cells):
                    if getattr(c, "data_type", None) == "f":
                        col = header[i] if i < len(header) else get_column_letter(i + 1)
                        problems.append(Cell(line, col, Message("a formula cell: type or paste "
                                                                "its value instead")))
                        texts.append("")
                    else:
                        texts.append(_text(c.value))
                while len(texts) > len(header) and not texts[-1].strip():
                    texts.pop()
                texts += [""] * (len(header) - len(texts))
                if any(t.strip() for t in texts) or problems:
                    yield Row(line, texts, problems)
        finally:
            wb.close()

    return header, RowStream(rows(), wb.close)


def sample(path: Path, n: int = 8) -> tuple[FileFacts, list[str], list[Row]]:
    """The header and the first ``n`` rows, for the mapping dialog's preview."""
    facts = inspect(path)
    header, rows = read(facts)
    first: list[Row] = []
    for row in rows:
        first.append(row)
        if len(first) >= n:
            break
    rows.close()
    return facts, header, first


