"""sqlite-utils writes never make schema: tables must exist, unknown columns are errors."""

import sqlite3

import pytest

from jdmdesk.db import accounts, driver
from jdmdesk.db.connection import wrap, write_transaction
from jdmdesk.db.tables import MissingTable, existing_table
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.settings import DEFAULT_SETTINGS


def test_a_missing_table_is_an_error_not_a_new_table():
    db = wrap(sqlite3.connect(":memory:", isolation_level=None))
    with pytest.raises(MissingTable, match="no table user_account"):
        existing_table(db, "user_account")
    with pytest.raises(MissingTable):
        accounts.insert(db, "x", "nurse", "Nurse", "data_entry", "$argon2id$x")
    assert db.table_names() == []


def test_an_unknown_column_is_an_error_not_a_new_column(study):
    with pytest.raises(driver.OperationalError, match="no column named"), \
            write_transaction(study.db) as db:
        existing_table(db, "study_setting").insert({"key": "k", "value": "1", "extra": 2},
                                                   alter=False)
    assert "extra" not in study.db.table("study_setting").columns_dict


def test_reference_data_is_seeded_in_full(study):
    db = study.db
    assert db.table("analyte").count == len(ANALYTES)
    assert db.table("analyte_unit").count == sum(len(a.units) for a in ANALYTES.values())
    assert {r["key"] for r in db.table("study_setting").rows} >= set(DEFAULT_SETTINGS)
    ck = next(db.table("analyte").rows_where("code = ?", ["CK"]))
    assert ck["canonical_unit"] == ANALYTES["CK"].canonical_unit
    assert ck["enzyme"] == int(ANALYTES["CK"].enzyme)
