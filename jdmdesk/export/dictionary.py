"""The data dictionary: one row per column of every exported table, the audit trail included."""

from __future__ import annotations

from collections.abc import Iterator

from jdmdesk.export.code_lists import CodeLists
from jdmdesk.export.datapackage import value_type
from jdmdesk.export.rows import Table
from jdmdesk.i18n import dutch

DICTIONARY_HEADER = ["variable", "table", "label_en", "label_nl", "type", "value_type", "unit",
                     "allowed", "code_list", "origin", "description"]


def dictionary_rows(tables: list[Table]) -> Iterator[list[str]]:
    """``type`` is the catalogue's kind (code, decimal, …), ``value_type`` the type the values
    are written as (the data package's), ``code_list`` the list in code_lists.csv."""
    lists = CodeLists(tables)
    for t in tables:
        for c in t.columns:
            yield [c.name, t.name, c.label, dutch(c.label), str(c.kind), value_type(c), c.unit,
                   c.allowed, lists.name(c),
                   c.origin if c.origin in ("entered", "key") else "derived", c.description]
