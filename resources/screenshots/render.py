"""Render the README screenshots from code, offscreen, with the demo study.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots/render.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jdmdesk.app import build_main_window  # noqa: E402
from jdmdesk.demo import write_demo  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        study = Path(tmp) / "demo.jdm"
        write_demo(study)
        window = build_main_window(study)
        window.show()
        window.resize(1500, 940)
        app.processEvents()
        ws = window.workspace
        window.choose_patient(window.patients.model.ids[0])
        shots = {"patient": "patient_form.png", "visit": "visit_form.png",
                 "medication": "medication_form.png", "lab": "lab_form.png",
                 "adverse_event": "adverse_event_form.png"}
        for kind, name in shots.items():
            ws.show_section(kind)
            section = ws.sections.get(kind)
            if section is not None and section.model.rowCount():
                row = min(1, section.model.rowCount() - 1)
                section.table.selectRow(row)
                section._activated(section.model.index(row, 0))
            app.processEvents()
            window.grab().save(str(HERE / name))
        ws.tabs.setCurrentWidget(ws.review)
        app.processEvents()
        window.grab().save(str(HERE / "review.png"))
        ws.show_section("lab")
        app.processEvents()
        ws.chart.grab().save(str(HERE / "chart.png"))
        ws.show_section("visit")
        app.processEvents()
        window.grab().save(str(HERE / "main_window.png"))
        window.close()
    print(f"screenshots written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
