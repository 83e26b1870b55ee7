"""The MDI migration: one appended step adds the visit's MDI columns with their limits, and
the signed-visit lock guards them too."""

from __future__ import annotations

import sqlite3

import pytest

from jdmdesk.db import migrations
from jdmdesk.domain import mdi


def _fresh() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn)
    return conn


def test_mdi_is_the_last_step_and_adds_every_column():
    assert migrations.MIGRATIONS[-1] is migrations._v_mdi
    conn = _fresh()
    columns = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(visit)")}
    for name in mdi.item_fields():
        assert columns[name] == "INTEGER"
    for name in (*mdi.vas_fields(), mdi.GLOBAL_FIELD):
        assert columns[name] == "REAL"


def test_a_file_one_step_older_gains_the_columns_empty():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn, migrations=migrations.MIGRATIONS[:-1])
    assert "mdi_mus_atrophy" not in {r[1] for r in conn.execute("PRAGMA table_info(visit)")}
    assert migrations.migrate(conn) == len(migrations.MIGRATIONS) - 1
    assert migrations.user_version(conn) == migrations.LATEST_VERSION
    assert "mdi_global_vas" in {r[1] for r in conn.execute("PRAGMA table_info(visit)")}


def _visit(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, updated_at)"
                 " VALUES (?, 'P-1', 'F', '2012-01-01', 't', 't')", ("p" * 36,))
    conn.execute("INSERT INTO visit (id, patient_id, visit_date, created_at, updated_at) "
                 "VALUES (?, ?, '2024-01-01', 't', 't')", ("v" * 36, "p" * 36))


def test_check_constraints_hold_the_limits():
    conn = _fresh()
    _visit(conn)
    conn.execute("UPDATE visit SET mdi_mus_atrophy = 1, mdi_mus_vas = 10")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE visit SET mdi_mus_atrophy = 2")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE visit SET mdi_global_vas = 10.5")


def test_a_signed_visit_locks_its_mdi_too():
    conn = _fresh()
    _visit(conn)
    conn.execute("UPDATE visit SET locked = 1")
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        conn.execute("UPDATE visit SET mdi_cut_calcinosis = 1")
    # an unlock may clear the signature only: sneaking an MDI change into it is refused
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        conn.execute("UPDATE visit SET locked = 0, mdi_cut_calcinosis = 1")
    conn.execute("UPDATE visit SET locked = 0")
    conn.execute("UPDATE visit SET mdi_cut_calcinosis = 1")
