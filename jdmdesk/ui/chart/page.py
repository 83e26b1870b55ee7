"""The enzyme chart drawn for a printed page: vector drawing with QPainter from ``ChartData``.

The window's panel is a live pyqtgraph widget; a page needs no toolbar, no hover and no screen
grab. This draws the same content (enzymes on a log axis with each result's upper limit of
normal, filled markers above it, day 0, the prednisolone-equivalent taper on the right axis,
tacrolimus dose changes, and the trough strip with its target band) into any rectangle of any
paint device, so the PDF summary (window and ``jdmdesk report``) holds a sharp, searchable chart.
Lengths are given in points (1/72 inch) and converted with the device's resolution; no text is
smaller than ``MIN_TEXT_PT``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import DAYS_PER_MONTH, ChartData
from jdmdesk.ui.chart.page_ticks import date_ticks, linear_ticks, nice_step
from jdmdesk.ui.chart.steroid import steroid_legend
from jdmdesk.ui.chart.style import AXIS_COLOUR, DAY0_LABEL, PRED_COLOUR, STYLE, TAC_COLOUR
from jdmdesk.ui.i18n import message
from jdmdesk.ui.locale_format import show_number

MIN_TEXT_PT = 8.0
TEXT = QColor("#222222")
GRID = QColor(0, 0, 0, 28)


class PageChart:
    """Draws one patient's chart; ``draw(painter, rect)`` with ``rect`` in device units."""

    def __init__(self, data: ChartData, dpi: float) -> None:
        self.d = data
        self.k = dpi / 72.0  # device units per point

    def pt(self, points: float) -> float:
        return points * self.k

    def font(self, size: float = MIN_TEXT_PT, bold: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        # whole device pixels, rounded up: a PDF never holds text below the size asked for
        f.setPixelSize(math.ceil(max(size, MIN_TEXT_PT) * self.k))
        f.setBold(bold)
        return f

    # --- layout --------------------------------------------------------------------------

    def draw(self, p: QPainter, rect: QRectF) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self.d
        p.setFont(self.font())
        fm = QFontMetricsF(p.font(), p.device())
        line = fm.height()
        legend_h = self._legend(p, rect, measure=True)
        left, right = self.pt(44), self.pt(40)
        top = rect.top() + legend_h + line * 1.6  # months axis above the plot
        bottom_axis = line * 2.4
        trough_h = (rect.height() - legend_h) * 0.2 if d.troughs.x else 0.0
        main = QRectF(rect.left() + left, top, rect.width() - left - right,
                      rect.bottom() - top - bottom_axis - trough_h - (line * 0.6 if trough_h
                                                                      else 0))
        self._legend(p, rect, measure=False)
        if d.patient_id is None or d.x_range is None:
            p.setPen(TEXT)
            p.drawText(main, int(Qt.AlignmentFlag.AlignCenter),
                       QCoreApplication.translate("PageChart", "No enzyme results recorded."))
            p.restore()
            return
        lo, hi = d.x_range
        pad = max((hi - lo) * 0.03, 3 * (86_400.0 if d.calendar else 1.0))
        self.x0, self.x1 = lo - pad, hi + pad
        self._enzymes(p, main, fm)
        strip = None
        if trough_h:
            strip = QRectF(main.left(), main.bottom() + line * 0.6, main.width(), trough_h)
            self._troughs(p, strip)
        self._time_axis(p, strip or main, main, fm)
        p.restore()

    def _x(self, r: QRectF, x: float) -> float:
        return r.left() + (x - self.x0) / (self.x1 - self.x0) * r.width()

    # --- legend --------------------------------------------------------------------------

    def _legend_entries(self) -> list[tuple[str, Callable[[QPainter, QRectF], None]]]:
        d = self.d
        out: list[tuple[str, Callable[[QPainter, QRectF], None]]] = []
        for code in ENZYME_CODES:
            s = d.series.get(code)
            if s is None or not s.present:
                continue
            colour, symbol = STYLE[code]

            def sample(p: QPainter, r: QRectF, c: str = colour, sym: str = symbol) -> None:
                p.setPen(QPen(QColor(c), self.pt(1.4)))
                y = r.center().y()
                p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
                self._marker(p, QPointF(r.center().x(), y), sym, QColor(c), False)
            out.append((f"{code} ({s.unit})", sample))
        if out:
            def uln(p: QPainter, r: QRectF) -> None:
                p.setPen(QPen(QColor("#555555"), self.pt(0.9), Qt.PenStyle.DashLine))
                p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))

            def filled(p: QPainter, r: QRectF) -> None:
                self._marker(p, r.center(), "o", QColor("#555555"), True)
            out += [(QCoreApplication.translate("PageChart", "ULN (dashed)"), uln),
                    (QCoreApplication.translate("PageChart", "filled = above ULN"), filled)]
        if d.prednisolone.runs:
            def pred(p: QPainter, r: QRectF) -> None:
                p.setPen(QPen(QColor(PRED_COLOUR), self.pt(1.6)))
                p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
            out.append((steroid_legend(d), pred))
        if d.dose_changes:
            def dose(p: QPainter, r: QRectF) -> None:
                p.setPen(QPen(QColor(TAC_COLOUR), self.pt(1), Qt.PenStyle.DotLine))
                p.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()))
            out.append((QCoreApplication.translate("PageChart", "tacrolimus dose change"), dose))
        return out

    def _legend(self, p: QPainter, rect: QRectF, *, measure: bool) -> float:
        """Entries flow left to right and wrap; returns the height used."""
        p.setFont(self.font())
        fm = QFontMetricsF(p.font(), p.device())
        h, sample_w, gap = fm.height(), self.pt(18), self.pt(12)
        x, y = rect.left(), rect.top()
        for text, sample in self._legend_entries():
            w = sample_w + self.pt(4) + fm.horizontalAdvance(text)
            if x > rect.left() and x + w > rect.right():
                x, y = rect.left(), y + h * 1.25
            if not measure:
                sample(p, QRectF(x, y, sample_w, h))
                p.setPen(TEXT)
                p.drawText(QRectF(x + sample_w + self.pt(4), y, w, h),
                           int(Qt.AlignmentFlag.AlignVCenter), text)
            x += w + gap
        return (y - rect.top()) + h * 1.25 if x > rect.left() else 0.0

    # --- enzymes ---------------------------------------------------------------------------

    def _enzymes(self, p: QPainter, r: QRectF, fm: QFontMetricsF) -> None:
        d = self.d
        values = [v for s in d.series.values() for v in (*s.y, *(u for u in s.uln if u))
                  if v and v > 0]
        lo_v, hi_v = (min(values), max(values)) if values else (10.0, 1000.0)
        ylo = math.log10(lo_v) - 0.15
        yhi = math.log10(hi_v) + 0.12
        if yhi - ylo < 1:
            ylo, yhi = (ylo + yhi) / 2 - 0.5, (ylo + yhi) / 2 + 0.5

        def y_of(v: float) -> float:
            return r.bottom() - (math.log10(v) - ylo) / (yhi - ylo) * r.height()

        p.setPen(QPen(QColor(AXIS_COLOUR), self.pt(0.8)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        ticks = [m * 10 ** e for e in range(math.floor(ylo), math.ceil(yhi) + 1)
                 for m in (1, 2, 5) if ylo <= math.log10(m * 10 ** e) <= yhi]
        for v in ticks:
            y = y_of(v)
            p.setPen(QPen(GRID, self.pt(0.5)))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(TEXT)
            p.drawText(QRectF(r.left() - self.pt(40), y - fm.height() / 2, self.pt(36),
                              fm.height()), int(Qt.AlignmentFlag.AlignRight
                                                | Qt.AlignmentFlag.AlignVCenter),
                       f"{v:,.0f}".replace(",", "\u2009") if v >= 1 else f"{v:g}")
        self._vertical_text(p, QPointF(r.left() - self.pt(40), r.center().y()),
                            QCoreApplication.translate("PageChart", "U/L (log scale)"),
                            TEXT)
        p.save()
        p.setClipRect(r)
        self._steroid(p, r, fm)
        if d.day0 is not None:
            x = self._x(r, 0.0)
            p.setPen(QPen(QColor("#333333"), self.pt(1), Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        for code in ENZYME_CODES:
            s = d.series.get(code)
            if s is None or not s.present:
                continue
            colour = QColor(STYLE[code][0])
            faint = QColor(colour)
            faint.setAlpha(150)
            self._polyline(p, r, s.uln_x, s.uln_y, y_of,
                           QPen(faint, self.pt(0.9), Qt.PenStyle.DashLine))
            self._polyline(p, r, s.x, s.y, y_of, QPen(colour, self.pt(1.4)))
            for x, y, above in zip(s.x, s.y, s.above, strict=True):
                if y > 0:
                    self._marker(p, QPointF(self._x(r, x), y_of(y)), STYLE[code][1], colour,
                                 above)
        p.restore()
        if d.day0 is not None:
            x = self._x(r, 0.0)
            w = fm.horizontalAdvance(QCoreApplication.translate("Chart", DAY0_LABEL)) + self.pt(4)
            box = QRectF(x + self.pt(2), r.bottom() - fm.height() - self.pt(2), w, fm.height())
            p.fillRect(box, QColor(255, 255, 255, 220))
            p.setPen(TEXT)
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter),
                       QCoreApplication.translate("Chart", DAY0_LABEL))

    def _polyline(self, p: QPainter, r: QRectF, xs: Sequence[float], ys: Sequence[float],
                  y_of: Callable[[float], float], pen: QPen) -> None:
        path = QPainterPath()
        pen_up = True
        for x, y in zip(xs, ys, strict=True):
            if not math.isfinite(y) or y <= 0:
                pen_up = True
                continue
            point = QPointF(self._x(r, x), y_of(y))
            if pen_up:
                path.moveTo(point)
                pen_up = False
            else:
                path.lineTo(point)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    def _marker(self, p: QPainter, c: QPointF, symbol: str, colour: QColor,
                filled: bool) -> None:
        s = self.pt(2.6)
        p.setPen(QPen(colour, self.pt(1.1)))
        p.setBrush(QBrush(colour if filled else QColor("white")))
        if symbol == "s":
            p.drawRect(QRectF(c.x() - s, c.y() - s, 2 * s, 2 * s))
        elif symbol == "t":  # triangle pointing down, as pyqtgraph's "t"
            path = QPainterPath(QPointF(c.x() - s * 1.15, c.y() - s * 0.8))
            path.lineTo(QPointF(c.x() + s * 1.15, c.y() - s * 0.8))
            path.lineTo(QPointF(c.x(), c.y() + s * 1.2))
            path.closeSubpath()
            p.drawPath(path)
        elif symbol == "d":
            path = QPainterPath(QPointF(c.x(), c.y() - s * 1.3))
            for dx, dy in ((s, 0), (0, s * 1.3), (-s, 0)):
                path.lineTo(QPointF(c.x() + dx, c.y() + dy))
            path.closeSubpath()
            p.drawPath(path)
        else:
            p.drawEllipse(c, s, s)

    # --- steroid and tacrolimus ------------------------------------------------------------

    def _steroid(self, p: QPainter, r: QRectF, fm: QFontMetricsF) -> None:
        d = self.d
        pred = d.prednisolone
        top = max(pred.max_value, 0.1) * 1.35

        def y_of(v: float) -> float:
            return r.bottom() - v / top * r.height()

        if pred.x:
            area = QPainterPath()
            run: list[QPointF] = []
            for x, y in [*zip(pred.x, pred.y, strict=True), (math.nan, math.nan)]:
                if math.isfinite(y):
                    run.append(QPointF(self._x(r, x), y_of(y)))
                    continue
                if run:
                    area.moveTo(run[0].x(), r.bottom())
                    for q in run:
                        area.lineTo(q)
                    area.lineTo(run[-1].x(), r.bottom())
                    area.closeSubpath()
                run = []
            p.fillPath(area, QColor(150, 150, 150, 45))
            self._polyline(p, r, pred.x, [y if y != 0 else 1e-9 for y in pred.y], y_of,
                           QPen(QColor(PRED_COLOUR), self.pt(1.6)))
        for change in d.dose_changes:
            x = self._x(r, change.x)
            p.setPen(QPen(QColor(TAC_COLOUR), self.pt(1), Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            w = fm.horizontalAdvance(message(change.label)) + self.pt(4)
            box = QRectF(x + self.pt(2), r.top() + self.pt(2), w, fm.height())
            if box.right() > r.right():
                box.moveRight(x - self.pt(2))
            p.fillRect(box, QColor(255, 255, 255, 210))
            p.setPen(QColor(TAC_COLOUR))
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), message(change.label))
        p.setClipping(False)
        if pred.runs:  # the right axis
            step = nice_step(top / 4)
            v = 0.0
            while v <= top + 1e-9:
                y = y_of(v)
                p.setPen(QPen(QColor(PRED_COLOUR), self.pt(0.8)))
                p.drawLine(QPointF(r.right(), y), QPointF(r.right() + self.pt(3), y))
                p.setPen(QColor(PRED_COLOUR))
                p.drawText(QRectF(r.right() + self.pt(4), y - fm.height() / 2, self.pt(24),
                                  fm.height()), int(Qt.AlignmentFlag.AlignVCenter),
                           f"{v:g}")
                v = round(v + step, 6)
            self._vertical_text(p, QPointF(r.right() + self.pt(28), r.center().y()),
                                QCoreApplication.translate("PageChart",
                                                           "prednisolone eq. mg/kg/day"),
                                QColor(PRED_COLOUR))
        p.setClipRect(r)

    def _troughs(self, p: QPainter, r: QRectF) -> None:
        d = self.d
        t = d.troughs
        lo, hi = d.target_band
        top = max(max(t.y, default=0.0), hi) * 1.25

        def y_of(v: float) -> float:
            return r.bottom() - v / top * r.height()

        p.setPen(QPen(QColor(AXIS_COLOUR), self.pt(0.8)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)
        band = QColor(TAC_COLOUR)
        band.setAlpha(30)
        p.fillRect(QRectF(r.left(), y_of(hi), r.width(), y_of(lo) - y_of(hi)), band)
        fm = QFontMetricsF(p.font(), p.device())
        p.setPen(QColor(TAC_COLOUR))
        p.drawText(QRectF(r.left() + self.pt(4), r.top() + self.pt(1), r.width(), fm.height()),
                   int(Qt.AlignmentFlag.AlignLeft),
                   QCoreApplication.translate(
                       "PageChart", "tacrolimus trough, target {low}\u2013{high} ng/mL").format(
                       low=show_number(f"{lo:g}"), high=show_number(f"{hi:g}")))
        for v in (lo, hi):
            p.setPen(TEXT)
            p.drawText(QRectF(r.left() - self.pt(40), y_of(v) - fm.height() / 2, self.pt(36),
                              fm.height()), int(Qt.AlignmentFlag.AlignRight
                                                | Qt.AlignmentFlag.AlignVCenter), f"{v:g}")
        self._vertical_text(p, QPointF(r.left() - self.pt(40), r.center().y()),
                            QCoreApplication.translate("PageChart", "ng/mL"), TEXT)
        p.save()
        p.setClipRect(r)
        if d.day0 is not None:
            x = self._x(r, 0.0)
            p.setPen(QPen(QColor("#333333"), self.pt(1), Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        colour = QColor(TAC_COLOUR)
        self._polyline(p, r, t.x, t.y, y_of, QPen(colour, self.pt(1.1)))
        for x, y in zip(t.x, t.y, strict=True):
            self._marker(p, QPointF(self._x(r, x), y_of(y)), "o", colour, True)
        p.restore()

    # --- axes ------------------------------------------------------------------------------

    def _time_axis(self, p: QPainter, bottom: QRectF, main: QRectF, fm: QFontMetricsF) -> None:
        d = self.d
        ticks = date_ticks(self.x0, self.x1) if d.calendar else \
            [(v, f"{v:g}") for v in linear_ticks(self.x0, self.x1, 8)]
        for v, text in ticks:
            x = self._x(main, v)
            p.setPen(QPen(GRID, self.pt(0.5)))
            p.drawLine(QPointF(x, main.top()), QPointF(x, main.bottom()))
            p.setPen(TEXT)
            p.drawText(QRectF(x - self.pt(30), bottom.bottom() + self.pt(2), self.pt(60),
                              fm.height()), int(Qt.AlignmentFlag.AlignHCenter), text)
        title = (QCoreApplication.translate("PageChart", "date") if d.calendar
                 else QCoreApplication.translate("PageChart",
                                                 "days since tacrolimus start (day 0)"))
        p.drawText(QRectF(main.left(), bottom.bottom() + fm.height() * 1.15, main.width(),
                          fm.height()), int(Qt.AlignmentFlag.AlignHCenter), title)
        if d.calendar:
            return
        span = (self.x1 - self.x0) / DAYS_PER_MONTH
        step = next((s for s in (1, 2, 3, 6, 12, 24) if span / s <= 12), 60)
        unit = step * DAYS_PER_MONTH
        for k in range(math.ceil(self.x0 / unit), math.floor(self.x1 / unit) + 1):
            x = self._x(main, k * unit)
            p.setPen(QPen(QColor(AXIS_COLOUR), self.pt(0.8)))
            p.drawLine(QPointF(x, main.top()), QPointF(x, main.top() - self.pt(3)))
            p.setPen(TEXT)
            p.drawText(QRectF(x - self.pt(30), main.top() - fm.height() * 1.2, self.pt(60),
                              fm.height()), int(Qt.AlignmentFlag.AlignHCenter),
                       QCoreApplication.translate("PageChart", "{n} mo").format(n=k * step))

    def _vertical_text(self, p: QPainter, at: QPointF, text: str, colour: QColor) -> None:
        p.save()
        p.translate(at)
        p.rotate(-90)
        fm = QFontMetricsF(p.font(), p.device())
        p.setPen(colour)
        w = fm.horizontalAdvance(text) + self.pt(4)
        p.drawText(QRectF(-w / 2, -fm.height(), w, fm.height()),
                   int(Qt.AlignmentFlag.AlignCenter), text)
        p.restore()
