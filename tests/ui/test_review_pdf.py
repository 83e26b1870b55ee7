"""The PDF summary (issue 16 item 21): one renderer for the window's "Print summary" and
``jdmdesk report``; a vector chart (no embedded image), CK, LD and ASAT, signature status per
visit, text no smaller than 8 pt, one A4 page."""

import re
from dataclasses import replace
from datetime import timedelta

import pypdf
import pytest
from PySide6.QtWidgets import QFileDialog

from jdmdesk.cli import main
from jdmdesk.demo import DEMO_ACCOUNTS, demo_credentials
from jdmdesk.domain.access import Role
from jdmdesk.ui.review.report_pdf import write_patient_pdf
from tests.conftest import log_in_as
from tests.ui.conftest import close_window, demo_window, shown

DOCTOR_PASSWORD = next(a[3] for a in DEMO_ACCOUNTS if a[2] is Role.REVIEWER)


@pytest.fixture
def doctor(tmp_path, qtbot):
    w = shown(demo_window(tmp_path / "demo.jdm", Role.REVIEWER), qtbot)
    yield w
    close_window(w)


def _text(path) -> str:
    return " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())


def _print_from_window(w, qtbot, monkeypatch, target):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    w.workspace.tabs.setCurrentWidget(w.workspace.review)
    qtbot.waitUntil(lambda: w.workspace.review.review is not None)
    w.workspace.review.print_button.click()
    assert target.exists()
    return target


def smallest_font_pt(path) -> float:
    """Every Tf size scaled by the page's base transformation (Qt writes one, then only
    rotations for vertical text)."""
    data = pypdf.PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")
    scale = float(re.search(r"([\d.]+) 0 0 -?[\d.]+ [\d.]+ [\d.]+ cm", data).group(1))
    return min(float(s) for s in re.findall(r"(-?[\d.]+) Tf", data)) * scale


def test_window_and_cli_write_the_same_vector_page(doctor, qtbot, monkeypatch, tmp_path):
    w = doctor
    w.choose_patient(w.patients.model.ids[0])
    from_window = _print_from_window(w, qtbot, monkeypatch, tmp_path / "window.pdf")
    log_in_as(monkeypatch, demo_credentials(Role.REVIEWER))
    from_cli = tmp_path / "cli.pdf"
    assert main(["report", str(tmp_path / "demo.jdm"), "--patient", "SYN-001",
                 "--output", str(from_cli)]) == 0
    for path in (from_window, from_cli):
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == 1
        page = reader.pages[0]
        resources = page["/Resources"]
        xobjects = resources.get("/XObject") or {}
        assert not [n for n, o in xobjects.items() if o.get_object().get("/Subtype") == "/Image"]
        text = _text(path)
        for expected in ("SYN-001", "CK", "LD", "ASAT", "Signed", "not signed",
                         "days since tacrolimus start", "prednisolone", "U/L (log scale)",
                         "Visits and scores", "Treatment and safety", "CDASI", "Extra-"):
            assert expected in text, expected
        assert "\u2026" not in text  # nothing elided: every column fits its content
        assert smallest_font_pt(path) >= 8.0
    assert _text(from_window) == _text(from_cli)  # one renderer


def test_signature_status_and_enzymes_per_visit(doctor, qtbot, monkeypatch, tmp_path):
    w = doctor
    w.choose_patient(w.patients.model.ids[1])
    view = w.workspace.review
    w.workspace.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.review is not None)
    first = view.review.visits[0]
    assert w.services.signoff.sign(first.visit_id, DOCTOR_PASSWORD).ok
    text = _text(_print_from_window(w, qtbot, monkeypatch, tmp_path / "s.pdf"))
    signed_on = w.services.signoff.signature(first.visit_id).signed_at[:10]
    assert f"\u2713 {signed_on} Dr Demo Reviewer" in text
    assert "\u2026" not in text
    assert f"Signatures: 1 of {len(view.review.visits)} visits signed as reviewed by " \
        "Dr Demo Reviewer" in text
    ld = view.review.visits[0].enzymes["LD"]
    asat = view.review.visits[0].enzymes["ASAT"]
    assert ld is not None and asat is not None
    assert f"{ld:.0f}" in text and f"{asat:.0f}" in text


def test_many_visits_stay_on_one_page(doctor, qtbot, tmp_path):
    w = doctor
    pid = w.patients.model.ids[2]
    review = w.services.review.review(pid)
    visits = review.visits
    review.visits = [replace(v, visit_date=v.visit_date + timedelta(days=400 * k))
                     for k in range(5) for v in visits]
    path = write_patient_pdf(review, w.services.chart.load(pid), tmp_path / "many.pdf", "x")
    assert len(pypdf.PdfReader(path).pages) == 1
    text = _text(path)
    assert "earlier visits not shown" in text
    shown_dates = {v.visit_date.isoformat() for v in review.visits if
                   v.visit_date.isoformat() in text}
    assert review.visits[-1].visit_date.isoformat() in shown_dates  # the latest are kept
    assert review.visits[1].visit_date.isoformat() not in shown_dates  # (the 0th is baseline)
    assert smallest_font_pt(path) >= 8.0


def test_page_chart_without_tacrolimus_or_without_results(qapp, tmp_path):
    """Calendar dates when there is no tacrolimus; a plain sentence when there is nothing."""
    from datetime import date

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    from jdmdesk.domain.chart_series import ChartData, build_chart
    from jdmdesk.domain.labs import LabResult
    from jdmdesk.ui.chart.page import PageChart

    labs = [LabResult(f"l{i}", "CK", date(2025, m, 1), v, "U/L", v, 0.0, 145.0)
            for i, (m, v) in enumerate(((1, 900.0), (3, 400.0), (6, 120.0)))]
    texts = []
    for n, data in enumerate((build_chart("p", labs, [], []), ChartData(patient_id=None))):
        path = tmp_path / f"c{n}.pdf"
        writer = QPdfWriter(str(path))
        writer.setResolution(300)
        painter = QPainter(writer)
        PageChart(data, 300).draw(painter, QRectF(0, 0, writer.width(), writer.height() / 2))
        painter.end()
        del painter, writer
        texts.append(_text(path))
    assert "2025-03" in texts[0] and "date" in texts[0] and "CK (U/L)" in texts[0]
    assert "No enzyme results recorded." in texts[1]


def test_page_table_columns_shrink_their_padding_before_cutting_text():
    # the visit table once elided every cell when the padding, not the text, overflowed the page
    from jdmdesk.ui.review.report_pdf import column_widths

    content = [100.0, 50.0, 40.0]
    roomy = column_widths(content, pad=10.0, page=300.0)
    assert sum(roomy) == pytest.approx(300.0)
    assert all(w >= c + 10.0 for w, c in zip(roomy, content, strict=True))
    tight = column_widths(content, pad=10.0, page=200.0)  # 190 of text + 30 of padding
    assert sum(tight) == pytest.approx(200.0)
    assert all(w >= c for w, c in zip(tight, content, strict=True))
    over = column_widths(content, pad=10.0, page=95.0)  # only then is text scaled down
    assert sum(over) == pytest.approx(95.0) and over[0] < content[0]
