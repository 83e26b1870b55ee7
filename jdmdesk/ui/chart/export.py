"""The chart as an image file: PNG through pyqtgraph's exporter, SVG through Qt's own
QSvgGenerator (pyqtgraph 0.14.0's SVGExporter fails on the closed paths Qt 6 writes ("Z");
pyqtgraph issue #3495)."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgGenerator


def write_image(plot: pg.PlotWidget, path: str | Path, title: str = "") -> Path:
    """Write everything ``plot`` shows as PNG or SVG, chosen by the file's suffix (PNG when it
    is neither); PNG at twice the on-screen size. Returns the path written."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        write_svg(plot, path, title)
        return path
    if path.suffix.lower() != ".png":
        path = path.with_suffix(".png")
    exporter = pg_exporters.ImageExporter(plot.scene())
    exporter.parameters()["background"] = QColor("white")
    exporter.parameters()["width"] = int(exporter.getSourceRect().width() * 2)
    exporter.export(str(path))
    return path


def write_svg(plot: pg.PlotWidget, path: Path, title: str = "") -> None:
    size = plot.viewport().size()
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(size)
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title)
    gen.setDescription(plot.accessibleDescription())
    painter = QPainter(gen)
    try:
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        plot.render(painter, QRectF(0, 0, size.width(), size.height()),
                    plot.viewport().rect())
    finally:
        painter.end()
