"""``jdmdesk report``: the one-page PDF summary of a patient, rendered headless."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jdmdesk.domain.access import Action, Session

if TYPE_CHECKING:  # Qt is imported only once the platform is chosen (write_report)
    from PySide6.QtCore import QMessageLogContext, QtMsgType



class ReportError(Exception):
    pass


def write_report(study_path: Path, study_code: str, output: Path, *, session: Session,
                 force: bool = False) -> Path:
    """Open the study read-only as ``session``'s user and write the PDF (the same page as the
    window's "Print summary": :func:`jdmdesk.ui.review.report_pdf.write_patient_pdf`)."""
    if output.exists() and not force:
        raise ReportError(f"{output} already exists: choose a new name or use --force")
    if not output.parent.exists():
        raise ReportError(f"folder {output.parent} does not exist")
    prepare_headless_qt()
    from PySide6.QtWidgets import QApplication

    from jdmdesk.db.queries import read_settings
    from jdmdesk.db.studyfile import open_study
    from jdmdesk.services.chart import ChartService
    from jdmdesk.services.guard import refusal
    from jdmdesk.services.review import ReviewService
    from jdmdesk.ui.review.report_pdf import write_patient_pdf

    app = QApplication.instance()  # made by prepare_headless_qt, with the user's language
    study = open_study(study_path, read_only=True)
    try:
        refused = refusal(study, session, Action.READ)
        if refused is not None:
            raise ReportError(refused.message)
        reviews = ReviewService(study)
        patient_id = reviews.patient_id(study_code)
        if patient_id is None:
            raise ReportError(f"no patient with study code {study_code!r} in {study_path}")
        review = reviews.review(patient_id)
        assert review is not None
        chart = ChartService(study).load(patient_id)
        try:
            return write_patient_pdf(review, chart, output, read_settings(study.db).study_name)
        except OSError as err:
            raise ReportError(f"cannot write {output}: {err.strerror}") from None
    finally:
        study.close()
        del app


def prepare_headless_qt() -> None:
    """Before a command paints: the offscreen platform without a display (Linux), its notes
    kept off stderr, and one application object (fonts and painting need it)."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    _quiet_offscreen_notes()
    if QApplication.instance() is None:
        _APP.append(QApplication(sys.argv[:1]))
        from jdmdesk.ui import language

        language.install()  # what a command writes is in the language of who runs it (#21)


_APP: list[object] = []


def _quiet_offscreen_notes() -> None:
    """The offscreen platform notes every top-level window; keep the CLI's stderr for errors."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
