"""Issue 14: a signature that no longer matches its visit (the weight changed outside JDM Desk
after signing) shows "signature invalid" in red in the visit form, the visits table, the review
and the PDF summary, and its visit stays locked."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt

from jdmdesk.demo import DEMO_ACCOUNTS
from jdmdesk.domain.access import Role
from tests.conftest import raw_connect
from tests.ui.conftest import close_window, demo_window, shown

DOCTOR_PASSWORD = next(a[3] for a in DEMO_ACCOUNTS if a[2] is Role.REVIEWER)


def test_signature_invalid_in_red_everywhere_it_is_shown(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    w = shown(demo_window(path, Role.REVIEWER), qtbot)
    try:
        pid = w.patients.model.ids[0]
        w.choose_patient(pid)
        view = w.workspace.review
        w.workspace.tabs.setCurrentWidget(view)
        qtbot.waitUntil(lambda: view.review is not None)
        visit_id = view.review.visits[1].visit_id
        assert w.services.signoff.sign(visit_id, DOCTOR_PASSWORD).ok
        assert w.services.signoff.signature(visit_id).state.value == "valid"
        conn = raw_connect(path)  # the outsider: unlock, change the weight, re-lock
        try:
            conn.execute("UPDATE visit SET locked = 0 WHERE id = ?", (visit_id,))
            conn.execute("UPDATE visit SET weight_kg = 77.7 WHERE id = ?", (visit_id,))
            conn.execute("UPDATE visit SET locked = 1 WHERE id = ?", (visit_id,))
        finally:
            conn.close()
        w.services.records.announce("visit", pid, [visit_id])  # what a save would announce
        qtbot.waitUntil(lambda: view.cell(1, "Signed").startswith("signature invalid"))
        row = view.visits.item(1, view.visits.columnCount() - 1)
        assert row.foreground().color().name() == "#c00000"
        w.workspace.tabs.setCurrentWidget(w.workspace.sections["visit"])
        form = w.workspace.forms["visit"]
        form.load(visit_id)
        assert form.signature_label.text().startswith("Signature invalid")
        assert "#c00000" in form.signature_label.styleSheet()
        assert not form.save_button.isEnabled()  # still locked
        table = w.workspace.sections["visit"].model
        r = table.ids.index(visit_id)
        col = [c for c, _ in table.columns].index("signed")
        index = table.index(r, col)
        assert table.data(index) == "signature invalid"
        assert table.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#c00000"
        qtbot.wait(50)  # let the layout follow the label
        w.grab().save(str(tmp_path / "visit_form.png"))
        from jdmdesk.ui.review.report_pdf import write_patient_pdf

        pdf = tmp_path / "summary.pdf"
        write_patient_pdf(view.review, None, pdf, "Demo study")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "signature invalid" in text and "INVALID" in text
    finally:
        close_window(w)
