import pytest

from jdmdesk.app import build_main_window
from jdmdesk.domain.access import Role
from tests.conftest import FAST, credentials, study_with_users
from tests.ui.helpers import install_prompts


def open_window(path, role: Role = Role.DATA_ENTRY, **kwargs):
    """The window on ``path`` (a study with one user per role), logged in as ``role``."""
    return build_main_window(path, credentials(role), hasher=FAST, **kwargs)


def demo_window(path, role: Role = Role.DATA_ENTRY, **kwargs):
    """A demo study (written when missing) opened as its demo account of ``role``."""
    from jdmdesk.demo import demo_credentials, write_demo

    if not path.exists():
        write_demo(path, hasher=FAST)
    return build_main_window(path, demo_credentials(role), hasher=FAST, **kwargs)


def shown(w, qtbot):
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def close_window(w) -> None:
    w.workspace.prompts.unsaved_answers = ["discard"] * 10
    w.close()
    w.deleteLater()


@pytest.fixture
def window(tmp_path, qtbot):
    """The data entry user's window on a new study."""
    w = shown(open_window(study_with_users(tmp_path / "ui.jdm")), qtbot)
    yield w
    close_window(w)


@pytest.fixture
def prompts(window):
    return install_prompts(window)
