"""Export as a logged-in user: the permission check that ``jdmdesk.export.run_export`` takes
from its caller (export itself sits below the services and knows no roles)."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.db.connection import Study
from jdmdesk.domain.access import Action, Session
from jdmdesk.export import job
from jdmdesk.export.job import ExportResult, Permission
from jdmdesk.export.options import CancelToken, ExportOptions, ProgressCallback
from jdmdesk.services.guard import refusal


def export_permission(session: Session) -> Permission:
    """The check run on the export's own connection: why ``session``'s user may not export."""

    def check(study: Study) -> str | None:
        refused = refusal(study, session, Action.EXPORT)
        return None if refused is None else refused.message

    return check


def run_export(study_path: Path, output: Path, options: ExportOptions, *, session: Session,
               progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
    """Export as ``session``'s user: only a role that may export (data manager) gets a file;
    the role is read from the study file for this export."""
    return job.run_export(study_path, output, options, permission=export_permission(session),
                          progress=progress, cancel=cancel)
