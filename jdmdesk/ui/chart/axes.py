"""The chart's axes and data item: study days or calendar dates, months on top, plain numbers
on the log axis, and a data item that reports its data in the chart's units."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg

from jdmdesk.domain.chart_series import DAYS_PER_MONTH, point_tooltip
from jdmdesk.domain.labs import LabResult
from jdmdesk.ui.i18n import message


class ChartItem(pg.PlotDataItem):
    """A data item whose ``getData()`` gives the chart's units, not pyqtgraph's log10 mapping."""

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.getOriginalDataset()
        if x is None or y is None:
            return np.empty(0), np.empty(0)
        return x, y


class TimeAxis(pg.DateAxisItem):
    """Study days (plain numbers), or calendar dates for a patient without tacrolimus."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation, utcOffset=0)
        self.calendar = False

    def set_calendar(self, calendar: bool) -> None:
        if calendar != self.calendar:
            self.calendar = calendar
            self.picture = None
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        if self.calendar:
            return super().tickValues(minVal, maxVal, size)
        return pg.AxisItem.tickValues(self, minVal, maxVal, size)

    def tickStrings(self, values: Sequence[float], scale: float,
                    spacing: float) -> list[str]:
        if self.calendar:
            return super().tickStrings(values, scale, spacing)
        return [f"{v:g}" for v in values]


class LogValueAxis(pg.AxisItem):
    """Plain numbers on a log axis (50, 100, 200 rather than 5·10¹), labelled at 1-2-5 only."""

    def logTickStrings(self, values: Sequence[float], scale: float,
                       spacing: float) -> list[str]:
        out = []
        for v in values:
            x = 10 ** float(v) * scale
            lead = round(x / 10 ** math.floor(math.log10(x) + 1e-9), 6) if x > 0 else 0
            out.append(f"{x:,.4g}".replace(",", "\u2009") if lead in (1, 2, 5) else "")
        return out


class MonthAxis(pg.AxisItem):
    """Months since tacrolimus start, ticked on whole months, for the top of the chart."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        span = (maxVal - minVal) / DAYS_PER_MONTH
        room = max(2.0, size / 55)
        step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if span / s <= room), 120)
        unit = step * DAYS_PER_MONTH
        first, last = math.ceil(minVal / unit), math.floor(maxVal / unit)
        return [(unit, [k * unit for k in range(first, last + 1)])]

    def tickStrings(self, values: Sequence[float], scale: float,
                    spacing: float) -> list[str]:
        return [self.tr("{n} mo").format(n=round(v / DAYS_PER_MONTH)) for v in values]


def hover_tip(x: float, y: float, data: Any) -> str:
    """A point's hover text: the tooltip stored as its data."""
    return str(data)


class PointTip:
    """A point's hover text, made when it is read (``str``): a redraw sets hundreds of points
    and a person hovers over a few. Made in the language of that moment."""

    __slots__ = ("day", "point")

    def __init__(self, point: LabResult, day: int | None) -> None:
        self.point = point
        self.day = day

    def __str__(self) -> str:
        return message(point_tooltip(self.point, self.day))

    def __repr__(self) -> str:
        return f"PointTip({self.point.record_id!r})"


def point_tips(points: Sequence[LabResult], days: Sequence[int | None]) -> np.ndarray:
    """The hover texts of ``points`` as a data array for a pyqtgraph item."""
    out = np.empty(len(points), dtype=object)
    out[:] = [PointTip(p, d) for p, d in zip(points, days, strict=True)]
    return out
