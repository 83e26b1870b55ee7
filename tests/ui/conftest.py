import pytest

from jdmdesk.app import build_main_window
from tests.ui.helpers import install_prompts


@pytest.fixture
def window(tmp_path, qtbot):
    w = build_main_window(tmp_path / "ui.jdm")
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.workspace.prompts.unsaved_answers = ["discard"] * 10
    w.close()
    w.deleteLater()


@pytest.fixture
def prompts(window):
    return install_prompts(window)
