"""A place-holder that builds the enzyme chart panel when it is first shown or used.

Building the panel imports pyqtgraph (about 0.2 s); deferring it keeps that off the path to the
window's first paint. Until then the place-holder remembers the patient to show. It offers the
same ``EnzymeChart`` protocol as the panel, forwarding each call to the panel (built on the
first call that needs it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from jdmdesk.ui.chart.panel import EnzymeChartPanel


class DeferredChart(QWidget):
    refreshed = Signal()  # the panel's, passed on

    def __init__(self, factory: Callable[[], EnzymeChartPanel],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enzyme_chart_place")
        self._factory = factory
        self._panel: EnzymeChartPanel | None = None
        self._patient: str | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel(self) -> EnzymeChartPanel:
        """The real panel, built on first use."""
        if self._panel is None:
            panel = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(panel)
            self._panel = panel
            panel.refreshed.connect(self.refreshed)
            panel.show_patient(self._patient)
        return self._panel

    def widget(self) -> QWidget:
        return self

    def show_patient(self, patient_id: str | None) -> None:
        self._patient = patient_id
        if self._panel is not None:
            self._panel.show_patient(patient_id)

    def on_records_changed(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """Forwarded to the panel once built (before that there is nothing to redraw)."""
        if self._panel is not None:
            self._panel.on_records_changed(kind, patient_id, ids)

    def refresh(self) -> None:
        self.panel().refresh()

    def series_data(self, code: str) -> tuple[np.ndarray, np.ndarray]:
        return self.panel().series_data(code)

    def image(self) -> QImage:
        return self.panel().image()

    def showEvent(self, event: QShowEvent) -> None:
        self.panel()
        super().showEvent(event)
