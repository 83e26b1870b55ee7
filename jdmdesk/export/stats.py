"""Stata (.dta) and SPSS (.sav) files: one per table in a ZIP, written with pyreadstat.

Each export table becomes one data file with the same rows and the same de-identification as
the bundle's CSV of that name. What changes is the typing a statistics package expects:

* variable labels are the data dictionary's labels (Stata keeps 80 characters);
* every code list becomes a value label set: codes are stored as numbers (``1``/``0`` for yes/no
  fields, otherwise 1, 2, … in the code list's order) labelled with the code list's labels. In
  Stata a set is shared by every variable with the same code list and named after the first
  of them (at most 32 characters);
* a ``<field>_missing`` column is folded into its field when the field is numeric, a code or a
  date: the reason becomes an extended missing value (Stata ``.a`` not done, ``.b`` not
  applicable, ``.c`` unknown, ``.d`` refused, ``.e`` lost, ``.f`` no tacrolimus start) or an
  SPSS user-missing code (-999991 … -999996, declared as the variable's missing range), each
  labelled with the reason. Text and time fields keep their ``_missing`` column, coded;
* calendar dates (identified exports only) are dates (Stata ``%td``, SPSS ``DATE11``); times
  stay text (``HH:MM``); text that is empty is an empty string.

The audit trail is not included (it is in the bundle and, identified, in the ODM file).
pyreadstat writes whole data frames, so each table's values are gathered column by column in
compact arrays (numbers as 8-byte floats) before its file is written.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from jdmdesk.domain.codes import CodeList
from jdmdesk.domain.fields import Kind
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import DAY_MISSING_CODES, Column, Table
from jdmdesk.export.source import ExportSource
from jdmdesk.export.stata_labels import name_label_sets
from jdmdesk.export.zipmembers import ZipMembers

# Every missing reason in a fixed order: its Stata letter and SPSS code follow from the index.
REASONS: CodeList = DAY_MISSING_CODES
LETTER = {code: chr(ord("a") + i) for i, (code, _) in enumerate(REASONS)}
SPSS_CODE = {code: float(-999991 - i) for i, (code, _) in enumerate(REASONS)}
SPSS_RANGE = {"lo": -999999.0, "hi": -999991.0}
STATA_EPOCH = date(1960, 1, 1)
SPSS_EPOCH = date(1582, 10, 14)
LABEL_MAX = 80  # Stata's variable label length
NAME_MAX = 32  # Stata's variable and label set name length
FOLDABLE = (Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN, Kind.DATE, Kind.CODE)
SUFFIX = {"stata": ".dta", "spss": ".sav"}
CHUNK_ROWS = 2_048  # rows turned into columns at a time


def codes_numeric(codes: CodeList) -> dict[str, float]:
    """The number stored for each code: the code itself when all are integers, else 1, 2, …"""
    try:
        return {c: float(int(c)) for c, _ in codes}
    except ValueError:
        return {c: float(i) for i, (c, _) in enumerate(codes, start=1)}


@dataclass
class Variable:
    column: Column
    index: int  # of the value in the table row
    missing_index: int | None = None  # of the folded ``_missing`` column
    missing_codes: CodeList = ()
    numbers: dict[str, float] = field(default_factory=dict)  # code -> stored number
    numeric: bool = field(init=False)  # held as numbers (with missing codes), not as text

    def __post_init__(self) -> None:
        c = self.column
        self.numeric = c.numeric or c.kind == Kind.DATE or (c.kind == Kind.CODE
                                                             and bool(c.codes))

    @property
    def name(self) -> str:
        return self.column.name


def table_variables(table: Table) -> list[Variable]:
    """The variables of a table's data file, with the ``_missing`` columns that fold in."""
    cols = list(table.columns)
    index = {c.name: i for i, c in enumerate(cols)}
    out: list[Variable] = []
    folded: set[str] = set()
    for c in cols:
        base = c.name.removesuffix("_missing")
        if c.name.endswith("_missing") and base in index and \
                cols[index[base]].kind in FOLDABLE and not \
                (cols[index[base]].kind == Kind.CODE and not cols[index[base]].codes):
            folded.add(c.name)
    for i, c in enumerate(cols):
        if c.name in folded:
            continue
        v = Variable(c, i)
        if c.codes and v.numeric:
            v.numbers = codes_numeric(c.codes)
        m = f"{c.name}_missing"
        if m in folded:
            v.missing_index = index[m]
            v.missing_codes = cols[index[m]].codes
        out.append(v)
    return out


def _day_number(value: Any, epoch: date) -> float | None:
    if value in (None, ""):
        return None
    return float((date.fromisoformat(str(value)) - epoch).days)


class _Cells:
    """Turns table cells into the values a Stata or SPSS column holds."""

    def __init__(self, flavour: str) -> None:
        self.flavour = flavour

    def cell(self, v: Variable, row: list[Any]) -> Any:
        value = row[v.index]
        c = v.column
        if not v.numeric:
            return "" if value is None else str(value)
        if value is None or value == "":
            reason = row[v.missing_index] if v.missing_index is not None else None
            if reason is None:
                return None
            return LETTER[reason] if self.flavour == "stata" else SPSS_CODE[reason]
        if c.kind == Kind.DATE:
            epoch = STATA_EPOCH if self.flavour == "stata" else SPSS_EPOCH
            days = _day_number(value, epoch)
            return days if self.flavour == "stata" or days is None else days * 86400.0
        if v.numbers:
            return v.numbers[str(value)]
        return float(value)


def _value_labels(v: Variable, flavour: str) -> dict[Any, str]:
    labels: dict[Any, str] = {}
    for code, label in v.column.codes if v.numbers else ():
        labels[v.numbers[code]] = label
    for code, label in v.missing_codes:
        labels[LETTER[code] if flavour == "stata" else SPSS_CODE[code]] = label
    return labels


class _Column:
    """One variable's values while its table is read: numbers in a float array (8 bytes a
    value; NaN for empty), Stata's missing letters apart (row -> letter), text as strings.
    A whole table is never held as Python objects, row by row."""

    def __init__(self, v: Variable) -> None:
        self.v = v
        self.numbers = array("d")
        self.letters: dict[int, str] = {}
        self.texts: list[str] = []

    def add(self, value: Any, n: int) -> None:
        if not self.v.numeric:
            self.texts.append(value)
        elif value is None:
            self.numbers.append(math.nan)
        elif isinstance(value, str):  # a Stata extended missing value
            self.numbers.append(math.nan)
            self.letters[n] = value
        else:
            self.numbers.append(value)

    def add_chunk(self, values: tuple[Any, ...], reasons: tuple[Any, ...] | None, start: int,
                  flavour: str) -> None:
        """Rows ``start`` … of this variable at once (``values`` from the table rows,
        ``reasons`` from its folded ``_missing`` column): the same values as :meth:`add` of
        :meth:`_Cells.cell` row by row, converted a column slice at a time."""
        import numpy as np

        v = self.v
        if not v.numeric:
            self.texts += ["" if x is None else str(x) for x in values]
            return
        c = v.column
        if c.kind == Kind.DATE:
            epoch = STATA_EPOCH if flavour == "stata" else SPSS_EPOCH
            scale = 1.0 if flavour == "stata" else 86400.0
            days = [_day_number(x, epoch) for x in values]
            numbers = np.array([math.nan if d is None else d * scale for d in days],
                               dtype="float64")
        elif v.numbers:
            codes = v.numbers
            numbers = np.array([math.nan if x is None or x == "" else codes[str(x)]
                                for x in values], dtype="float64")
        else:
            try:  # None is NaN; ints, floats and booleans as floats
                numbers = np.array(values, dtype="float64")
            except (TypeError, ValueError):  # an empty string or a number held as text
                numbers = np.array([math.nan if x is None or x == "" else float(x)
                                    for x in values], dtype="float64")
        if reasons is not None and reasons.count(None) != len(reasons):
            for j, (x, reason) in enumerate(zip(values, reasons, strict=True)):
                if reason is None or not (x is None or x == ""):
                    continue
                if flavour == "stata":
                    self.letters[start + j] = LETTER[reason]
                else:
                    numbers[j] = SPSS_CODE[reason]
        self.numbers.frombytes(numbers.tobytes())

    def series(self) -> Any:
        import numpy as np
        import pandas as pd

        if not self.v.numeric:
            return pd.Series(self.texts, dtype="str")
        values = np.frombuffer(self.numbers, dtype="float64") if self.numbers \
            else np.empty(0, dtype="float64")
        if not self.letters:
            return pd.Series(values, dtype="float64")
        mixed = values.astype(object)  # only a column that holds a missing letter
        mixed[np.isnan(values)] = None
        for row, letter in self.letters.items():
            mixed[row] = letter
        return pd.Series(mixed, dtype=object)


def _write_table(table: Table, rows: Iterable[list[Any]], path: Path, flavour: str,
                 label: str) -> int:
    import pandas as pd
    import pyreadstat

    variables = table_variables(table)
    data = [_Column(v) for v in variables]
    n = 0
    it = iter(rows)
    while chunk := list(islice(it, CHUNK_ROWS)):
        by_column = list(zip(*chunk, strict=True))
        for column in data:
            m = column.v.missing_index
            column.add_chunk(by_column[column.v.index], None if m is None else by_column[m], n,
                             flavour)
        n += len(chunk)
    del it
    frame = pd.DataFrame({c.v.name: c.series() for c in data}, copy=False)
    del data
    column_labels: dict[str, str | None] = {v.name: v.column.label[:LABEL_MAX]
                                             for v in variables}
    value_labels = {v.name: labels for v in variables if (labels := _value_labels(v, flavour))}
    if flavour == "stata":
        pyreadstat.write_dta(
            frame, str(path), file_label=label[:LABEL_MAX], column_labels=column_labels,
            variable_value_labels=value_labels,
            missing_user_values={v.name: [LETTER[c] for c, _ in v.missing_codes]
                                 for v in variables if v.missing_codes},
            variable_format={v.name: "%td" for v in variables if v.column.kind == Kind.DATE})
        name_label_sets(path, _set_names(variables, value_labels))
    else:
        pyreadstat.write_sav(
            frame, str(path), file_label=label, column_labels=column_labels,
            variable_value_labels=value_labels,
            missing_ranges={v.name: [dict(SPSS_RANGE)]  # type: ignore[list-item]
                            for v in variables if v.missing_codes},
            variable_format={v.name: "DATE11" for v in variables if v.column.kind == Kind.DATE},
            variable_measure={v.name: "nominal" for v in variables if v.numbers})
    return n


def _set_names(variables: list[Variable],
               value_labels: dict[str, dict[Any, str]]) -> dict[str, str]:
    """Variable -> shared label set name: one set per distinct labelling, named after the first
    variable that uses it (missing-only sets after their code list), within 32 characters."""
    by_content: dict[tuple[tuple[str, str], ...], str] = {}
    out: dict[str, str] = {}
    used: set[str] = set()
    for v in variables:
        labels = value_labels.get(v.name)
        if not labels:
            continue
        key = tuple(sorted((str(k), s) for k, s in labels.items()))
        if key not in by_content:
            base = v.name if v.numbers else (
                "day_missing" if v.missing_codes == DAY_MISSING_CODES else "missing")
            name, i = base[:NAME_MAX], 1
            while name in used:
                i += 1
                name = f"{base[:NAME_MAX - len(str(i)) - 1]}_{i}"
            used.add(name)
            by_content[key] = name
        out[v.name] = by_content[key]
    return out


def _table_rows(source: ExportSource, table: Table, progress: Progress) -> Iterator[list[Any]]:
    for _pid, row in source.rows(table):
        progress.step()
        yield row


def _add_file(z: ZipMembers, member: str, path: Path, rows: int) -> None:
    os.chmod(path, 0o644)
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            sha.update(block)
    digest = sha.hexdigest()
    z.zip.write(path, member)
    z.hashes[member] = {"sha256": digest, "bytes": path.stat().st_size}
    z.rows[member] = rows


def write_stats(source: ExportSource, path: Path, progress: Progress,
                flavour: str) -> dict[str, int]:
    """A ZIP of one Stata or SPSS file per table, a README and the manifest."""
    suffix = SUFFIX[flavour]
    counts: dict[str, int] = {}
    z = ZipMembers(path)
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".stats-") as tmp:
            for table in source.tables:
                member = table.name + suffix
                out = Path(tmp) / member
                n = _write_table(table, _table_rows(source, table, progress), out, flavour,
                                 f"{source.study_name}: {table.label}")
                _add_file(z, member, out, n)
                out.unlink()
                counts[member] = n
        z.text("README.txt", (__doc__ or "").strip() + "\n\nDe-identification applied:\n"
               + "".join(f"- {s}\n" for s in source.deidentification_steps()))
        progress.check()
        z.manifest(source.manifest_base())
    finally:
        z.close()
    return counts
