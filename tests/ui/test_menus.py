from PySide6.QtGui import QAction

from jdmdesk.ui.export_dialog import ExportDialog


def test_export_dialog_opens_from_the_file_menu(window, prompts, qtbot):
    action = window.findChild(QAction, "export_action")
    assert action is not None and action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

