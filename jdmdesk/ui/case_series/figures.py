"""The case series figures, drawn with QPainter into any rectangle of any paint device (the
PDF page, an SVG via QSvgGenerator, a PNG via QImage), so all three hold the same drawing.

* :func:`draw_enzyme_figure`: one patient's CK, LD and ASAT from day 0 on a log axis with each
  result's upper limit of normal, drawn by :class:`jdmdesk.ui.chart.page.PageChart` (the
  patient summary's chart) from :func:`jdmdesk.domain.case_series.since_start`.
* :class:`GroupChart`: CK as multiples of the ULN since day 0 for every patient, with the
  median at each month (:func:`jdmdesk.domain.case_series.ck_uln_group`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgGenerator

from jdmdesk.atomic_file import atomic_write
from jdmdesk.domain.case_series import MedianPoint, UlnCourse
from jdmdesk.domain.chart_series import DAYS_PER_MONTH, ChartData
from jdmdesk.domain.texts import MESSAGES
from jdmdesk.ui.chart.page import TEXT, PageChart
from jdmdesk.ui.chart.page_ticks import nice_step
from jdmdesk.ui.chart.style import AXIS_COLOUR

# pyside6-lupdate files a module-level ``tr("...")`` under the empty context, the domain
# messages' own (jdmdesk/domain/texts.py): the report looks its texts up there (issue 21)
CONTEXT = MESSAGES
# Okabe-Ito without orange (CK's colour in the enzyme figures) and black (the median)
PATIENT_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#D55E00",
                   "#F0E442", "#999999")
PATIENT_MARKERS = ("o", "s", "t", "d")
FIGURE_MM = (180.0, 110.0)  # width, height of a figure file
SVG_DPI = 96
PNG_DPI = 200
Draw = Callable[[QPainter, QRectF, float], None]  # painter, rectangle, device dpi


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def enzyme_title(study_code: str) -> str:
    return tr("{code}: CK, LD and ASAT since tacrolimus start").format(code=study_code)


def reference_caption(ranges: dict[str, tuple[float | None, float | None]]) -> str:
    parts = [f"{code} {_num(lo)}\u2013{_num(hi)}" for code, (lo, hi) in ranges.items()]
    return tr("Log scale. Dashed lines: each result's upper limit of normal; filled markers "
              "lie above it. Study reference ranges (U/L): {ranges}.").format(
        ranges=", ".join(parts))


def _num(v: float | None) -> str:
    return "?" if v is None else f"{v:g}"


def draw_enzyme_figure(p: QPainter, rect: QRectF, dpi: float, chart: ChartData) -> None:
    PageChart(chart, dpi).draw(p, rect)


class GroupChart:
    """CK ULN multiples of all patients since day 0 (log axis), the median drawn bold."""

    def __init__(self, courses: Sequence[UlnCourse], median: Sequence[MedianPoint],
                 dpi: float) -> None:
        self.courses, self.median = courses, median
        self.page = PageChart(ChartData(patient_id=None), dpi)  # its units, fonts and markers

    def draw(self, p: QPainter, rect: QRectF) -> None:
        pg = self.page
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(pg.font())
        fm = QFontMetricsF(p.font(), p.device())
        legend_h = self._legend(p, rect, fm, measure=True)
        plot = QRectF(rect.left() + pg.pt(44), rect.top() + legend_h + fm.height() * 0.6,
                      rect.width() - pg.pt(52),
                      rect.height() - legend_h - fm.height() * 3.4)
        self._legend(p, rect, fm, measure=False)
        values = [m for c in self.courses for m in c.multiples] + \
            [m.median for m in self.median] + [1.0]
        days = [d for c in self.courses for d in c.days] + [0]
        if not self.courses or not any(c.days for c in self.courses):
            p.setPen(TEXT)
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter),
                       tr("No CK results with an upper limit of normal since tacrolimus "
                          "start."))
            p.restore()
            return
        ylo, yhi = math.log10(min(values)) - 0.12, math.log10(max(values)) + 0.12
        if yhi - ylo < 1:
            ylo, yhi = (ylo + yhi) / 2 - 0.5, (ylo + yhi) / 2 + 0.5
        x1 = max(days) * 1.03 + 3

        def x_of(day: float) -> float:
            return plot.left() + day / x1 * plot.width()

        def y_of(v: float) -> float:
            return plot.bottom() - (math.log10(v) - ylo) / (yhi - ylo) * plot.height()

        p.setPen(QPen(QColor(AXIS_COLOUR), pg.pt(0.8)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(plot)
        for e in range(math.floor(ylo), math.ceil(yhi) + 1):
            for m in (1, 2, 5):
                v = m * 10.0 ** e
                if not ylo <= math.log10(v) <= yhi:
                    continue
                y = y_of(v)
                p.setPen(QPen(QColor(0, 0, 0, 28), pg.pt(0.5)))
                p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                p.setPen(TEXT)
                p.drawText(QRectF(plot.left() - pg.pt(40), y - fm.height() / 2, pg.pt(36),
                                  fm.height()),
                           int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                           f"{v:g}")
        pg._vertical_text(p, QPointF(plot.left() - pg.pt(40), plot.center().y()),
                          tr("CK, multiple of ULN (log scale)"), TEXT)
        step = nice_step(x1 / 8 / DAYS_PER_MONTH) * DAYS_PER_MONTH
        k = 0
        while k * step <= x1:
            x = x_of(k * step)
            p.setPen(QPen(QColor(0, 0, 0, 28), pg.pt(0.5)))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(TEXT)
            p.drawText(QRectF(x - pg.pt(30), plot.bottom() + pg.pt(2), pg.pt(60), fm.height()),
                       int(Qt.AlignmentFlag.AlignHCenter),
                       tr("{m} mo").format(m=f"{k * step / DAYS_PER_MONTH:g}"))
            k += 1
        p.drawText(QRectF(plot.left(), plot.bottom() + fm.height() * 1.3, plot.width(),
                          fm.height()), int(Qt.AlignmentFlag.AlignHCenter),
                   tr("months since tacrolimus start (day 0)"))
        p.save()
        p.setClipRect(plot)
        y1 = y_of(1.0)
        p.setPen(QPen(QColor("#333333"), pg.pt(1), Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), y1), QPointF(plot.right(), y1))
        for i, c in enumerate(self.courses):
            colour = QColor(PATIENT_COLOURS[i % len(PATIENT_COLOURS)])
            points = [QPointF(x_of(d), y_of(m)) for d, m in zip(c.days, c.multiples,
                                                                 strict=True)]
            self._line(p, points, QPen(colour, pg.pt(1.1)))
            for q in points:
                pg._marker(p, q, PATIENT_MARKERS[i % len(PATIENT_MARKERS)], colour, False)
        median = [QPointF(x_of(m.day), y_of(m.median)) for m in self.median]
        self._line(p, median, QPen(QColor("#000000"), pg.pt(2.4)))
        for q in median:
            pg._marker(p, q, "o", QColor("#000000"), True)
        p.restore()
        p.setPen(TEXT)
        p.drawText(QRectF(plot.right() - pg.pt(80), y1 - fm.height(), pg.pt(78),
                          fm.height()), int(Qt.AlignmentFlag.AlignRight), tr("ULN"))
        p.restore()

    def _line(self, p: QPainter, points: Sequence[QPointF], pen: QPen) -> None:
        if not points:
            return
        path = QPainterPath(points[0])
        for q in points[1:]:
            path.lineTo(q)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    def _legend(self, p: QPainter, rect: QRectF, fm: QFontMetricsF, *, measure: bool) -> float:
        pg = self.page
        entries: list[tuple[str, QColor, str, bool, float]] = [
            (c.study_code, QColor(PATIENT_COLOURS[i % len(PATIENT_COLOURS)]),
             PATIENT_MARKERS[i % len(PATIENT_MARKERS)], False, 1.1)
            for i, c in enumerate(self.courses)]
        entries.append((tr("median at each month (n patients with a result within \u00b114 "
                           "days)"), QColor("#000000"), "o", True, 2.4))
        h, sample_w, gap = fm.height(), pg.pt(18), pg.pt(12)
        x, y = rect.left(), rect.top()
        for text, colour, symbol, filled, width in entries:
            w = sample_w + pg.pt(4) + fm.horizontalAdvance(text)
            if x > rect.left() and x + w > rect.right():
                x, y = rect.left(), y + h * 1.25
            if not measure:
                cy = y + h / 2
                p.setPen(QPen(colour, pg.pt(width)))
                p.drawLine(QPointF(x, cy), QPointF(x + sample_w, cy))
                pg._marker(p, QPointF(x + sample_w / 2, cy), symbol, colour, filled)
                p.setPen(TEXT)
                p.drawText(QRectF(x + sample_w + pg.pt(4), y, w, h),
                           int(Qt.AlignmentFlag.AlignVCenter), text)
            x += w + gap
        return y - rect.top() + h * 1.25


def median_caption(median: Sequence[MedianPoint]) -> str:
    counts = ", ".join(f"{m.month}: {m.n}" for m in median)
    return tr("Thin lines: each patient's CK results divided by that result's upper limit of "
              "normal. Bold: the median at each whole month since day 0, of each patient's "
              "result nearest to that day within \u00b114 days (n per month: {counts}).").format(
        counts=counts or "\u2014")


# --- files ---------------------------------------------------------------------------------


def _px(mm: float, dpi: float) -> int:
    return round(mm / 25.4 * dpi)


def write_svg(path: Path, draw: Draw, title: str, size_mm: tuple[float, float] = FIGURE_MM
              ) -> None:
    """A vector SVG of ``draw`` (QSvgGenerator), written atomically."""
    w, h = _px(size_mm[0], SVG_DPI), _px(size_mm[1], SVG_DPI)
    with atomic_write(path) as tmp:
        gen = QSvgGenerator()
        gen.setFileName(str(tmp))
        gen.setSize(QSize(w, h))
        gen.setViewBox(QRectF(0, 0, w, h))
        gen.setResolution(SVG_DPI)
        gen.setTitle(title)
        p = QPainter(gen)
        try:
            p.fillRect(QRectF(0, 0, w, h), QColor("white"))
            draw(p, QRectF(_px(4, SVG_DPI), _px(4, SVG_DPI), w - _px(8, SVG_DPI),
                           h - _px(8, SVG_DPI)), SVG_DPI)
        finally:
            p.end()
        del p, gen


def write_png(path: Path, draw: Draw, size_mm: tuple[float, float] = FIGURE_MM) -> None:
    w, h = _px(size_mm[0], PNG_DPI), _px(size_mm[1], PNG_DPI)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    per_metre = round(PNG_DPI / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    p = QPainter(image)
    try:
        draw(p, QRectF(_px(4, PNG_DPI), _px(4, PNG_DPI), w - _px(8, PNG_DPI),
                       h - _px(8, PNG_DPI)), PNG_DPI)
    finally:
        p.end()
    with atomic_write(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"cannot write {path}")
