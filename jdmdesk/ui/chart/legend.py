"""The chart's legend, above the enzyme plot: the enzymes drawn, the ULN and filled-marker
keys, the steroid line and the tacrolimus dose changes, in as many columns as fit its width."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import ChartData
from jdmdesk.ui.chart.steroid import steroid_legend
from jdmdesk.ui.chart.style import PRED_COLOUR, TEXT_COLOUR

H_SPACING = 18


class ChartLegend(pg.LegendItem):
    """``entries`` says what to show; the same entries are not laid out again."""

    def __init__(self) -> None:
        super().__init__(labelTextColor=TEXT_COLOUR, labelTextSize="9pt", pen=None, brush=None,
                         colCount=4, horSpacing=H_SPACING, verSpacing=-8)
        self.uln_sample = pg.PlotDataItem(pen=pg.mkPen("#555555", width=1.3,
                                                       style=Qt.PenStyle.DashLine))
        self.pred_sample = pg.PlotDataItem(pen=pg.mkPen(PRED_COLOUR, width=2.2))
        self.above_sample = pg.PlotDataItem(pen=None, symbol="o", symbolSize=8,
                                            symbolBrush=pg.mkBrush("#555555"),
                                            symbolPen=pg.mkPen("#555555"))
        self._shown: list[tuple[object, str]] = []
        self._room = 0.0

    def entries(self, d: ChartData, items: dict[str, pg.PlotDataItem], uln_mode: bool,
                dose_item: pg.PlotDataItem) -> list[tuple[pg.PlotDataItem, str]]:
        shown = [c for c in ENZYME_CODES if (s := d.series.get(c)) is not None and s.present]
        out: list[tuple[pg.PlotDataItem, str]] = [(items[c], c) for c in shown]
        if shown:
            if not uln_mode:
                out.append((self.uln_sample, QCoreApplication.translate("EnzymeChartPanel",
                                                                         "ULN (dashed)")))
            out.append((self.above_sample, QCoreApplication.translate(
                "EnzymeChartPanel", "filled = above ULN")))
        if d.prednisolone.runs:
            out.append((self.pred_sample, steroid_legend(d)))
        if d.dose_changes:
            out.append((dose_item, QCoreApplication.translate("EnzymeChartPanel",
                                                                "tac dose change")))
        return out

    def show_entries(self, entries: Sequence[tuple[pg.PlotDataItem, str]], room: float) -> None:
        """Show ``entries`` in the most columns that fit ``room`` pixels."""
        now = [(id(item), text) for item, text in entries]
        if now != self._shown:
            self._shown = now
            self.clear()
            for item, text in entries:
                self.addItem(item, text)
        self.fit(room)
        self.setVisible(bool(entries))

    def fit(self, room: float) -> None:
        """The most columns (at most one row's worth) whose widest rows fit ``room``."""
        self._room = room
        n = len(self.items)
        if not n:
            return
        widths = [(sample.boundingRect().width(), label.item.boundingRect().width())
                  for sample, label in self.items]
        cols = 1
        for c in range(n, 0, -1):
            rows = math.ceil(n / c)
            need = sum(max(widths[r * c + j][0] for r in range(rows) if r * c + j < n)
                       + max(widths[r * c + j][1] for r in range(rows) if r * c + j < n)
                       for j in range(c)) + H_SPACING * (2 * c - 1)
            if need <= room:
                cols = c
                break
        if cols != self.columnCount:
            self.setColumnCount(cols)
