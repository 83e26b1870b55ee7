"""What every writer reads: the tables, their row streams, counts and the manifest facts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from jdmdesk import APP_NAME, __version__
from jdmdesk.db import export_queries as eq
from jdmdesk.db.queries import read_settings
from jdmdesk.domain.fields import RECORD_TYPES
from jdmdesk.export import audit_trail
from jdmdesk.export.analysis import analysis_records
from jdmdesk.export.options import ExportOptions
from jdmdesk.export.rows import NO_TACROLIMUS, Table, export_tables


class ExportSource:
    def __init__(self, db: Database, options: ExportOptions) -> None:
        self.db = db
        self.options = options
        self.contexts = eq.patient_contexts(db)
        self.tables: list[Table] = export_tables(identified=options.identified,
                                                 include_free_text=options.include_free_text)
        self.exported = datetime.now(UTC).replace(microsecond=0)
        self.exported_at = self.exported.strftime("%Y-%m-%dT%H:%M:%SZ")
        self._counts: dict[str, int] | None = None

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            by_kind = {k: eq.count_records(self.db, k)
                       for k in ("patient", "visit", "medication", "lab", "adverse_event")}
            self._counts = {t.name: by_kind[t.record_type] for t in self.tables}
            self._counts["audit_trail"] = eq.count_audit(self.db)
        return self._counts

    def total_rows(self) -> int:
        return sum(self.counts().values())

    def rows(self, table: Table) -> Iterator[tuple[str, list[Any]]]:
        """(patient_id, row) of a table, ordered by study code then date."""
        records = analysis_records(self.db, self.contexts, read_settings(self.db),
                                   self.exported.date()) \
            if table.name == "analysis_visits" else eq.iter_records(self.db, table.record_type)
        for rec in records:
            ctx = self.contexts.get(rec["patient_id"])
            if ctx is not None:
                yield rec["patient_id"], table.row(rec, ctx)

    def audit_table(self) -> Table:
        """The audit trail's columns (for the data dictionary and the data package)."""
        return audit_trail.audit_table(identified=self.options.identified,
                                       include_free_text=self.options.include_free_text)

    def free_text_included(self) -> list[str]:
        """``table.field`` of every free-text column this export holds (empty without
        ``include_free_text``): typed text that can name people and dates."""
        if not self.options.include_free_text:
            return []
        fields = [f"{rt.name}.{f.name}" for rt in RECORD_TYPES.values() for f in rt.fields
                  if f.free_text]
        return [*fields, "audit_trail.reason", "audit_trail.old_value (free-text fields)",
                "audit_trail.new_value (free-text fields)"]

    def pseudonymised(self) -> bool | str:
        """True, False (identified) or "partially": pseudonymised structured data with free
        text that may still name people or give dates."""
        if self.options.identified:
            return False
        return "partially" if self.options.include_free_text else True

    def audit(self) -> tuple[list[str], Iterator[list[Any]]]:
        p = audit_trail.AuditPseudonymiser(identified=self.options.identified,
                                           include_free_text=self.options.include_free_text)
        return p.columns, p.rows(eq.iter_audit(self.db))

    @property
    def study_name(self) -> str:
        return read_settings(self.db).study_name

    @property
    def schema_version(self) -> int:
        return eq.schema_version(self.db)

    def deidentification_steps(self) -> list[str]:
        o = self.options
        steps: list[str] = []
        if not o.identified:
            steps += [
                "patient key is the study code",
                "identifying fields dropped: " + ", ".join(
                    f.name for f in RECORD_TYPES["patient"].fields if f.identifying),
                "calendar dates replaced by <field>_day: days since the patient's first "
                "systemic tacrolimus start (day 0)",
                "age in years at each date added as <field>_age (one decimal)",
                f"patients without tacrolimus: <field>_day empty, <field>_day_missing = "
                f"{NO_TACROLIMUS}",
                "record timestamps (created_at, updated_at) dropped",
                "soft-deleted records and deletion reasons left out",
            ]
        else:
            steps.append("identified export: calendar dates, initials and birth dates kept")
        free = [f"{rt.name}.{f.name}" for rt in RECORD_TYPES.values() for f in rt.fields
                if f.free_text]
        if not o.include_free_text:
            steps.append(f"free-text fields dropped: {', '.join(free)}")
        else:
            steps.append(f"free-text fields KEPT (may name people or give dates): "
                         f"{', '.join(free)}")
        steps += audit_trail.steps(identified=o.identified,
                                   include_free_text=o.include_free_text)
        return steps

    def holds(self) -> str:
        """One sentence on what the export holds, for the manifest."""
        o = self.options
        if o.identified:
            return ("IDENTIFIED personal data: calendar dates, birth dates and initials"
                    + (", and free text" if o.include_free_text else "") + ".")
        if o.include_free_text:
            return ("Pseudonymised structured data, but with free text (notes, adverse event "
                    "terms, reasons for change) that can name people and give dates: treat it "
                    "as personal data.")
        return "Pseudonymised data: no names, birth dates, calendar dates or free text."

    def manifest_base(self) -> dict[str, Any]:
        return {
            "app": APP_NAME,
            "app_version": __version__,
            "schema_version": self.schema_version,
            "study_name": self.study_name,
            "exported_at_utc": self.exported_at,
            "options": self.options.as_dict(),
            "pseudonymised": self.pseudonymised(),
            "holds": self.holds(),
            "free_text_included": self.free_text_included(),
            "deidentification": self.deidentification_steps(),
        }
