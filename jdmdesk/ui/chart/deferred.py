"""A place-holder that builds the enzyme chart panel when it is first shown or used.

Building the panel imports pyqtgraph (about 0.2 s); deferring it keeps that off the path to the
window's first paint. Until then the place-holder remembers the patient to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class DeferredChart(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enzyme_chart_place")
        self._factory = factory
        self._panel: QWidget | None = None
        self._patient: str | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel(self) -> Any:
        """The real panel, built on first use."""
        if self._panel is None:
            panel = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(panel)
            self._panel = panel
            panel.show_patient(self._patient)  # type: ignore[attr-defined]
        return self._panel

    def show_patient(self, patient_id: str | None) -> None:
        self._patient = patient_id
        if self._panel is not None:
            self._panel.show_patient(patient_id)  # type: ignore[attr-defined]

    def on_records_changed(self, kind: str, patient_id: str, ids: list) -> None:
        """Forwarded to the panel once built (before that there is nothing to redraw)."""
        if self._panel is not None:
            self._panel.on_records_changed(kind, patient_id, ids)  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        self.panel()
        super().showEvent(event)

    def __getattr__(self, name: str) -> Any:
        """Everything else is the panel's (series_data, refreshed, export, …)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.panel(), name)
