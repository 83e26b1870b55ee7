"""The bundle: one ZIP with a tidy CSV per record type, the wide analysis table, the
pseudonymised audit trail, the data dictionary and code lists, the codebook, a README,
``datapackage.json`` (Frictionless Data Package) and manifest.json."""

from __future__ import annotations

import json
from pathlib import Path

from jdmdesk.export.code_lists import CODE_LISTS_HEADER, CodeLists
from jdmdesk.export.codebook import bundle_readme, codebook
from jdmdesk.export.datapackage import datapackage
from jdmdesk.export.dictionary import DICTIONARY_HEADER, dictionary_rows
from jdmdesk.export.options import Progress
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
        described = [*source.tables, source.audit_table()]
        z.csv("data_dictionary.csv", DICTIONARY_HEADER, [False] * len(DICTIONARY_HEADER),
              dictionary_rows(described))
        z.csv("code_lists.csv", CODE_LISTS_HEADER, [False, False, False, False, True],
              CodeLists(described).rows())
        z.text("codebook.md", codebook(source.tables, audit_cols,
                                       source.deidentification_steps(),
                                       pseudonymised=source.options.pseudonymised,
                                       study_name=source.study_name, holds=source.holds()))
        z.text("README.txt", bundle_readme(source.study_name,
                                           pseudonymised=source.options.pseudonymised))
        package = datapackage(described, z.hashes, study_name=source.study_name,
                              extra={"data_dictionary": (DICTIONARY_HEADER, ()),
                                     "code_lists": (CODE_LISTS_HEADER, ("order",))})
        z.text("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n")
        progress.check()
        z.manifest(source.manifest_base())
    finally:
        z.close()
    return dict(z.rows)
