"""sqlite-utils tables that must already exist.

The schema is made by the migrations' DDL only: sqlite-utils would create a missing table on
the first ``insert``/``insert_all``/``upsert_all`` (guessing its columns) and ``alter=True``
would add columns. Writers take their table from :func:`existing_table` and pass
``alter=False``, so a missing table or an unknown column is an error, never a new schema.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import Table


class MissingTable(LookupError):
    """A table the code writes to is not in the study file."""


def existing_table(db: Database, name: str) -> Table:
    table = db.table(name)
    if not table.exists():
        raise MissingTable(f"the study file has no table {name}")
    return table
