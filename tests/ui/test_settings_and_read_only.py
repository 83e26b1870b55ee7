
import pytest

from jdmdesk.domain.access import Role
from jdmdesk.ui.admin.settings_dialog import SettingsDialog
from tests.conftest import raw_connect
from tests.ui.conftest import demo_window, open_window, shown
from tests.ui.helpers import install_prompts


@pytest.fixture
def manager_window(tmp_path, qtbot):
    from tests.conftest import study_with_users

    w = shown(open_window(study_with_users(tmp_path / "m.jdm"), Role.DATA_MANAGER), qtbot)
    yield w
    w.close()
    w.deleteLater()


def test_settings_dialog_saves_with_reason(manager_window, qtbot):
    window = manager_window
    prompts = install_prompts(window)
    dialog = SettingsDialog(window.services.settings, prompts, window)
    dialog.tacrolimus_target_high.setText("12,5")
    dialog.ranges.item(0, 2).setText("150")  # CK upper limit
    prompts.reasons = ["protocol amendment"]
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    s = window.reader.settings()
    assert s.tacrolimus_target_high == 12.5 and s.reference_range("CK") == (0, 150)
    db = raw_connect(window.study_path)
    reasons = {r[0] for r in db.execute("SELECT reason FROM audit_log WHERE action='settings'")}
    db.close()
    assert reasons == {"protocol amendment"}


def test_settings_dialog_shows_bad_input(manager_window):
    window = manager_window
    prompts = install_prompts(window)
    dialog = SettingsDialog(window.services.settings, prompts, window)
    dialog.tacrolimus_target_low.setText("abc")
    dialog.save()
    assert "not a number" in dialog.message.text()
    assert prompts.asked == []


def test_read_only_window_allows_no_edit(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    demo_window(path).close()  # written, then opened once as the nurse (the login is audited)
    before = path.read_bytes()
    window = demo_window(path, Role.DATA_MANAGER, read_only=True)
    window.show()
    try:
        prompts = install_prompts(window)
        assert "read-only" in window.windowTitle()
        assert window.banner.isVisible() and "Read-only" in window.banner.text()
        window.choose_patient(window.patients.model.ids[0])
        form = window.workspace.forms["visit"]
        assert not form.save_button.isEnabled()
        assert form.inputs["phga"].widget.isReadOnly()
        form.inputs["visit_date"].set_text("2025-01-01")
        assert not form.save()
        result = window.writer.save("visit", {"visit_date": "2025-01-01"},
                                    patient_id=window.workspace.patient_id)
        assert result.status == "forbidden"
        # even a data manager is offered no settings on a read-only study
        assert window.findChild(type(window.menuBar().actions()[0]), "settings_action") is None
        assert prompts.errors == []
    finally:
        window.close()
        window.deleteLater()
    assert path.read_bytes() == before
