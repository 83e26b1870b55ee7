from PySide6.QtGui import QAction

from jdmdesk.domain.access import Role
from jdmdesk.ui.export_dialog import ExportDialog
from tests.conftest import study_with_users
from tests.ui.conftest import close_window, open_window, shown


def test_export_dialog_opens_from_the_file_menu(tmp_path, qtbot):
    window = shown(open_window(study_with_users(tmp_path / "m.jdm"), Role.DATA_MANAGER), qtbot)
    try:
        action = window.findChild(QAction, "export_action")
        assert action is not None and action.shortcut().toString() == "Ctrl+E"
        action.trigger()
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.session.username == "manager"
        dialog.reject()
    finally:
        close_window(window)
