"""The steroid taper drawn over the enzyme plot: prednisolone equivalent (mg/kg/day) on the
right axis, IV methylprednisolone pulses as shaded bands (apart from the daily line), and the
tacrolimus dose changes as dotted lines and labels."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from jdmdesk.domain.chart_series import ChartData
from jdmdesk.ui.chart.axes import ChartItem
from jdmdesk.ui.chart.style import PRED_COLOUR, TAC_COLOUR, font
from jdmdesk.ui.i18n import message
from jdmdesk.ui.locale_format import show_date, show_number

PULSE_RGBA = (127, 127, 127, 60)


class SteroidView(pg.ViewBox):
    """A view box of its own (own y range, shared x) laid over ``main``, under its mouse."""

    def __init__(self, main: pg.PlotItem) -> None:
        super().__init__(enableMenu=False)
        self.main = main
        self.setMouseEnabled(False, False)
        main.scene().addItem(self)
        self.setZValue(-10)  # under the enzyme view, which keeps the mouse
        main.getAxis("right").linkToView(self)
        self.setXLink(main.vb)
        self.pred_item = ChartItem(name="prednisolone", connect="finite", antialias=True,
                                   pen=pg.mkPen(PRED_COLOUR, width=2.2), fillLevel=0,
                                   fillBrush=pg.mkBrush(150, 150, 150, 45))
        self.pred_item.setObjectName("prednisolone")
        self.addItem(self.pred_item)
        self.dose_item = ChartItem(connect="pairs", pen=pg.mkPen(TAC_COLOUR, width=1.3,
                                                                  style=Qt.PenStyle.DotLine))
        self.dose_item.setObjectName("tacrolimus_dose_changes")
        self.addItem(self.dose_item)
        self.dose_labels: list[pg.TextItem] = []
        self.pulse_bands: list[tuple[pg.LinearRegionItem, pg.TextItem]] = []
        main.vb.sigResized.connect(self.follow_main)
        self.follow_main()

    def follow_main(self, *_: Any) -> None:
        self.setGeometry(self.main.vb.sceneBoundingRect())
        self.linkedViewChanged(self.main.vb, self.XAxis)

    def apply(self, d: ChartData) -> None:
        pred = d.prednisolone
        top = max(pred.max_value, 0.1) * 1.35
        self.setYRange(0, top, padding=0)
        self.pred_item.setData(x=np.array(pred.x, dtype=float), y=np.array(pred.y, dtype=float))
        xs = [c.x for c in d.dose_changes for _ in (0, 1)]
        self.dose_item.setData(x=np.array(xs, dtype=float),
                               y=np.array([0.0, top] * len(d.dose_changes), dtype=float))
        while len(self.dose_labels) < len(d.dose_changes):
            # hangs down from the top of the view (anchored at its top edge): never clipped
            label = pg.TextItem(color=TAC_COLOUR, anchor=(-0.04, 0), fill=(255, 255, 255, 200))
            label.setFont(font(8.5))
            label.setZValue(5)  # over its own dotted line
            self.addItem(label, ignoreBounds=True)
            self.dose_labels.append(label)
        for n, label in enumerate(self.dose_labels):
            if n < len(d.dose_changes):
                change = d.dose_changes[n]
                label.setText(message(change.label))
                label.setPos(change.x, top * 0.995)
                label.show()
            else:
                label.hide()
        self._apply_pulses(d, top)

    def _apply_pulses(self, d: ChartData, top: float) -> None:
        """One shaded band per pulse course, labelled at its foot ('IV MP 3×500 mg')."""
        while len(self.pulse_bands) < len(d.pulse_marks):
            band = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(PULSE_RGBA),
                                       pen=pg.mkPen(PRED_COLOUR, width=0.8))
            band.setObjectName("pulse")
            band.setZValue(-5)
            label = pg.TextItem(color=PRED_COLOUR, anchor=(0, 1))
            label.setFont(font(8.5))
            self.addItem(band, ignoreBounds=True)
            self.addItem(label, ignoreBounds=True)
            self.pulse_bands.append((band, label))
        for n, (band, label) in enumerate(self.pulse_bands):
            if n < len(d.pulse_marks):
                mark = d.pulse_marks[n]
                band.setRegion((mark.x_start, mark.x_end))
                label.setText(message(mark.label))
                label.setPos(mark.x_start, top * 0.02)
                band.show()
                label.show()
            else:
                band.hide()
                label.hide()


def steroid_legend(d: ChartData) -> str:
    """The prednisolone line's legend text; says when days before the first weight were divided
    by that nearest weight."""
    near = d.prednisolone.nearest_weight
    if near is None:
        return QCoreApplication.translate("Chart", "prednisolone (right axis)")
    return QCoreApplication.translate("Chart", "prednisolone (right axis; before {date} per kg "
                                      "of the nearest weight, {weight} kg)").format(
        date=show_date(near[0].isoformat()), weight=show_number(f"{near[1]:g}"))
