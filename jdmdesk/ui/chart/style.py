"""The chart's colours, marker shapes, axis widths and fonts, shared by its plots and axes."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

from jdmdesk.domain.texts import QT_TRANSLATE_NOOP

# Okabe-Ito colours (distinct for colour-blind readers) and one marker per analyte.
STYLE: dict[str, tuple[str, str]] = {
    "CK": ("#D55E00", "o"),
    "LD": ("#0072B2", "s"),
    "ASAT": ("#009E73", "t"),
    "ALAT": ("#CC79A7", "d"),
    "ALDOLASE": ("#E69F00", "h"),
}
TAC_COLOUR = "#6A3D9A"
PRED_COLOUR = "#7F7F7F"
TEXT_COLOUR = "#222222"
AXIS_COLOUR = "#555555"
LEFT_AXIS_WIDTH = 64
RIGHT_AXIS_WIDTH = 58
DAY0_LABEL = QT_TRANSLATE_NOOP("Chart", "tacrolimus start")  # translated where drawn


def font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def style_axis(axis: pg.AxisItem, label: str = "", colour: str = AXIS_COLOUR) -> None:
    axis.setPen(pg.mkPen(colour))
    axis.setTextPen(pg.mkPen(TEXT_COLOUR if colour == AXIS_COLOUR else colour))
    axis.setTickFont(font(9))
    if label:
        axis.setLabel(label, color=TEXT_COLOUR if colour == AXIS_COLOUR else colour,
                      **{"font-size": "9.5pt"})

