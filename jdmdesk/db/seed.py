"""Reference data written when a study file is created: analyte catalogue, default settings."""

from __future__ import annotations

import json
import sqlite3

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.settings import DEFAULT_SETTINGS


def seed_reference_data(conn: sqlite3.Connection) -> None:
    for a in ANALYTES.values():
        conn.execute(
            "INSERT INTO analyte (code, name, canonical_unit, hard_min, hard_max, soft_min, "
            "soft_max, default_ref_low, default_ref_high, enzyme) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (a.code, a.name, a.canonical_unit, a.hard_min, a.hard_max, a.soft_min, a.soft_max,
             a.default_ref_low, a.default_ref_high, int(a.enzyme)),
        )
        conn.executemany(
            "INSERT INTO analyte_unit (analyte, unit, factor) VALUES (?, ?, ?)",
            [(a.code, unit, factor) for unit, factor in a.units.items()],
        )
    conn.executemany(
        "INSERT INTO study_setting (key, value) VALUES (?, ?)",
        [(key, json.dumps(value)) for key, value in DEFAULT_SETTINGS.items()],
    )
