"""Schema migrations on ``user_version``: an append-only list of steps.

Each step and its ``user_version`` bump commit in one transaction. A file at an older version is
backed up before it is migrated; a file newer than this code is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources

from jdmdesk.db.connection import APPLICATION_ID
from jdmdesk.db.driver import complete_statement

Step = Callable[[sqlite3.Connection], None]


def _sql_file(name: str) -> str:
    return resources.files("jdmdesk.db").joinpath(name).read_text(encoding="utf-8")


def _v1(conn: sqlite3.Connection) -> None:
    from jdmdesk.db.seed import seed_reference_data

    for statement in _split(_sql_file("schema_v1.sql")):
        conn.execute(statement)
    seed_reference_data(conn)


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _split(_sql_file("schema_v2.sql")):
        conn.execute(statement)


# Columns an unlock may change on a signed visit; every other column must stay as it was.
UNLOCK_COLUMNS = ("locked", "signed_by", "signer_name", "signed_at", "signature_meaning",
                  "updated_at", "signature")


def _locked_visit_trigger(conn: sqlite3.Connection) -> None:
    """(Re)create the signed-visit lock over every column the visit table has now."""
    columns = [r[1] for r in conn.execute("PRAGMA table_info(visit)")]
    guarded = [c for c in columns if c not in UNLOCK_COLUMNS]
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in guarded)
    conn.execute("DROP TRIGGER visit_locked_update")
    conn.execute(f"""CREATE TRIGGER visit_locked_update BEFORE UPDATE ON visit
WHEN OLD.locked = 1 AND (NEW.locked = 1 OR {changed})
BEGIN
    SELECT RAISE(ABORT, 'this visit is signed and locked: a data manager must unlock it');
END""")


def _v3(conn: sqlite3.Connection) -> None:
    """The signer's printed name beside the user name, and a stricter lock: an update of a
    locked visit passes only when it clears the lock and changes nothing but the signature."""
    conn.execute("ALTER TABLE visit ADD COLUMN signer_name TEXT")
    _locked_visit_trigger(conn)


def _split(script: str) -> list[str]:
    """Split a DDL script into statements (``complete_statement`` respects triggers)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and (line.strip().startswith("--") or not line.strip()):
            continue
        buf += line
        if complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def _v4(conn: sqlite3.Connection) -> None:
    """The mirror of the key file (wrapped copies of the study key) inside the study itself,
    and each account row's MAC (encrypted studies: jdmdesk.db.seals)."""
    conn.execute("""CREATE TABLE key_mirror (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    content TEXT NOT NULL
) STRICT""")
    conn.execute("ALTER TABLE user_account ADD COLUMN row_mac TEXT")


def _lab_import(conn: sqlite3.Connection) -> None:
    """Censored lab values (issue 17 A7) and lab import from hospital files (issue 20): the
    censoring flag beside the value, the patient's hospital number (an identifying field), the
    import each imported result came from, the imports themselves and their saved mappings."""
    conn.execute("ALTER TABLE lab_result ADD COLUMN censored TEXT "
                 "CHECK (censored IS NULL OR censored IN ('<', '>'))")
    conn.execute("ALTER TABLE lab_result ADD COLUMN import_id TEXT "
                 "CHECK (import_id IS NULL OR length(import_id) = 36)")
    conn.execute("CREATE INDEX lab_result_import ON lab_result (import_id) "
                 "WHERE import_id IS NOT NULL")
    conn.execute("ALTER TABLE patient ADD COLUMN hospital_number TEXT CHECK "
                 "(hospital_number IS NULL OR length(hospital_number) BETWEEN 1 AND 32)")
    conn.execute("CREATE UNIQUE INDEX patient_hospital_number ON patient (hospital_number) "
                 "WHERE hospital_number IS NOT NULL")
    conn.execute("""CREATE TABLE lab_import (
    id          TEXT PRIMARY KEY CHECK (length(id) = 36),
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    counts      TEXT NOT NULL CHECK (json_valid(counts)),
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    undone_reason TEXT,
    CHECK (undone = 0 OR undone_reason IS NOT NULL)
) STRICT""")
    conn.execute("""CREATE TABLE lab_import_mapping (
    header_key TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    updated_at TEXT NOT NULL
) STRICT""")


def _v_mdi(conn: sqlite3.Connection) -> None:
    """The Myositis Damage Index on the visit (domain/mdi.py, issue 17 A10): items 0/1, damage
    VAS 0-10; the signed-visit lock then guards the new columns too."""
    from jdmdesk.domain import mdi

    for name in mdi.item_fields():
        conn.execute(f"ALTER TABLE visit ADD COLUMN {name} INTEGER CHECK ({name} IN (0, 1))")
    for name in (*mdi.vas_fields(), mdi.GLOBAL_FIELD):
        conn.execute(f"ALTER TABLE visit ADD COLUMN {name} REAL "
                     f"CHECK ({name} BETWEEN 0 AND 10)")
    _locked_visit_trigger(conn)


def _signing(conn: sqlite3.Connection) -> None:
    """Signatures bound to content (issue 14): each account's Ed25519 public key (its private
    key is wrapped in the account's slot of the key file) and each signed visit's signature
    over its values, signer, UTC time and meaning (jdmdesk.db.signatures)."""
    conn.execute("ALTER TABLE user_account ADD COLUMN signing_key TEXT")
    conn.execute("ALTER TABLE visit ADD COLUMN signature TEXT")


MIGRATIONS: list[Step] = [_v1, _v2, _v3, _v4, _lab_import, _signing, _v_mdi]
LATEST_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def migrate(conn: sqlite3.Connection, backup: Callable[[int], object] | None = None,
            migrations: list[Step] | None = None) -> int:
    """Bring the file to the latest version; returns the version it started at.

    ``backup(from_version)`` is called before an existing file (version > 0) is changed; it
    raises to stop the migration. The caller supplies it, so migrations need not know how
    backups are made.
    """
    steps = MIGRATIONS if migrations is None else migrations
    start = user_version(conn)
    if start >= len(steps):
        return start
    if start > 0 and backup is not None:
        backup(start)
    for version in range(start, len(steps)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            steps[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
