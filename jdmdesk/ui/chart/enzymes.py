"""The enzyme plot's data items: for each enzyme a line with markers (named by its analyte code),
its ULN step line and its filled markers above the ULN; set from one ``AnalyteSeries``."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import AnalyteSeries
from jdmdesk.ui.chart.axes import ChartItem, hover_tip, point_tips
from jdmdesk.ui.chart.style import DAY0_LABEL, STYLE, TEXT_COLOUR


class EnzymeItems:
    """The three items of every enzyme, added to ``main`` once and updated in place."""

    def __init__(self, main: pg.PlotItem) -> None:
        self.items: dict[str, ChartItem] = {}
        self.uln_items: dict[str, ChartItem] = {}
        self.above_items: dict[str, ChartItem] = {}
        for code in ENZYME_CODES:
            colour, symbol = STYLE[code]
            faint = QColor(colour)
            faint.setAlpha(170)
            uln = ChartItem(pen=pg.mkPen(faint, width=1.2, style=Qt.PenStyle.DashLine),
                            connect="finite", antialias=True)
            uln.setObjectName(f"{code}_uln")
            uln.setZValue(1)
            item = ChartItem(name=code, pen=pg.mkPen(colour, width=2), symbol=symbol,
                             symbolSize=8, symbolPen=pg.mkPen(colour, width=1.6),
                             symbolBrush=pg.mkBrush("w"), connect="finite", antialias=True)
            item.setObjectName(code)
            item.setZValue(3)
            above = ChartItem(pen=None, symbol=symbol, symbolSize=8,
                              symbolPen=pg.mkPen(colour, width=1.6),
                              symbolBrush=pg.mkBrush(colour), antialias=True)
            above.setObjectName(f"{code}_above")
            above.setZValue(4)
            for it in (uln, item, above):
                main.addItem(it)
            for it in (item, above):
                it.scatter.opts["hoverable"] = True
                it.scatter.opts["tip"] = hover_tip
            self.items[code], self.uln_items[code], self.above_items[code] = item, uln, above

    def apply(self, code: str, s: AnalyteSeries | None, uln_mode: bool, *,
              update: bool = False) -> None:
        """Set the enzyme's items from ``s``; ``update``: only some points changed, so the
        filled (above ULN) markers and the ULN line are set again only when they differ."""
        item, uln, above = self.items[code], self.uln_items[code], self.above_items[code]
        if s is None or not s.present:
            for it in (item, uln, above):
                it.setData(x=[], y=[], data=[])
            return
        ys = s.values(uln_mode)
        # a log axis cannot show 0; the ULN view leaves out results without a ULN (NaN)
        keep = [i for i, v in enumerate(ys) if math.isfinite(v) and (uln_mode or v > 0)]
        tips = point_tips([s.points[i] for i in keep], [s.days[i] for i in keep])
        x = np.array([s.x[i] for i in keep], dtype=float)
        y = np.array([ys[i] for i in keep], dtype=float)
        item.setData(x=x, y=y, data=tips)
        hi = [n for n, i in enumerate(keep) if s.above[i]]
        ax, ay = above.getData()
        if not update or ax is None or len(ax) != len(hi) or not (
                np.array_equal(ax, x[hi]) and np.array_equal(ay, y[hi])):
            above.setData(x=x[hi], y=y[hi], data=tips[hi])
        else:  # the same places: new hover texts only (a point's own values may differ)
            above.opts["data"] = tips[hi]
            above.scatter.data["data"] = tips[hi]
        ux = np.array(s.uln_x if not uln_mode else (), dtype=float)
        uy = np.array(s.uln_y if not uln_mode else (), dtype=float)
        ox, oy = uln.getData()
        if not update or len(ox) != len(ux) or not (
                np.array_equal(ox, ux, equal_nan=True) and np.array_equal(oy, uy,
                                                                           equal_nan=True)):
            uln.setData(x=ux, y=uy)


def guide_lines(main: pg.PlotItem) -> tuple[pg.InfiniteLine, pg.InfiniteLine]:
    """Day 0 (a vertical dashed line, labelled) and the ULN line of the × ULN view."""
    day0 = pg.InfiniteLine(
        pos=0, angle=90, movable=False, pen=pg.mkPen("#333333", width=1.5,
                                                     style=Qt.PenStyle.DashLine),
        label=QCoreApplication.translate("Chart", DAY0_LABEL),
        labelOpts={"position": 0.96, "color": TEXT_COLOUR,
                                     "fill": (255, 255, 255, 220), "anchors": [(0, 0),
                                                                               (0, 0)]})
    day0.setObjectName("day0_line")
    main.addItem(day0, ignoreBounds=True)
    uln = pg.InfiniteLine(
        pos=1, angle=0, movable=False, pen=pg.mkPen("#333333", width=1.3,
                                                    style=Qt.PenStyle.DashLine),
        label="ULN", labelOpts={"position": 0.995, "color": TEXT_COLOUR,
                                "fill": (255, 255, 255, 230),
                                "anchors": [(1, 1), (1, 1)]})
    uln.setObjectName("uln_line")
    uln.setZValue(6)  # its label stays readable above the markers (z 3-4)
    main.addItem(uln, ignoreBounds=True)
    return day0, uln
