"""Which SQLite library the study driver carries, and its SQLCipher version (for
``jdmdesk --version`` and Help ▸ About)."""

from __future__ import annotations

from jdmdesk.db import driver


def sqlite_versions() -> tuple[str, str | None]:
    """(SQLite version, SQLCipher version or None when the driver is plain SQLite)."""
    conn = driver.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(driver.driver.sqlite_version), (str(row[0]) if row and row[0] else None)
