"""The bundle: one ZIP with a tidy CSV per record type, the wide analysis table, the data
dictionary, the codebook, the pseudonymised audit trail and manifest.json."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.export.codebook import bundle_readme, codebook
from jdmdesk.export.options import Progress
from jdmdesk.export.rows import DICTIONARY_HEADER, dictionary_rows
from jdmdesk.export.source import ExportSource
from jdmdesk.export.zipmembers import ZipMembers


def write_bundle(source: ExportSource, path: Path, progress: Progress) -> dict[str, int]:
    """Write the bundle to ``path`` (a temporary name); returns rows per member."""
    z = ZipMembers(path, source.exported)
    try:
        for table in source.tables:
            z.csv(f"{table.name}.csv", table.header, [c.numeric for c in table.columns],
                  (row for _, row in source.rows(table)), progress)
        audit_cols, audit_rows = source.audit()
        z.csv("audit_trail.csv", audit_cols, [c == "seq" for c in audit_cols], audit_rows,
              progress)
        z.csv("data_dictionary.csv", DICTIONARY_HEADER, [False] * len(DICTIONARY_HEADER),
              dictionary_rows(source.tables))
        z.text("codebook.md", codebook(source.tables, audit_cols,
                                       source.deidentification_steps(),
                                       pseudonymised=source.options.pseudonymised,
                                       study_name=source.study_name))
        z.text("README.txt", bundle_readme(source.study_name,
                                           pseudonymised=source.options.pseudonymised))
        progress.check()
        z.manifest(source.manifest_base())
    finally:
        z.close()
    return dict(z.rows)
