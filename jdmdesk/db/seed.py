"""Reference data written when a study file is created: analyte catalogue, default settings."""

from __future__ import annotations

import json
import sqlite3

from jdmdesk.db.connection import wrap
from jdmdesk.db.tables import existing_table
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.settings import DEFAULT_SETTINGS


def seed_reference_data(conn: sqlite3.Connection) -> None:
    """Inside the migration's transaction; the tables exist (schema_v1.sql)."""
    db = wrap(conn)
    existing_table(db, "analyte").insert_all(
        ({"code": a.code, "name": a.name, "canonical_unit": a.canonical_unit,
          "hard_min": a.hard_min, "hard_max": a.hard_max, "soft_min": a.soft_min,
          "soft_max": a.soft_max, "default_ref_low": a.default_ref_low,
          "default_ref_high": a.default_ref_high, "enzyme": int(a.enzyme)}
         for a in ANALYTES.values()), alter=False)
    existing_table(db, "analyte_unit").insert_all(
        ({"analyte": a.code, "unit": unit, "factor": factor}
         for a in ANALYTES.values() for unit, factor in a.units.items()), alter=False)
    existing_table(db, "study_setting").insert_all(
        ({"key": key, "value": json.dumps(value)} for key, value in DEFAULT_SETTINGS.items()),
        alter=False)
