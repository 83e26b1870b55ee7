"""``jdmdesk check``: integrity, foreign keys, the schema's shape, the audit chain, and for an
encrypted study its key file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.db import accounts, chain_head, copy_seal, keystore, signatures
from jdmdesk.db.audit import verify_chain
from jdmdesk.db.connection import is_plain
from jdmdesk.db.schema_shape import schema_differences


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    failures: int = 0

    def add(self, ok: bool, text: str) -> None:
        self.lines.append(f"{'ok  ' if ok else 'FAIL'}  {text}")
        self.failures += 0 if ok else 1

    @property
    def ok(self) -> bool:
        return self.failures == 0

    @property
    def problems(self) -> list[str]:
        """The failed checks' texts, without the ``FAIL`` column."""
        return [line[4:].strip() for line in self.lines if line.startswith("FAIL")]


def check_study(db: Database, study_path: Path | None = None, *, integrity: bool = True,
                schema: bool = True) -> CheckReport:
    """``jdmdesk check``'s verdict. ``study_path`` (an encrypted study's file) adds the line
    about its key file; ``integrity=False`` skips ``integrity_check`` (a caller that has just
    run it); ``schema=False`` skips the shape (a file of an older version)."""
    report = CheckReport()
    if integrity:
        result = [r[0] for r in db.conn.execute("PRAGMA integrity_check")]
        report.add(result == ["ok"], "integrity_check: " + "; ".join(result[:3]))
    fk = db.conn.execute("PRAGMA foreign_key_check").fetchall()
    report.add(not fk, f"foreign_key_check: {len(fk)} problem(s)" if fk else
               "foreign_key_check: ok")
    if schema:
        differences = schema_differences(db)
        report.add(not differences, _schema_line(differences))
    chain = verify_chain(db)
    report.add(chain.ok, f"audit trail: {chain.rows} rows, chain verified" if chain.ok else
               f"audit trail: {chain.detail} (tampering or damage)")
    if keystore.is_encrypted(db):
        bad = accounts.unsealed(db)
        report.add(not bad, "account rows: every row's MAC verified" if not bad else
                   "account rows changed outside JDM Desk: " + ", ".join(bad))
    report.add(*_signatures_line(db))
    restored = "" if study_path is None else _restored_unverified(db)
    if restored:
        report.add(False, "restored from a copy that did not verify: " + restored)
    if study_path is not None and keystore.is_encrypted(db) and is_plain(study_path):
        bad_copy = copy_seal.problems(db)  # a plain copy (backup --plain): its own seal
        report.add(not bad_copy, "plain copy: its seal verifies (tables and chain head as "
                   "when it was made)" if not bad_copy else "plain copy: " + "; ".join(bad_copy))
    elif study_path is not None and keystore.is_encrypted(db):
        report.add(*keystore.key_file_status(study_path, db))
        head = chain_head.head_problem(db, study_path)
        report.add(head is None, "chain head: the study reaches the head its key file "
                   "remembers" if head is None else f"chain head: {head}")
    return report


def _schema_line(differences: list[str]) -> str:
    if not differences:
        return "schema: tables, indexes and triggers as this version makes them"
    more = f" (and {len(differences) - 3} more)" if len(differences) > 3 else ""
    return "schema: " + "; ".join(differences[:3]) + more


def _signatures_line(db: Database) -> tuple[bool, str]:
    """Every signed visit's signature verified against its values (content-bound ones)."""
    bad = signatures.problems(db)
    if bad:
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        return False, "signature invalid: " + "; ".join(bad[:5]) + more
    older = signatures.not_bound(db)
    note = f"; {older} signed before signatures were bound to content (not verifiable)" \
        if older else ""
    return True, f"signatures: every content-bound signature verified{note}"


def _restored_unverified(db: Database) -> str:
    """Why the study was restored from a copy that did not verify (``--accept-unverified``),
    as its audit trail says; "" when it never was. Tamper evidence is not laundered by a
    restore: the study keeps failing ``check`` and the reason stays in its audit trail."""
    rows = db.conn.execute("SELECT at_utc, user, reason FROM audit_log "
                           "WHERE action = 'restore_unverified' ORDER BY seq").fetchall()
    return "; ".join(f"{str(at)[:10]} by {user} ({reason})" for at, user, reason in rows)
