"""Read the cells of an xlsx workbook without a spreadsheet library (inline and shared strings)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REF = re.compile(r"([A-Z]+)(\d+)")


def _text(node: ElementTree.Element | None) -> str:
    return "" if node is None else "".join(t.text or "" for t in node.iter(f"{{{_NS['m']}}}t"))


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def workbook_cells(path: Path) -> dict[str, dict[str, str]]:
    """sheet name -> cell reference ("B2") -> the cell's value as text."""
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)"', book)
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            shared = [_text(si) for si in root.findall("m:si", _NS)]
        out: dict[str, dict[str, str]] = {}
        for name, i in names:
            root = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{i}.xml"))
            cells: dict[str, str] = {}
            for c in root.iter(f"{{{_NS['m']}}}c"):
                kind = c.get("t")
                if kind == "inlineStr":
                    cells[c.get("r", "")] = _text(c.find("m:is", _NS))
                elif kind == "s":
                    v = c.find("m:v", _NS)
                    cells[c.get("r", "")] = shared[int(v.text or 0)] if v is not None else ""
                else:
                    v = c.find("m:v", _NS)
                    cells[c.get("r", "")] = "" if v is None else (v.text or "")
            out[name] = cells
        return out
