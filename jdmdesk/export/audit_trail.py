"""The audit trail as exported: pseudonymised by default.

What a pseudonymised export keeps and drops, and why:

* ``at_utc`` is dropped. Entry times are calendar dates, and data are often entered on the day
  of the visit or the sample, so they would give the calendar dates back. The order of the
  changes is kept by ``seq``.
* ``user`` becomes ``user_1``, ``user_2`` … in order of first appearance (staff are people too).
* ``old_value``/``new_value`` are kept only for fields that are neither identifying (initials,
  birth date), nor free text, nor dates; those are replaced by ``[removed]``. Values of fields
  this version does not know are removed as well (deny by default).
* a bulk import row carries the whole record as a JSON object (field ``None``): the same rule
  is applied key by key inside it (``missing`` is a JSON object of reason codes, kept).
* ``reason`` is typed text and can hold anything: dropped unless free text was asked for.
* ``prev_hash``/``hash`` are dropped: a hash over a row that held a birth date lets anyone who
  guesses the date confirm the guess. The chain is verified in the study file (``jdmdesk check``).

An identified export keeps times, user names and hashes; free text still follows the option.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jdmdesk.domain.fields import RECORD_TYPES, Kind
from jdmdesk.export.rows import Column, Table

REMOVED = "[removed]"
_SYSTEM_SAFE = {"deleted", "patient_id", "sample_id", "value_canonical"}
_SETTINGS_TABLE = "study_setting"


def _field_classes() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per table: fields safe in a pseudonymised export, and free-text fields."""
    safe: dict[str, set[str]] = {}
    free: dict[str, set[str]] = {}
    for rt in RECORD_TYPES.values():
        s = set(_SYSTEM_SAFE)
        for f in rt.fields:
            s.add(f"{f.name}_missing")  # a missing reason is a code, always safe
            if f.free_text:
                free.setdefault(rt.table, set()).add(f.name)
            elif not f.identifying and f.kind != Kind.DATE:
                s.add(f.name)
        safe[rt.table] = s
    return safe, free


SAFE_FIELDS, FREE_TEXT_FIELDS = _field_classes()


def columns(*, identified: bool, include_free_text: bool) -> list[str]:
    cols = ["seq"]
    if identified:
        cols.append("at_utc")
    cols += ["user", "action", "table_name", "record_id", "field", "old_value", "new_value"]
    if include_free_text:
        cols.append("reason")
    if identified:
        cols += ["prev_hash", "hash"]
    return cols


# name -> (label, kind, description): the audit trail's columns in the data dictionary
AUDIT_COLUMN_DOCS: dict[str, tuple[str, str, str]] = {
    "seq": ("Sequence number", Kind.INTEGER, "Order of the change in the study file (1, 2, …)"),
    "at_utc": ("Time of the change (UTC)", "datetime",
               "ISO 8601, e.g. 2024-05-02T09:14:03Z (identified export only)"),
    "user": ("User", Kind.TEXT, "User name; user_1, user_2, … in a pseudonymised export"),
    "action": ("Action", Kind.TEXT, "What was done: insert, update, delete, restore, …"),
    "table_name": ("Table", Kind.TEXT, "The study file table the change is in"),
    "record_id": ("Record id", Kind.TEXT, "The changed record's random UUID (record_id of the "
                                          "tables)"),
    "field": ("Field", Kind.TEXT, "The changed field; empty when the whole record is given as "
                                  "a JSON object"),
    "old_value": ("Old value", Kind.TEXT, f"As stored before the change; {REMOVED} where "
                                          "left out"),
    "new_value": ("New value", Kind.TEXT, f"As stored after the change; {REMOVED} where "
                                          "left out"),
    "reason": ("Reason for the change", Kind.LONGTEXT, "Free text typed by the user"),
    "prev_hash": ("Previous hash", Kind.TEXT, "SHA-256 of the previous audit row"),
    "hash": ("Hash", Kind.TEXT, "SHA-256 chaining this row to the previous one"),
}


def audit_table(*, identified: bool, include_free_text: bool) -> Table:
    """The audit trail's columns as a :class:`Table` (for the data dictionary and the data
    package; its rows come from :class:`AuditPseudonymiser`)."""
    cols = []
    for name in columns(identified=identified, include_free_text=include_free_text):
        label, kind, text = AUDIT_COLUMN_DOCS[name]
        cols.append(Column(name, label, kind, lambda rec, ctx: None,
                           origin="key" if name in ("seq", "record_id") else "entered",
                           source=f"audit_log.{name}", description=text))
    return Table("audit_trail", "Audit trail", "audit", tuple(cols),
                 "Every change made in the study file, in order (seq).")


def steps(*, identified: bool, include_free_text: bool) -> list[str]:
    out = []
    if not identified:
        out += ["audit trail: change times (at_utc) dropped; order kept by seq",
                "audit trail: user names replaced by user_1, user_2, ...",
                "audit trail: old/new values of identifying, date and unknown fields "
                f"replaced by {REMOVED}",
                "audit trail: hash chain columns dropped (hashes would confirm guessed values)"]
    if not include_free_text:
        out += ["audit trail: reasons for change dropped (free text)",
                f"audit trail: old/new values of free-text fields replaced by {REMOVED}"]
    return out


class AuditPseudonymiser:
    def __init__(self, *, identified: bool, include_free_text: bool) -> None:
        self.identified = identified
        self.include_free_text = include_free_text
        self.columns = columns(identified=identified, include_free_text=include_free_text)
        self._users: dict[str, str] = {}

    def _user(self, name: str) -> str:
        if self.identified:
            return name
        if name not in self._users:
            self._users[name] = f"user_{len(self._users) + 1}"
        return self._users[name]

    def _keeps_value(self, table: str, field: str) -> bool:
        if field in FREE_TEXT_FIELDS.get(table, ()):
            return self.include_free_text
        if self.identified or table == _SETTINGS_TABLE:
            return True
        return field in SAFE_FIELDS.get(table, ())

    def _value(self, table: str, field: str | None, value: str | None) -> str | None:
        if value is None:
            return None
        if field is None:  # a whole record (bulk import) as a JSON object
            return self._payload(table, value)
        return value if self._keeps_value(table, field) else REMOVED

    def _payload(self, table: str, value: str) -> str:
        if table == _SETTINGS_TABLE:
            return value
        try:
            doc = json.loads(value)
        except ValueError:
            doc = None
        if not isinstance(doc, dict):
            return value if self.identified and self.include_free_text else REMOVED
        kept = {k: (v if k == "missing" or self._keeps_value(table, k) else REMOVED)
                for k, v in doc.items()}
        return json.dumps(kept, sort_keys=True, ensure_ascii=False)

    def row(self, r: dict[str, Any]) -> list[Any]:
        table, fld = r["table_name"], r["field"]
        out: dict[str, Any] = {
            "seq": r["seq"], "at_utc": r["at_utc"], "user": self._user(r["user"]),
            "action": r["action"], "table_name": table, "record_id": r["record_id"],
            "field": fld,
            "old_value": self._value(table, fld, r["old_value"]),
            "new_value": self._value(table, fld, r["new_value"]),
            "reason": r["reason"], "prev_hash": r["prev_hash"], "hash": r["hash"],
        }
        return [out[c] for c in self.columns]

    def rows(self, records: Iterator[dict[str, Any]]) -> Iterator[list[Any]]:
        for r in records:
            yield self.row(r)
