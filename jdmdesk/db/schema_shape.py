"""The shape of a study's schema, read with sqlite-utils' introspection, and what differs.

A study file's tables (columns, STRICT, primary and foreign keys, indexes) and triggers are
compared with those of a fresh file built in memory by the same migrations: a migrated file
must equal a new one, and a trigger or index dropped outside the app (the audit trail's
append-only guard, the signed-visit lock) is named by ``jdmdesk check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database
from sqlite_utils.db import ForeignKey

from jdmdesk.db import driver
from jdmdesk.db.connection import wrap
from jdmdesk.db.migrations import migrate


@dataclass(frozen=True)
class TableShape:
    # (name, declared type, not null, default, part of the primary key), in table order
    columns: tuple[tuple[str, str, bool, str | None, bool], ...]
    strict: bool
    foreign_keys: frozenset[ForeignKey]  # hashable; compound keys and ON DELETE included
    indexes: frozenset[tuple[str, bool, tuple[str, ...]]]  # name, unique, columns


@dataclass(frozen=True)
class SchemaShape:
    tables: dict[str, TableShape]
    triggers: dict[str, tuple[str, str]]  # name → (table, normalised SQL)


def _normalised(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def read_shape(db: Database) -> SchemaShape:
    tables: dict[str, TableShape] = {}
    for name in db.table_names():
        if name.startswith("sqlite_"):  # sqlite_stat1 after ANALYZE, sqlite_sequence
            continue
        table = db.table(name)
        tables[name] = TableShape(
            columns=tuple((c.name, c.type.upper(), bool(c.notnull), c.default_value,
                           bool(c.is_pk)) for c in table.columns),
            strict=table.strict,
            foreign_keys=frozenset(table.foreign_keys),
            indexes=frozenset((ix.name, bool(ix.unique), tuple(ix.columns))
                              for ix in table.indexes),
        )
    triggers = {t.name: (t.table, _normalised(t.sql)) for t in db.triggers}
    return SchemaShape(tables, triggers)


@lru_cache(maxsize=1)
def expected_shape() -> SchemaShape:
    """The schema a new study file gets from this version's migrations."""
    conn = driver.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        return read_shape(wrap(conn))
    finally:
        conn.close()


def schema_differences(db: Database, expected: SchemaShape | None = None) -> list[str]:
    """What differs from ``expected`` (by default a new file's schema), one phrase each."""
    want = expected or expected_shape()
    have = read_shape(db)
    out: list[str] = []
    for name in sorted(want.tables.keys() - have.tables.keys()):
        out.append(f"table {name} is missing")
    for name in sorted(have.tables.keys() - want.tables.keys()):
        out.append(f"table {name} is not part of the schema")
    for name in sorted(want.tables.keys() & have.tables.keys()):
        w, h = want.tables[name], have.tables[name]
        if w.columns != h.columns:
            cols = sorted({c[0] for c in set(w.columns) ^ set(h.columns)})
            out.append(f"table {name}: columns differ ({', '.join(cols) or 'order'})")
        if w.strict != h.strict:
            out.append(f"table {name} is {'not ' if w.strict else ''}STRICT")
        if w.foreign_keys != h.foreign_keys:
            out.append(f"table {name}: foreign keys differ")
        for ix in sorted({i[0] for i in w.indexes ^ h.indexes}):
            out.append(f"index {ix} on {name} is missing or changed")
    for name in sorted(want.triggers.keys() - have.triggers.keys()):
        out.append(f"trigger {name} is missing")
    for name in sorted(have.triggers.keys() - want.triggers.keys()):
        out.append(f"trigger {name} is not part of the schema")
    for name in sorted(want.triggers.keys() & have.triggers.keys()):
        if want.triggers[name] != have.triggers[name]:
            out.append(f"trigger {name} was changed")
    return out
