"""The small plot under the enzymes: tacrolimus troughs against the study's target band, with
day 0 and the dose changes, on the enzyme plot's time axis."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from jdmdesk.domain.chart_series import ChartData
from jdmdesk.ui.chart.axes import ChartItem, TimeAxis, hover_tip, point_tips
from jdmdesk.ui.chart.style import LEFT_AXIS_WIDTH, RIGHT_AXIS_WIDTH, TAC_COLOUR, style_axis
from jdmdesk.ui.locale_format import show_number


class TroughPlot(pg.PlotItem):
    """Sits under the enzyme plot in the same layout. ``build`` links its x axis to that plot
    and creates its items once the enzyme plot is set up and both are laid out, the order the
    panel has always used (building earlier places the band's label elsewhere)."""

    def __init__(self) -> None:
        axis = TimeAxis("bottom")
        super().__init__(axisItems={"bottom": axis})
        self.time_axis = axis

    def build(self, main: pg.PlotItem) -> None:
        self.setMenuEnabled(enableMenu=False, enableViewBoxMenu=True)
        self.hideButtons()
        self.showGrid(x=True, y=True, alpha=0.12)
        self.showAxis("right")
        self.getAxis("right").setStyle(showValues=False)
        self.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        self.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        for side in ("left", "bottom", "right"):
            style_axis(self.getAxis(side))
        style_axis(self.getAxis("left"), QCoreApplication.translate("Chart", "tac ng/mL"))
        self.setXLink(main)
        self.setMouseEnabled(x=True, y=False)
        self.band = pg.LinearRegionItem(values=(5, 10), orientation="horizontal", movable=False,
                                        brush=pg.mkBrush(106, 61, 154, 38),
                                        pen=pg.mkPen(106, 61, 154, 90))
        self.band.setObjectName("tacrolimus_target_band")
        self.band_label = pg.InfLineLabel(self.band.lines[1], text=self.tr("target"), position=0.01,
                                          anchors=[(0, 1), (0, 1)], color=TAC_COLOUR)
        self.addItem(self.band, ignoreBounds=True)
        self.item = ChartItem(name="TACROLIMUS", pen=pg.mkPen(TAC_COLOUR, width=1.6),
                              symbol="o", symbolSize=6, symbolPen=pg.mkPen(TAC_COLOUR),
                              symbolBrush=pg.mkBrush(TAC_COLOUR), antialias=True)
        self.item.setObjectName("TACROLIMUS")
        self.item.scatter.opts["hoverable"] = True
        self.item.scatter.opts["tip"] = hover_tip
        self.addItem(self.item)
        self.day0 = pg.InfiniteLine(pos=0, angle=90, movable=False,
                                    pen=pg.mkPen("#333333", width=1.5,
                                                 style=Qt.PenStyle.DashLine))
        self.addItem(self.day0, ignoreBounds=True)
        self.dose_item = ChartItem(connect="pairs",
                                   pen=pg.mkPen(TAC_COLOUR, width=1.3,
                                                style=Qt.PenStyle.DotLine))
        self.addItem(self.dose_item, ignoreBounds=True)

    def apply(self, d: ChartData) -> None:
        tr = d.troughs
        self.item.setData(x=np.array(tr.x, dtype=float), y=np.array(tr.y, dtype=float),
                          data=point_tips(tr.points, tr.days))
        low, high = d.target_band
        self.band.setRegion((low, high))
        self.band_label.setFormat(self.tr("target {low}\u2013{high} ng/mL").format(
            low=show_number(f"{low:g}"), high=show_number(f"{high:g}")))
        top = max([high, *tr.y]) * 1.25
        self.setYRange(0, top, padding=0)
        xs = [c.x for c in d.dose_changes for _ in (0, 1)]
        self.dose_item.setData(x=np.array(xs, dtype=float),
                               y=np.array([0.0, top] * len(d.dose_changes), dtype=float))
