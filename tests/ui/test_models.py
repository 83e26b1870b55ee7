"""Every item model the window shows passes Qt's model checks (``qtmodeltester``), loaded with
the demo study's rows, and stays consistent through a refresh from the database."""

from __future__ import annotations

import pytest

from jdmdesk.domain.access import Role
from jdmdesk.ui.admin.settings_dialog import SettingsDialog
from jdmdesk.ui.admin.users_dialog import UsersDialog
from jdmdesk.ui.review.overview_dialog import OverviewDialog
from tests.ui.conftest import close_window, demo_window, shown
from tests.ui.helpers import install_prompts


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from jdmdesk.demo import write_demo
    from tests.conftest import FAST

    path = tmp_path_factory.mktemp("models") / "demo.jdm"
    write_demo(path, hasher=FAST)
    return path


def _open(path, qtbot, role=Role.DATA_ENTRY):
    window = shown(demo_window(path, role), qtbot)
    install_prompts(window)
    window.choose_patient(window.patients.model.ids[0])
    return window


def test_record_tables_and_patient_list(demo_path, qtbot, qtmodeltester):
    window = _open(demo_path, qtbot)
    try:
        ws = window.workspace
        assert window.patients.model.rowCount() == 3
        qtmodeltester.check(window.patients.model)
        # the demo has no adverse events: one through the service, as the form would save it
        with qtbot.waitSignal(window.writer.changed):
            assert window.writer.save("adverse_event", {
                "onset_date": "2024-06-01", "term": "tremor", "category": "neurological",
                "grade": "1", "serious": "0", "relatedness": "probable",
                "outcome": "resolved"}, patient_id=ws.patient_id).ok
        lab = ws.sections["lab"]
        first_lab = lab.model.ids[0]
        with qtbot.waitSignal(window.writer.changed):
            assert window.writer.set_deleted("lab", first_lab, "entered twice").ok
        lab.show_deleted.setChecked(True)  # grey rows with a tooltip: the other roles
        assert True in lab.model.deleted
        for kind, section in ws.sections.items():
            assert section.model.rowCount() > 0, kind
            qtmodeltester.check(section.model)
        # the testers stay attached: a reset from the database must keep each model sound
        window.choose_patient(window.patients.model.ids[1])
        window.patients.search.setText("SYN-002")
        assert window.patients.model.codes == ["SYN-002"]
        assert ws.sections["visit"].model.rowCount() > 0
    finally:
        close_window(window)


def test_history_review_and_overview_tables(demo_path, qtbot, qtmodeltester):
    window = _open(demo_path, qtbot)
    try:
        ws = window.workspace
        visit_id = ws.sections["visit"].model.ids[-1]
        with qtbot.waitSignal(window.writer.changed):  # an edit, so History has lines
            assert window.writer.save("visit", {**ws.reader.values_as_text(
                ws.reader.record("visit", visit_id)), "phga": "7.5"}, patient_id=ws.patient_id,
                record_id=visit_id, reason="late correction").ok
        ws._record_selected("visit", visit_id)
        assert ws.history.table.rowCount() > 0
        qtmodeltester.check(ws.history.table.model())
        ws.tabs.setCurrentWidget(ws.review)
        qtbot.waitUntil(lambda: ws.review.visits.rowCount() > 0)
        qtmodeltester.check(ws.review.visits.model())
        overview = OverviewDialog(window.services.review, window)
        assert overview.table.rowCount() == 3
        qtmodeltester.check(overview.table.model())
        overview.close()
    finally:
        close_window(window)


def test_administration_tables(demo_path, qtbot, qtmodeltester):
    window = _open(demo_path, qtbot, Role.DATA_MANAGER)
    try:
        users = UsersDialog(window.services.accounts, window.services.session,
                            window.prompts, window)
        assert users.table.rowCount() >= 3
        qtmodeltester.check(users.table.model())
        users.close()
        settings = SettingsDialog(window.services.settings, window.prompts, window)
        assert settings.ranges.rowCount() > 0
        qtmodeltester.check(settings.ranges.model())
        settings.close()
    finally:
        close_window(window)
