"""What the window needs of an enzyme chart, as a Protocol: the panel and its deferred
place-holder both provide it, so the workspace and the review hold either without knowing which
(and without importing pyqtgraph)."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


class EnzymeChart(Protocol):
    @property
    def refreshed(self) -> SignalInstance:
        """Emitted after every redraw from the database."""
        ...

    def widget(self) -> QWidget:
        """The widget to lay out (the chart itself)."""
        ...

    def show_patient(self, patient_id: str | None) -> None:
        """Draw another patient (or nothing)."""
        ...

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """``RecordService.changed``: redraw when this patient's charted records moved."""
        ...

    def refresh(self) -> None:
        """Re-query the study and redraw now."""
        ...

    def series_data(self, code: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of an analyte's data item, in the chart's units."""
        ...

    def image(self) -> QImage:
        """The chart as drawn on screen (for the PDF summary)."""
        ...
