"""Render the README screenshots from code, offscreen, with the demo study.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots/render.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jdmdesk.app import build_main_window
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from jdmdesk.ui import language
from jdmdesk.ui.admin.login_dialog import LoginDialog

HERE = Path(__file__).resolve().parent


def sign_first_visit(study: Path, app: QApplication) -> None:
    """The demo reviewer signs SYN-001's first visit; the grab shows the signed, locked form."""
    window = build_main_window(study, demo_credentials(Role.REVIEWER))
    window.show()
    window.resize(1500, 940)
    window.choose_patient(window.patients.model.ids[0])
    window.workspace.show_section("visit")
    section = window.workspace.sections["visit"]
    section.table.selectRow(0)
    section._activated(section.model.index(0, 0))
    visit_id = window.workspace.forms["visit"].record_id
    assert visit_id is not None
    result = window.services.signoff.sign(visit_id, demo_credentials(Role.REVIEWER).password)
    assert result.ok, result.message
    window.workspace.forms["visit"].load(visit_id)
    app.processEvents()
    window.grab().save(str(HERE / "signed_visit.png"))
    window.close()


def summary_pdf(study: Path, tmp: Path, lang: str = "en") -> None:
    """Page 1 of the PDF summary as the reviewer prints it (``jdmdesk report``), as a PNG."""
    reviewer = demo_credentials(Role.REVIEWER)
    pdf = tmp / f"summary-{lang}.pdf"
    env = {**os.environ, "JDMDESK_USER": reviewer.username, "JDMDESK_PASSWORD": reviewer.password,
           "JDMDESK_LANGUAGE": lang}
    subprocess.run([sys.executable, "-m", "jdmdesk", "report", str(study), "--patient",
                    "SYN-001", "--output", str(pdf)], check=True, env=env)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is not installed: summary_pdf.png not rendered")
        return
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1",
                    str(pdf), str(HERE / ("summary_pdf" if lang == "en"
                                          else f"summary_pdf_{lang}"))], check=True)


def dutch_lab_form(study: Path, app: QApplication) -> None:
    """The README's Dutch twin of lab_form.png (issue 21)."""
    language.install("nl")
    window = build_main_window(study, demo_credentials(Role.DATA_ENTRY))
    window.show()
    window.resize(1500, 940)
    window.choose_patient(window.patients.model.ids[0])
    ws = window.workspace
    ws.show_section("lab")
    section = ws.sections["lab"]
    if section.model.rowCount():
        row = min(1, section.model.rowCount() - 1)
        section.table.selectRow(row)
        section._activated(section.model.index(row, 0))
    app.processEvents()
    window.grab().save(str(HERE / "lab_form_nl.png"))
    window.close()
    language.install("en")


def case_series_pdf(study: Path, tmp: Path) -> None:
    """Page 1 of the case series report (``jdmdesk case-series``), as a PNG."""
    reviewer = demo_credentials(Role.REVIEWER)
    out = tmp / "case-series"
    env = {**os.environ, "JDMDESK_USER": reviewer.username, "JDMDESK_PASSWORD": reviewer.password}
    subprocess.run([sys.executable, "-m", "jdmdesk", "case-series", str(study), "--output",
                    str(out)], check=True, env=env)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is not installed: case_series_page1.png not rendered")
        return
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1",
                    str(out / "case_series.pdf"), str(HERE / "case_series_page1")], check=True)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    language.install("en")  # the README's screenshots are English, with Dutch twins
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        study = Path(tmp) / "demo.jdm"
        write_demo(study)
        login = LoginDialog(study.name, first_user=False)
        login.username.setText("nurse")
        login.password.setText("demo-entry-2026")
        login.show()
        login.adjustSize()
        for _ in range(3):
            app.processEvents()
        login.grab().save(str(HERE / "login.png"))
        login.close()
        sign_first_visit(study, app)
        window = build_main_window(study, demo_credentials(Role.DATA_ENTRY))
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
        assert ws.chart is not None
        ws.chart.widget().grab().save(str(HERE / "chart.png"))
        ws.show_section("visit")
        app.processEvents()
        window.grab().save(str(HERE / "main_window.png"))
        window.lock()
        app.processEvents()
        window.grab().save(str(HERE / "locked.png"))
        window.unlock()
        window.close()
        dutch_lab_form(study, app)
        summary_pdf(study, Path(tmp))
        case_series_pdf(study, Path(tmp))
        summary_pdf(study, Path(tmp), "nl")
    print(f"screenshots written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
