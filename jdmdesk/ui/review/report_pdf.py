"""A one-page A4 PDF summary of a patient: chart, scores table, treatment, adverse events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from jdmdesk import APP_NAME, __version__
from jdmdesk.atomic_file import atomic_write
from jdmdesk.domain.parse import today
from jdmdesk.domain.review import PatientReview
from jdmdesk.ui.review import review_text as rt

MAX_VISIT_ROWS = 16  # the latest visits when there are more, so the summary stays one page


def write_patient_pdf(review: PatientReview, chart: QImage | None, path: Path,
                      study_name: str = "") -> Path:
    """Write the summary to ``path`` (via a temporary name, then rename)."""
    path = Path(path)
    with atomic_write(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        writer.setResolution(150)
        writer.setTitle(f"{review.study_code} summary")
        writer.setCreator(f"{APP_NAME} {__version__}")
        painter = QPainter(writer)
        try:
            _paint(painter, writer.width(), writer.height(), review, chart, study_name)
        finally:
            painter.end()
        del painter, writer  # closes the file before it is fsynced and renamed
    return path


def _paint(p: QPainter, width: int, height: int, rv: PatientReview, chart: QImage | None,
           study_name: str) -> None:
    y = 0.0

    def text(line: str, size: float = 8.5, bold: bool = False, gap: float = 1.35) -> None:
        nonlocal y
        font = QFont("DejaVu Sans", size)
        font.setBold(bold)
        p.setFont(font)
        rect = QRectF(0, y, width, height - y)
        bound = p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), line)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), line)
        y += bound.height() + size * gap

    text(f"{rv.study_code} — patient summary", 15, True)
    text(f"{study_name} · printed {today().isoformat()} by {APP_NAME} {__version__}", 7.5)
    for line in rt.header_lines(rv):
        text(line, 9)
    if chart is not None and not chart.isNull():
        target_w = width
        target_h = min(height * 0.33, target_w * chart.height() / max(1, chart.width()))
        p.drawImage(QRectF(0, y, target_w, target_h), chart)
        y += target_h + 20
    text("Visits and scores (change from baseline in brackets)", 10, True)
    rows = [rt.visit_row(v) for v in rv.visits]
    skipped = max(0, len(rows) - MAX_VISIT_ROWS)
    rows = rows[skipped:]
    y = _table(p, y, width, [list(rt.VISIT_COLUMNS), *rows])
    if skipped:
        text(f"({skipped} earlier visits not shown)", 7)
    text("Treatment and safety", 10, True)
    for line in rt.treatment_lines(rv):
        text(line, 8)
    text("Current medication: " + "; ".join(rt.medication_lines(rv)), 8)
    text("Adverse events: " + "; ".join(rt.adverse_event_lines(rv)), 8)


def _table(p: QPainter, y: float, width: int, rows: list[list[str]]) -> float:
    font = QFont("DejaVu Sans", 7)
    p.setFont(font)
    weights = [1.45, 0.55, 1.2, 1.2, 1.2, 1.05, 1.05, 1.45, 1.0, 0.65, 0.7, 1.45, 1.25, 1.3]
    scale = width / sum(weights)
    row_h = p.fontMetrics().height() * 1.35
    for r, row in enumerate(rows):
        x = 0.0
        bold = r == 0
        font.setBold(bold)
        p.setFont(font)
        if r % 2 == 1:
            p.fillRect(QRectF(0, y, width, row_h), Qt.GlobalColor.lightGray)
        for c, cell in enumerate(row):
            w = weights[c] * scale
            p.drawText(QRectF(x + 4, y, w - 6, row_h),
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), cell)
            x += w
        y += row_h
    return y + row_h * 0.5
