"""``datapackage.json``: the bundle as a Frictionless Data Package (Table Schema per CSV).

Each CSV is a tabular data resource with its ``bytes`` and ``hash`` (SHA-256) and a schema:
field types (``string`` for every text and code, so a study code ``007`` stays ``007``;
``integer`` for whole numbers, also where some rows are empty), formats (``%H:%M`` for sample
times, ISO dates), code lists as ``enum``, the field catalogue's ranges as ``minimum`` and
``maximum``, the primary key (``record_id``; ``study_code`` for patients; ``seq`` for the audit
trail), foreign keys to ``patient.study_code`` and, for the analysis table, to
``visit.record_id``, and the one missing-value marker, the empty cell.

:func:`value_type` is the one mapping from a column's kind to the type its values are stored
as; the data dictionary (``value_type``) and the workbook (numbers or text) use it too.
"""

from __future__ import annotations

from typing import Any

from jdmdesk.domain.fields import Kind
from jdmdesk.export.code_lists import CodeLists, integer_codes
from jdmdesk.export.rows import Column, Table

PROFILE = "tabular-data-package"
MISSING_VALUES = [""]
TIME_FORMAT = "%H:%M"


def value_type(column: Column) -> str:
    """The Table Schema type of a column's values: integer, number, boolean, date, time,
    datetime or string (codes are strings unless every code is a whole number)."""
    kind = column.kind
    if kind == Kind.CODE:
        return "integer" if integer_codes(column.codes) else "string"
    return {Kind.INTEGER: "integer", Kind.DECIMAL: "number", Kind.BOOLEAN: "boolean",
            Kind.DATE: "date", Kind.TIME: "time", "datetime": "datetime"}.get(kind, "string")


def _field(column: Column, lists: CodeLists) -> dict[str, Any]:
    kind = value_type(column)
    out: dict[str, Any] = {"name": column.name, "title": column.label, "type": kind}
    if column.description:
        out["description"] = column.description
    if column.unit:
        out["unit"] = column.unit  # a custom property, ignored by validators
    if kind == "time":
        out["format"] = TIME_FORMAT
    if kind == "boolean":
        out["trueValues"], out["falseValues"] = ["1"], ["0"]
    constraints: dict[str, Any] = {}
    if column.origin == "key" and column.name in ("record_id", "study_code"):
        constraints["required"] = True
    if column.codes and kind != "boolean":
        constraints["enum"] = [int(c) if kind == "integer" else c for c, _ in column.codes]
        out["codeList"] = lists.name(column)
    elif column.range is not None and kind in ("integer", "number"):
        low, high = column.range
        constraints["minimum"] = int(low) if kind == "integer" else low
        constraints["maximum"] = int(high) if kind == "integer" else high
    if constraints:
        out["constraints"] = constraints
    return out


def _keys(table: Table) -> dict[str, Any]:
    names = set(table.header)
    if table.name == "audit_trail":
        return {"primaryKey": ["seq"]}
    if table.name == "patient":
        return {"primaryKey": ["study_code"]}
    out: dict[str, Any] = {"primaryKey": ["record_id"]}
    foreign = []
    if "study_code" in names:
        foreign.append({"fields": ["study_code"],
                        "reference": {"resource": "patient", "fields": ["study_code"]}})
    if table.name == "analysis_visits":
        foreign.append({"fields": ["record_id"],
                        "reference": {"resource": "visit", "fields": ["record_id"]}})
    if foreign:
        out["foreignKeys"] = foreign
    return out


def _text_schema(header: list[str], integers: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"fields": [{"name": h, "type": "integer" if h in integers else "string"}
                       for h in header], "missingValues": MISSING_VALUES}


def _resource(name: str, path: str, files: dict[str, dict[str, Any]], schema: dict[str, Any],
              title: str = "", description: str = "") -> dict[str, Any]:
    info = files[path]
    out: dict[str, Any] = {
        "name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"',
                    "doubleQuote": True, "header": True},
        "bytes": info["bytes"], "hash": f"sha256:{info['sha256']}", "schema": schema}
    if title:
        out["title"] = title
    if description:
        out["description"] = description
    return out


def datapackage(tables: list[Table], files: dict[str, dict[str, Any]], *, study_name: str,
                extra: dict[str, tuple[list[str], tuple[str, ...]]]
                ) -> dict[str, Any]:
    """The package descriptor. ``tables`` are the data tables with their schemas (audit trail
    included); ``extra`` the other CSV members (name -> header, integer columns); ``files``
    the bytes and SHA-256 of every member by file name."""
    lists = CodeLists(tables)
    resources = []
    for t in tables:
        schema = {"fields": [_field(c, lists) for c in t.columns],
                  "missingValues": MISSING_VALUES, **_keys(t)}
        resources.append(_resource(t.name, f"{t.name}.csv", files, schema, t.label,
                                   t.description))
    for name, (header, integers) in extra.items():
        resources.append(_resource(name, f"{name}.csv", files, _text_schema(header, integers)))
    # no "created": the export time is in manifest.json only (a pseudonymised export carries
    # no other calendar date)
    return {"profile": PROFILE, "name": "jdmdesk-export", "title": study_name,
            "resources": resources}
