"""Code lists of an export: one name per list, shared by every column that uses it.

``code_lists.csv`` holds one row per code (list, code, label, order); the data dictionary names
each column's list in ``code_list``. A list from :mod:`jdmdesk.domain.codes` keeps its name
there (``AE_ACTIONS`` -> ``ae_actions``); any other list is named after the first column that
uses it. Lists with the same codes and labels are one list. A list whose codes are all whole
numbers (AE grade, yes/no, physical activity) is an integer list: its values are written as
numbers in the workbook and typed ``integer`` in the data package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from jdmdesk.domain import codes
from jdmdesk.domain.codes import CodeList
from jdmdesk.export.rows import DAY_MISSING_CODES, Column, Table
from jdmdesk.i18n import dutch

CODE_LISTS_HEADER = ["list", "code", "label_en", "label_nl", "order"]
_RENAMED = {"missing_reasons_export": "missing_reason"}


def _domain_names() -> dict[CodeList, str]:
    names: dict[CodeList, str] = {DAY_MISSING_CODES: "day_missing_reason"}
    for name, value in vars(codes).items():
        if name.isupper() and isinstance(value, tuple) and value \
                and all(isinstance(v, tuple) and len(v) == 2 for v in value):
            names.setdefault(value, _RENAMED.get(name.lower(), name.lower()))
    return names


def integer_codes(code_list: CodeList) -> bool:
    """Whether every code of the list is a whole number written without a leading zero."""
    return bool(code_list) and all(c.isdigit() and (c == "0" or not c.startswith("0"))
                                   for c, _ in code_list)


class CodeLists:
    """The named code lists of a set of tables."""

    def __init__(self, tables: Iterable[Table]) -> None:
        known = _domain_names()
        self.names: dict[CodeList, str] = {}
        taken: set[str] = set()
        for t in tables:
            for c in t.columns:
                if not c.codes or c.codes in self.names:
                    continue
                name = known.get(c.codes, c.name)
                while name in taken:
                    name += "_"
                self.names[c.codes] = name
                taken.add(name)

    def name(self, column: Column) -> str:
        return self.names.get(column.codes, "") if column.codes else ""

    def rows(self) -> Iterator[list[object]]:
        for code_list, name in self.names.items():
            for order, (code, label) in enumerate(code_list, start=1):
                yield [name, code, label, dutch(label), order]
