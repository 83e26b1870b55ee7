"""Physician review: scores in the view, the one-page PDF, the overview, the report command."""

import pypdf
import pytest

from jdmdesk.cli import main
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from jdmdesk.ui.review.overview_dialog import OverviewDialog
from jdmdesk.ui.review.report_pdf import write_patient_pdf
from tests.conftest import FAST, log_in_as
from tests.ui.conftest import demo_window as open_demo


@pytest.fixture
def demo_window(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    window = open_demo(path)
    window.show()
    yield window
    window.close()
    window.deleteLater()


def test_review_view_shows_baseline_scores_and_treatment(demo_window):
    w = demo_window
    w.choose_patient(w.patients.model.ids[0])
    view = w.workspace.review
    assert view.review is None  # hidden: nothing computed until the tab is shown
    w.workspace.tabs.setCurrentWidget(view)
    rv = view.review
    assert rv.study_code == "SYN-001" and rv.baseline_date.isoformat() == "2025-01-06"
    assert view.cell(0, "TIS") == "baseline"
    last = len(rv.visits) - 1
    tis = rv.visits[last].tis
    assert tis is not None and tis.score is not None
    assert view.cell(last, "TIS") == f"{tis.score:g} {tis.category}"
    # change from baseline is shown beside the value
    assert "(−" in view.cell(last, "PhGA")
    assert "cumulative since tacrolimus start" in view.treatment.text()
    assert "Tacrolimus" in view.treatment.text()
    assert view.chart is not None and view.chart is not w.workspace.chart


def test_review_follows_new_data(demo_window, qtbot):
    w = demo_window
    w.choose_patient(w.patients.model.ids[0])
    w.workspace.tabs.setCurrentWidget(w.workspace.review)
    n = len(w.workspace.review.review.visits)
    with qtbot.waitSignal(w.writer.changed):
        w.writer.save("visit", {"visit_date": "2025-11-01", "phga": "0.1"},
                      patient_id=w.workspace.patient_id)
    rv = w.workspace.review.review
    assert len(rv.visits) == n + 1
    assert rv.visits[-1].tis.score is None  # most measures missing: not computable
    assert w.workspace.review.cell(n, "TIS") == "not computable"


def test_pdf_is_one_a4_page_with_the_study_code(demo_window, tmp_path):
    w = demo_window
    w.choose_patient(w.patients.model.ids[1])
    view = w.workspace.review
    w.workspace.tabs.setCurrentWidget(view)
    out = write_patient_pdf(view.review, w.services.chart.load(w.workspace.patient_id),
                            tmp_path / "s.pdf", "x")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == \
        (210, 297)
    text = " ".join(reader.pages[0].extract_text().split())  # tabs between words
    assert "SYN-002" in text and "Visits and scores" in text and "Adverse events" in text


def test_overview_lists_every_patient(demo_window):
    dialog = OverviewDialog(demo_window.services.review, demo_window)
    codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert codes == ["SYN-001", "SYN-002", "SYN-003"]
    assert all(dialog.table.item(r, 1).text() in {"none", "minimal", "moderate", "major"}
               for r in range(3))
    dialog.close()


def test_report_command(tmp_path, capsys, monkeypatch):
    study = tmp_path / "demo.jdm"
    write_demo(study, hasher=FAST)
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    out = tmp_path / "p.pdf"
    assert main(["report", str(study), "--patient", "SYN-003", "--output", str(out)]) == 0
    assert len(pypdf.PdfReader(out).pages) == 1
    assert main(["report", str(study), "--patient", "SYN-003", "--output", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["report", str(study), "--patient", "NOPE", "--output",
                 str(tmp_path / "q.pdf")]) == 1
    assert "no patient" in capsys.readouterr().err
    assert not (tmp_path / "q.pdf").exists()
