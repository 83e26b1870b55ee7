"""``run_export``: the one entry point shared by the CLI and the Export dialog's worker.

It opens its own read-only connection to the study (so it can run in a worker thread), writes
to a temporary file next to the output, and renames it into place only when complete. Export sits
below the services: who may export is decided by the caller, which passes the check as
``permission`` (``jdmdesk.services.exports`` makes it from a session).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jdmdesk.db.connection import Study
from jdmdesk.db.driver import Error as DbError
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain.texts import Message
from jdmdesk.export.atomic import atomic_output, check_target
from jdmdesk.export.options import (
    CancelToken,
    ExportError,
    ExportOptions,
    Progress,
    ProgressCallback,
)
from jdmdesk.export.source import ExportSource

# Why the export may not run, read on the export's own connection; None when it may.
Permission = Callable[[Study], str | None]


@dataclass(frozen=True)
class ExportResult:
    output: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        main = {k: v for k, v in self.rows.items() if not k.startswith(("data_dictionary",
                                                                        "redcap_data_dict"))}
        parts = ", ".join(f"{k.removesuffix('.csv')} {v}" for k, v in main.items())
        return f"wrote {self.output} ({self.format}): {parts}" if parts else \
            f"wrote {self.output} ({self.format})"


def run_export(study_path: Path, output: Path, options: ExportOptions, *,
               permission: Permission, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
    """Export when ``permission`` allows it (ExportError with its reason, exit code 1, when
    not); nothing is read or written before the check."""
    output = Path(output)
    study = open_study(Path(study_path), read_only=True)
    try:
        problem = permission(study)
        if problem is not None:
            raise ExportError(problem, code=1)
        check_target(output, force=options.force)  # before the (slow) counting
        source = ExportSource(study.db, options)
        counter = Progress(source.total_rows(), progress, cancel)
        counter.check()
        with atomic_output(output, force=options.force) as tmp:
            rows = _write(source, tmp, counter)
            counter.finish()
    except DbError as err:
        raise ExportError(Message("cannot read the study file {path}: {problem}",
                                  path=str(study_path), problem=str(err))) from None
    finally:
        study.close()
    return ExportResult(output, options.format, rows)


def _write(source: ExportSource, tmp: Path, progress: Progress) -> dict[str, int]:
    fmt = source.options.format
    if fmt == "bundle":
        from jdmdesk.export.csv_bundle import write_bundle

        return write_bundle(source, tmp, progress)
    if fmt == "xlsx":
        from jdmdesk.export.xlsx import write_xlsx

        return write_xlsx(source, tmp, progress)
    if fmt == "odm":
        from jdmdesk.export.odm import write_odm

        return write_odm(source, tmp, progress)
    if fmt in ("stata", "spss"):
        from jdmdesk.export.stats import write_stats

        return write_stats(source, tmp, progress, fmt)
    from jdmdesk.export.redcap import write_redcap

    return write_redcap(source, tmp, progress)
