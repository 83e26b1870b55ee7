"""Study file exports: pseudonymised bundle (ZIP of CSVs), Excel, CDISC ODM 1.3.2 and REDCap.

Pure Python plus database reads; no Qt. ``run_export`` in :mod:`jdmdesk.export.job` is the one
entry point that the CLI and the Export dialog share.
"""

from jdmdesk.export.job import ExportResult, run_export
from jdmdesk.export.options import (
    FORMATS,
    CancelToken,
    ExportCancelled,
    ExportError,
    ExportOptions,
)

__all__ = ["FORMATS", "CancelToken", "ExportCancelled", "ExportError", "ExportOptions",
           "ExportResult", "run_export"]
