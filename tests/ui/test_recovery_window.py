"""The window and the recovery key: shown once for a new study, asked for when the key file
beside a study is gone (then the key file is written again)."""

from __future__ import annotations

import pytest

from jdmdesk.app import build_main_window
from jdmdesk.crypto.recovery import parse_recovery_key
from jdmdesk.db import keyring
from jdmdesk.domain.access import Credentials, Role
from tests.conftest import FAST, credentials, study_with_users
from tests.ui.conftest import close_window


def test_new_study_shows_its_recovery_key_once(tmp_path, qtbot):
    shown: list[str] = []
    w = build_main_window(tmp_path / "new.jdm", hasher=FAST, show_recovery_key=shown.append,
                          ask=lambda first, error: Credentials("boss", "long enough pw",
                                                               "Dr Boss"))
    try:
        assert len(shown) == 1 and len(parse_recovery_key(shown[0])) == 32
        assert keyring.key_file_path(tmp_path / "new.jdm").exists()
    finally:
        close_window(w)


def test_lost_key_file_asks_for_the_recovery_key_then_rebuilds_it(tmp_path, qtbot,
                                                                  monkeypatch):
    from jdmdesk.db import studyfile

    made: list[str] = []
    original = studyfile.create_study

    def create(path, **kwargs):
        study = original(path, **kwargs)
        made.append(study.recovery_key or "")
        return study

    import tests.conftest as conftest

    monkeypatch.setattr(conftest, "create_study", create)
    path = study_with_users(tmp_path / "s.jdm")
    keys = keyring.key_file_path(path)
    original_keys = keys.read_bytes()
    keys.unlink()
    monkeypatch.setattr(keyring, "_by_path", {})
    monkeypatch.setattr(keyring, "_by_study", {})
    asked: list[str | None] = []
    answers = ["0000-0000", made[0]]

    def ask_recovery(reason: str, error: str | None) -> str | None:
        assert "key file" in reason
        asked.append(error)
        return answers.pop(0)

    w = build_main_window(path, credentials(Role.DATA_ENTRY), hasher=FAST,
                          ask_recovery=ask_recovery)
    try:
        assert asked[0] is None and asked[1] is not None and "characters" in asked[1]
        assert w.services.session.username == "nurse"
        from jdmdesk.crypto.keyfile import KeyFile

        rebuilt, before = KeyFile.from_bytes(keys.read_bytes()), KeyFile.from_bytes(original_keys)
        # rebuilt from the copy inside the study (its chain head moves on with the study)
        assert (rebuilt.study_id, rebuilt.slots) == (before.study_id, before.slots)
    finally:
        close_window(w)


def test_recovery_key_dialog_needs_the_confirmation(qtbot):
    from jdmdesk.ui.admin.recovery_dialog import RecoveryKeyShownDialog

    dialog = RecoveryKeyShownDialog("s.jdm", "ABCD-EFGH")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.stored.setChecked(True)
    assert dialog.ok.isEnabled()


@pytest.mark.parametrize("wrong", ["not it"])
def test_wrong_password_on_an_encrypted_study_opens_nothing(tmp_path, qtbot, wrong):
    from jdmdesk.services.accounts import AccountError

    path = study_with_users(tmp_path / "w.jdm")
    before = path.read_bytes()
    with pytest.raises(AccountError, match="wrong password"):
        build_main_window(path, Credentials("nurse", wrong), hasher=FAST)
    assert path.read_bytes() == before
    assert not (tmp_path / "w.jdm.lock").exists()
