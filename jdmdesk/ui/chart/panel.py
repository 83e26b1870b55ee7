"""The live enzyme chart: muscle enzymes since the start of tacrolimus, with the steroid taper.

One pyqtgraph ``PlotWidget`` named ``enzyme_chart`` holds the enzyme plot and, below it on the
same time axis, a small plot of tacrolimus troughs against the study's target band. Every data
item is created once; ``refresh`` re-queries the study and updates the items in place with
``setData``; after a save only what the saved records change is read and set again
(``ChartService.update``). Only this package (``jdmdesk.ui.chart``) imports pyqtgraph.

Each enzyme's data item is named by its analyte code (``item.name()`` and ``objectName()``); its
``xData``/``yData`` and ``getData()`` are in the chart's units: x in days since tacrolimus start
(epoch seconds for a patient without tacrolimus), y in U/L or in multiples of the ULN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QImage, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jdmdesk.domain.analytes import ENZYME_CODES
from jdmdesk.domain.chart_series import ChartData
from jdmdesk.services.chart import CHART_KINDS, ChartSource
from jdmdesk.ui.chart.axes import LogValueAxis, MonthAxis, TimeAxis
from jdmdesk.ui.chart.enzymes import EnzymeItems, guide_lines
from jdmdesk.ui.chart.export import write_image
from jdmdesk.ui.chart.legend import ChartLegend
from jdmdesk.ui.chart.steroid import SteroidView
from jdmdesk.ui.chart.style import (
    LEFT_AXIS_WIDTH,
    PRED_COLOUR,
    RIGHT_AXIS_WIDTH,
    TEXT_COLOUR,
    style_axis,
)
from jdmdesk.ui.chart.troughs import TroughPlot
from jdmdesk.ui.i18n import message

MARGIN_PX = 14  # at least this much room left and right of the outermost points


class EnzymeChartPanel(QWidget):
    """Chart toolbar, note and the ``enzyme_chart`` plot for one patient at a time."""

    refreshed = Signal()  # after every redraw from the database

    def __init__(self, chart_service: ChartSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enzyme_chart_panel")
        self.service = chart_service
        self.patient_id: str | None = None
        self.data = ChartData(patient_id=None)
        self.uln_mode = False
        self._follow_x = True
        self._build_toolbar()
        self.note = QLabel(self)
        self.note.setObjectName("chart_note")
        self.note.setAccessibleName("chart_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { background: #FFF4D6; color: #5A4500; padding: 4px 8px;"
                                " border: 1px solid #E8D08A; border-radius: 3px; }")
        self.note.hide()
        self._build_plots()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addLayout(self._toolbar)
        lay.addWidget(self.note)
        lay.addWidget(self.plot, 1)
        self._apply()

    # --- construction -------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self._toolbar = QHBoxLayout()
        self._toolbar.setContentsMargins(2, 2, 2, 0)
        self.title = QLabel(self.tr("Muscle enzymes"), self)
        self.title.setObjectName("chart_title")
        self.title.setStyleSheet("font-weight: 600;")
        self.log_button = self._tool(self.tr("Absolute (log)"), "scale_log",
                                     self.tr("Enzyme activity in U/L on a logarithmic axis"))
        self.uln_button = self._tool(self.tr("\u00d7 ULN"), "scale_uln",
                                     self.tr("Each value divided by its own upper limit of normal"))
        self.scale_group = QButtonGroup(self)
        for b in (self.log_button, self.uln_button):
            b.setCheckable(True)
            self.scale_group.addButton(b)
        self.log_button.setChecked(True)
        self.uln_button.toggled.connect(self.set_uln_mode)
        self.export_button = self._tool(self.tr("Export"), "export_chart",
                                        self.tr("Save the chart as an image"))
        menu = QMenu(self.export_button)
        self.export_png_action = QAction(self.tr("PNG image\u2026"), menu)
        self.export_png_action.setObjectName("export_png")
        self.export_png_action.triggered.connect(lambda: self.export_png())
        self.export_svg_action = QAction(self.tr("SVG drawing\u2026"), menu)
        self.export_svg_action.setObjectName("export_svg")
        self.export_svg_action.triggered.connect(lambda: self.export_svg())
        menu.addAction(self.export_png_action)
        menu.addAction(self.export_svg_action)
        self.export_button.setMenu(menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._toolbar.addWidget(self.title)
        self._toolbar.addStretch(1)
        self._toolbar.addWidget(QLabel(self.tr("Scale:"), self))
        self._toolbar.addWidget(self.log_button)
        self._toolbar.addWidget(self.uln_button)
        self._toolbar.addSpacing(12)
        self._toolbar.addWidget(self.export_button)

    def _tool(self, text: str, name: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setObjectName(name)
        b.setAccessibleName(name)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        return b

    def _build_plots(self) -> None:
        self.time_axis = TimeAxis("bottom")
        self.month_axis = MonthAxis("top")
        self.plot = pg.PlotWidget(background="w", axisItems={
            "bottom": self.time_axis, "top": self.month_axis, "left": LogValueAxis("left")})
        self.plot.setObjectName("enzyme_chart")
        self.plot.setAccessibleName("enzyme_chart")
        self.plot.setAccessibleDescription(
            self.tr("Muscle enzymes by day since tacrolimus start, with prednisolone dose and "
            "tacrolimus troughs"))
        self.plot.setMinimumHeight(320)
        main = self.main = self.plot.getPlotItem()
        # Both plots share one scene (one export, aligned axes): a layout becomes the central item.
        self.layout_item = pg.GraphicsLayout()
        self.plot.setCentralItem(self.layout_item)
        self.legend = ChartLegend()
        self.layout_item.addItem(self.legend, 0, 0)
        self.layout_item.addItem(main, 1, 0)
        self.trough_plot = TroughPlot()
        self.trough_axis = self.trough_plot.time_axis
        self.layout_item.addItem(self.trough_plot, 2, 0)
        grid = self.layout_item.layout
        grid.setRowStretchFactor(0, 0)
        grid.setRowStretchFactor(1, 4)
        grid.setRowStretchFactor(2, 1)
        grid.setVerticalSpacing(2)
        self.layout_item.setContentsMargins(4, 4, 8, 4)
        self._build_main(main)
        self.steroid = SteroidView(main)
        self.trough_plot.build(main)
        self.trough_plot.vb.sigRangeChangedManually.connect(self._user_moved)
        # x follows the enzyme plot only (_follow_range): the troughs' own autorange would
        # fit x to their points after the next paint, without room for the last marker
        self.trough_plot.vb.disableAutoRange(axis=pg.ViewBox.XAxis)

    def _build_main(self, main: pg.PlotItem) -> None:
        main.setMenuEnabled(enableMenu=False, enableViewBoxMenu=True)
        main.hideButtons()
        main.showGrid(x=True, y=True, alpha=0.12)
        main.showAxis("top")
        main.showAxis("right")
        main.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        main.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        for side in ("left", "bottom", "top"):
            style_axis(main.getAxis(side))
        style_axis(main.getAxis("right"), self.tr("prednisolone eq. mg/kg/day"), PRED_COLOUR)
        main.getAxis("right").enableAutoSIPrefix(False)  # 0.5 mg/kg/day, never "500 (x0.001)"
        main.setLogMode(x=False, y=True)
        main.getAxis("right").setLogMode(False, False)
        main.vb.sigRangeChangedManually.connect(self._user_moved)
        self.enzymes = EnzymeItems(main)
        self.items = self.enzymes.items
        self.uln_items = self.enzymes.uln_items
        self.above_items = self.enzymes.above_items
        self.day0_line, self.uln_line = guide_lines(main)

    # --- public API ---------------------------------------------------------------------

    lazy = False  # when True, a hidden panel redraws only once it is shown again
    _stale = False

    def show_patient(self, patient_id: str | None) -> None:
        """Draw another patient (or nothing); the view follows the new data."""
        self.patient_id = patient_id or None
        self._follow_x = True
        self._refresh_or_defer()

    def _refresh_or_defer(self) -> None:
        if self.lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Re-query the study and update the existing items in place."""
        self.data = self.service.load(self.patient_id)
        self._apply()

    @Slot(str, str, list)
    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """RecordService.changed: redraw when this patient's labs, medication or visits moved.

        Only what the saved records change is read and set again: a lab result's own series
        (a new one, an edit, a deletion), the steroid line and dose changes after medication
        or a weight. A change of day 0 (every x moves) and a hidden lazy panel load again."""
        if kind not in CHART_KINDS or not patient_id or patient_id != self.patient_id:
            return
        if not self._stale and not (self.lazy and not self.isVisible()):
            updated = self.service.update(self.data, kind, list(ids))
            if updated is not None:
                self._apply_update(updated)
                return
        self._refresh_or_defer()

    def _apply_update(self, d: ChartData) -> None:
        old, self.data = self.data, d
        for code in ENZYME_CODES:
            if d.series.get(code) is not old.series.get(code):
                self.enzymes.apply(code, d.series.get(code), self.uln_mode, update=True)
        self._apply_legend(d)
        if d.missing_uln != old.missing_uln:
            self._apply_axes(d, d.calendar and d.patient_id is not None)
        if (d.prednisolone is not old.prednisolone or d.dose_changes != old.dose_changes
                or d.pulse_marks != old.pulse_marks):
            self.steroid.apply(d)
        if d.troughs is not old.troughs or d.dose_changes != old.dose_changes:
            self.trough_plot.apply(d)
        if d.x_range != old.x_range:
            self._follow_range(d)
        self.refreshed.emit()

    @Slot(bool)
    def set_uln_mode(self, on: bool) -> None:
        """Multiples of each result's ULN (linear, line at 1) instead of U/L on a log axis."""
        on = bool(on)
        if self.uln_button.isChecked() != on:
            (self.uln_button if on else self.log_button).setChecked(True)
            return  # the toggle comes back here
        if on == self.uln_mode:
            return
        self.uln_mode = on
        self.main.setLogMode(x=False, y=not on)
        self.main.getAxis("right").setLogMode(False, False)
        self._apply()

    def widget(self) -> QWidget:
        return self

    def image(self) -> QImage:
        """The panel as drawn on screen (toolbar included), for the PDF summary."""
        return self.grab().toImage()

    def series_data(self, code: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of an analyte's data item, in the chart's units."""
        item = self.trough_plot.item if code == "TACROLIMUS" else self.items[code]
        x, y = item.getData()
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def tooltips(self, code: str) -> list[str]:
        """Hover texts of an analyte's points, in the order of ``series_data``."""
        item = self.trough_plot.item if code == "TACROLIMUS" else self.items[code]
        data = item.opts.get("data")
        return [] if data is None else [str(t) for t in data]

    def export(self, path: str | Path) -> Path:
        """Write the chart (both plots) as PNG or SVG, chosen by the file's suffix."""
        return write_image(self.plot, path,
                           (self.tr("Muscle enzymes") + f" {self.data.title}").strip())

    def export_png(self, path: str | Path | None = None) -> Path | None:
        return self._export_to(path, self.tr("PNG image (*.png)"), ".png")

    def export_svg(self, path: str | Path | None = None) -> Path | None:
        return self._export_to(path, self.tr("SVG drawing (*.svg)"), ".svg")

    def _export_to(self, path: str | Path | None, filt: str, suffix: str) -> Path | None:
        if path is None:
            path = self.ask_export_path(filt, suffix)
            if path is None:
                return None
        path = Path(path)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        return self.export(path)

    def ask_export_path(self, filt: str, suffix: str) -> Path | None:
        """The file dialog (tests pass a path to ``export_png``/``export_svg`` instead)."""
        name = f"{self.data.title or 'chart'}_enzymes{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), name, filt)
        return Path(chosen) if chosen else None

    # --- drawing ------------------------------------------------------------------------

    def _user_moved(self, *_: Any) -> None:
        self._follow_x = False

    def _apply(self) -> None:
        d = self.data
        calendar = d.calendar and d.patient_id is not None
        self.title.setText(self.tr("Muscle enzymes") + (f" \u2014 {d.title}" if d.title else ""))
        self._apply_axes(d, calendar)
        for code in ENZYME_CODES:
            self.enzymes.apply(code, d.series.get(code), self.uln_mode)
        self._apply_legend(d)
        self.steroid.apply(d)
        self.trough_plot.apply(d)
        self._follow_range(d)
        self.refreshed.emit()

    def _follow_range(self, d: ChartData) -> None:
        if self._follow_x and d.x_range is not None:
            lo, hi = d.x_range
            unit = 86_400.0 if d.calendar and d.patient_id is not None else 1.0
            # room for a whole marker (and a little air) beside the first and last points,
            # however narrow the view: MARGIN_PX of the view's width on either side
            px = max(self.main.vb.width(), 4 * MARGIN_PX)
            pad = max((hi - lo) * 0.03, 3 * unit, (hi - lo) * MARGIN_PX / (px - 2 * MARGIN_PX))
            self.main.setXRange(lo - pad, hi + pad, padding=0)
            self._follow_x = True  # setXRange is not a manual move
        self.main.enableAutoRange(axis="y")

    def _apply_axes(self, d: ChartData, calendar: bool) -> None:
        for axis in (self.time_axis, self.trough_axis):
            axis.set_calendar(calendar)
        self.main.showAxis("top", not calendar)
        if calendar:
            self.main.getAxis("top").setLabel("")
            self.trough_axis.setLabel(self.tr("date"), color=TEXT_COLOUR, **{"font-size": "9.5pt"})
        else:
            self.main.getAxis("top").setLabel("")
            self.trough_axis.setLabel(self.tr("days since tacrolimus start (day 0)"),
                                      color=TEXT_COLOUR,
                                      **{"font-size": "9.5pt"})
        self.day0_line.setVisible(not calendar)
        self.trough_plot.day0.setVisible(not calendar)
        self.uln_line.setVisible(self.uln_mode)
        units = (self.tr("\u00d7 upper limit of normal") if self.uln_mode
                 else self.tr("U/L (log scale)"))
        self.main.getAxis("left").setLabel(units, color=TEXT_COLOUR, **{"font-size": "9.5pt"})
        if d.patient_id is None:
            self.note.setText(self.tr("Select a patient to see the enzyme chart."))
        elif d.note:
            self.note.setText(message(d.note))
        elif self.uln_mode and d.missing_uln:
            n = d.missing_uln
            self.note.setText((self.tr("{n} results without an upper limit of normal left out of "
                                       "the \u00d7 ULN view.") if n > 1 else
                               self.tr("1 result without an upper limit of normal left out of "
                                       "the \u00d7 ULN view.")).format(n=n))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))

    def _apply_legend(self, d: ChartData) -> None:
        self.legend.show_entries(
            self.legend.entries(d, self.items, self.uln_mode, self.steroid.dose_item),
            self._legend_room())

    def _legend_room(self) -> float:
        """The legend's width: the plot's (the panel's), less the margins around it."""
        left, _, right, _ = self.layout_item.layout.getContentsMargins()
        return float(self.width() - left - right - 2 * self.plot.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.legend.fit(self._legend_room())
