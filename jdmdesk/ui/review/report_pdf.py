"""The one-page A4 PDF summary of a patient: header, the enzyme chart drawn for the page (vector,
:mod:`jdmdesk.ui.chart.page`), visits with scores, enzymes and signature status, treatment and
safety. The one renderer for the window's "Print summary" and ``jdmdesk report``.

Layout fills the page: the table and the text are measured first and the chart takes the height
that is left (within limits); with many visits the earliest rows give way, and the page says so.
No text is smaller than 8 pt.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from jdmdesk import APP_NAME, __version__
from jdmdesk.atomic_file import atomic_write
from jdmdesk.domain.chart_series import ChartData
from jdmdesk.domain.parse import today
from jdmdesk.domain.review import PatientReview, VisitReview
from jdmdesk.domain.texts import QT_TRANSLATE_NOOP
from jdmdesk.ui.chart.page import MIN_TEXT_PT, PageChart
from jdmdesk.ui.i18n import catalogue, translate
from jdmdesk.ui.locale_format import show_date
from jdmdesk.ui.review import review_text as rt

DPI = 300
MARGIN_MM = 12
CHART_MM = (70.0, 160.0)  # the chart's height on the page: at least, at most
TABLE_PT = 8.0
TEXT_PT = 8.5
# the headers are looked up with catalogue(): marked in its context
HEADERS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("Catalogue", "Date"), QT_TRANSLATE_NOOP("Catalogue", "study day")),
    ("PhGA", "0–10"),
    (QT_TRANSLATE_NOOP("Catalogue", "Parent"), QT_TRANSLATE_NOOP("Catalogue", "global")),
    (QT_TRANSLATE_NOOP("Catalogue", "Extra-"), QT_TRANSLATE_NOOP("Catalogue", "muscular")),
    ("CMAS", "/52"), ("MMT8", "/80"), ("CHAQ", "DI"), ("DAS", "/20"),
    ("CDASI", QT_TRANSLATE_NOOP("Catalogue", "activity")), ("CK", "U/L"), ("LD", "U/L"),
    ("ASAT", "U/L"), ("TIS", ""), ("PRINTO", QT_TRANSLATE_NOOP("Catalogue", "inactive")),
    (QT_TRANSLATE_NOOP("Catalogue", "Signed"), QT_TRANSLATE_NOOP("Catalogue", "UTC date, by")))
_CHANGED = ("phga", "ptga", "extramuscular_ga", "cmas_total", "mmt8_total", "chaq_di",
            "das_total")


def write_patient_pdf(review: PatientReview, chart: ChartData | None, path: Path,
                      study_name: str = "") -> Path:
    """Write the summary to ``path`` (via a temporary name, then rename)."""
    path = Path(path)
    with atomic_write(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                         QPageLayout.Unit.Millimeter))
        writer.setResolution(DPI)
        writer.setTitle(translate("SummaryPage", "{study_code} summary").format(
            study_code=review.study_code))
        writer.setCreator(f"{APP_NAME} {__version__}")
        painter = QPainter(writer)
        try:
            SummaryPage(painter, writer.width(), writer.height()).paint(review, chart,
                                                                          study_name)
        finally:
            painter.end()
        del painter, writer  # closes the file before it is fsynced and renamed
    return path


def visit_cells(r: VisitReview) -> list[tuple[str, str]]:
    """Each column of the page's visit table as (value, second line)."""
    day = "" if r.study_day is None else translate("SummaryPage", "day {n}").format(n=r.study_day)
    cells = [(show_date(r.visit_date.isoformat()), day)]
    for name in _CHANGED:
        value, delta = r.measures.get(name), r.change.get(name)
        second = "" if r.is_baseline or delta is None or delta == 0 or value is None else \
            f"{'+' if delta > 0 else '−'}{rt.num(abs(delta), 2)}"
        cells.append((rt.num(value, 2), second))
    cells.append((rt.num(r.measures.get("cdasi_activity")), ""))
    cells += [(rt.num(r.enzymes.get(code), 0), "") for code in ("CK", "LD", "ASAT")]
    if r.is_baseline:
        cells.append((translate("SummaryPage", "baseline"), ""))
    elif r.tis is None:
        cells.append(("—", ""))
    elif r.tis.score is None:
        cells.append((translate("SummaryPage", "not"), translate("SummaryPage", "computable")))
    else:
        cells.append((rt.num(r.tis.score), catalogue(r.tis.category or "")))
    status = catalogue(r.printo.status.replace("_", " "))
    cells.append((status, translate("SummaryPage", "{met}/{available} met").format(
        met=r.printo.n_met, available=r.printo.n_available) if r.printo.n_available else ""))
    if r.signed_by is None:
        cells.append((translate("SummaryPage", "not signed"), ""))
    elif rt.signature_invalid(r):
        cells.append((rt.signature_invalid_text(), r.signed_by))
    else:
        mark = "\u2713" if r.signature_state != "not_bound" else \
            translate("SummaryPage", "\u2713 (not bound)")
        cells.append((f"{mark} {show_date((r.signed_at or '')[:10])}", r.signed_by))
    return cells


def column_widths(content: list[float], pad: float, page: float) -> list[float]:
    """Widths that fill ``page``: each column its content plus an equal share of what is left.
    When the padding does not fit, it shrinks first (down to none), so no cell is cut; only
    content wider than the page is scaled down (and elided)."""
    need = sum(content)
    if need >= page:
        return [w * page / need for w in content]
    spare = (page - need) / len(content)
    return [w + spare for w in content] if spare < pad else \
        [w + pad + (page - need - pad * len(content)) * w / need for w in content]


class SummaryPage:
    def __init__(self, painter: QPainter, width: int, height: int) -> None:
        self.p, self.w, self.h = painter, float(width), float(height)
        self.k = DPI / 72.0

    def pt(self, points: float) -> float:
        return points * self.k

    def mm(self, mm: float) -> float:
        return mm / 25.4 * DPI

    def font(self, size: float, bold: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        # whole device pixels, rounded up: a PDF never holds text below the size asked for
        f.setPixelSize(math.ceil(max(size, MIN_TEXT_PT) * self.k))
        f.setBold(bold)
        return f

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self.font(size, bold), self.p.device())

    def text_height(self, text: str, size: float, bold: bool = False) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(size, bold).boundingRect(QRectF(0, 0, self.w, self.h), flags,
                                                     text).height()

    def text(self, y: float, line: str, size: float, bold: bool = False,
             colour: QColor | None = None, gap: float = 0.35) -> float:
        self.p.setFont(self.font(size, bold))
        self.p.setPen(colour or QColor("#111111"))
        rect = QRectF(0, y, self.w, self.h - y)
        self.p.drawText(rect, int(Qt.TextFlag.TextWordWrap), line)
        return y + self.text_height(line, size, bold) + self.pt(size * gap)

    # --- the page --------------------------------------------------------------------------

    def paint(self, rv: PatientReview, chart: ChartData | None, study_name: str) -> None:
        rows = [visit_cells(v) for v in rv.visits]
        tail = self._tail_lines(rv)
        tail_h = sum(self.text_height(t, s, b) + self.pt(s * 0.35) for t, s, b in tail)
        top = self._top(rv, study_name, measure=True)
        row_h = self.metrics(TABLE_PT).height() * 2 + self.pt(3)
        title = translate("SummaryPage", "Visits and scores (second line: change from baseline)")
        # what is not the chart, as paint() advances: gap, title, header row, rows, gaps, tail
        fixed = (top + self.pt(8) + self.text_height(title, 10, True) + self.pt(3.5)
                 + row_h + self.pt(6) + self.pt(4) + tail_h + self.pt(2))
        chart_min, chart_max = self.mm(CHART_MM[0]), self.mm(CHART_MM[1])
        shown = len(rows)
        while shown > 1 and fixed + row_h * shown + chart_min > self.h:
            shown -= 1
        skipped = len(rows) - shown
        if skipped:
            fixed += self.text_height("x", TABLE_PT) + self.pt(TABLE_PT * 0.35)
        chart_h = max(chart_min, min(chart_max, self.h - fixed - row_h * shown))
        y = self._top(rv, study_name, measure=False)
        if chart is not None:
            PageChart(chart, DPI).draw(self.p, QRectF(0, y, self.w, chart_h))
            y += chart_h + self.pt(8)
        y = self.text(y, title, 10, True)
        y = self._table(y, rows[skipped:])
        if skipped:
            y = self.text(y, (translate("SummaryPage", "({n} earlier visits not shown; all are in "
                                                       "the study file and its exports)")
                              if skipped > 1 else
                              translate("SummaryPage", "(1 earlier visit not shown; it is in the "
                                                       "study file and its exports)")).format(
                n=skipped), TABLE_PT)
        y += self.pt(4)
        for line, size, bold in tail:
            y = self.text(y, line, size, bold)

    def _top(self, rv: PatientReview, study_name: str, *, measure: bool) -> float:
        lines = [(translate("SummaryPage", "{study_code} \u2014 patient summary").format(
                      study_code=rv.study_code), 15.0, True),
                 (translate("SummaryPage", "{study} \u00b7 printed {date} by {app} {version}")
                  .format(study=study_name, date=show_date(today().isoformat()), app=APP_NAME,
                          version=__version__), 8.0, False)]
        lines += [(line, 9.0, i == 0) for i, line in enumerate(rt.header_lines(rv))]
        y = 0.0
        for text, size, bold in lines:
            if measure:
                y += self.text_height(text, size, bold) + self.pt(size * 0.35)
            else:
                y = self.text(y, text, size, bold)
        return y + self.pt(4)

    def _tail_lines(self, rv: PatientReview) -> list[tuple[str, float, bool]]:
        out: list[tuple[str, float, bool]] = [(translate("SummaryPage", "Treatment and safety"),
                                               10.0, True)]
        out += [(line, TEXT_PT, False) for line in rt.treatment_lines(rv)]
        out.append((translate("SummaryPage", "Current medication: ")
                    + "; ".join(rt.medication_lines(rv)), TEXT_PT, False))
        out.append((translate("SummaryPage", "Adverse events: ")
                    + "; ".join(rt.adverse_event_lines(rv)), TEXT_PT, False))
        out += [(line, TEXT_PT, False) for line in rt.damage_lines(rv)]
        signed = [v for v in rv.visits if v.signed_by is not None]
        invalid = sum(1 for v in signed if rt.signature_invalid(v))
        signers = sorted({v.signed_by or "" for v in signed})
        by = translate("SummaryPage", " by {names}").format(names=", ".join(signers)) \
            if signers else ""
        out.append((translate("SummaryPage", "Signatures: {signed} of {n} visits signed as "
                                             "reviewed{by} (\u2713 UTC date of the signature; a "
                                             "signed visit is locked).").format(
            signed=len(signed), n=len(rv.visits), by=by)
            + (translate("SummaryPage", " {n} signature(s) INVALID: the visit changed after "
                                        "signing.").format(n=invalid) if invalid else ""),
            TEXT_PT, invalid > 0))
        return out

    def _table(self, y: float, rows: list[list[tuple[str, str]]]) -> float:
        headers = [(catalogue(a), catalogue(b)) for a, b in HEADERS]
        fm, bold_fm = self.metrics(TABLE_PT), self.metrics(TABLE_PT, True)
        pad = self.pt(3)
        content = [max(bold_fm.horizontalAdvance(h[0]), fm.horizontalAdvance(h[1]),
                       *(max(fm.horizontalAdvance(r[col][0]), fm.horizontalAdvance(r[col][1]))
                         for r in rows)) + 1
                   for col, h in enumerate(headers)]
        widths = column_widths(content, pad, self.w)
        line_h = fm.height()
        row_h = line_h * 2 + self.pt(3)
        grey = QColor(232, 232, 232)
        self._row(y, widths, headers, row_h, bold=True)
        y += row_h
        self.p.setPen(QPen(QColor("#888888"), self.pt(0.6)))
        self.p.drawLine(0, int(y), int(self.w), int(y))
        for n, cells in enumerate(rows):
            if n % 2 == 1:
                self.p.fillRect(QRectF(0, y, self.w, row_h), grey)
            self._row(y, widths, cells, row_h, bold=False)
            y += row_h
        return y + self.pt(6)

    def _row(self, y: float, widths: list[float], cells: list[tuple[str, str]], row_h: float,
             *, bold: bool) -> None:
        x = 0.0
        half = (row_h - self.pt(3)) / 2
        for (first, second), w in zip(cells, widths, strict=True):
            inner = QRectF(x + self.pt(1.5), y + self.pt(1.5), w - self.pt(3), half)
            self.p.setFont(self.font(TABLE_PT, bold))
            self.p.setPen(QColor("#c00000") if first == rt.signature_invalid_text()
                          else QColor("#111111"))
            fm = QFontMetricsF(self.p.font(), self.p.device())
            self.p.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                            fm.elidedText(first, Qt.TextElideMode.ElideRight, inner.width()))
            if second:
                self.p.setFont(self.font(TABLE_PT))
                self.p.setPen(QColor("#555555"))
                fm = QFontMetricsF(self.p.font(), self.p.device())
                self.p.drawText(inner.translated(0, half),
                                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                fm.elidedText(second, Qt.TextElideMode.ElideRight,
                                              inner.width()))
            x += w
