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


def test_ctrl_e_from_the_search_box_opens_the_export_dialog(tmp_path, qtbot):
    """Application shortcuts work from any field: the search box has focus after login and
    a line edit would otherwise swallow Ctrl+E (end of line)."""
    from PySide6.QtCore import QEvent, QObject, Qt

    class X11LineEditKeys(QObject):
        """What a line edit does under X11 (not offscreen): claims Ctrl+E as 'end of line'."""

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.ShortcutOverride \
                    and event.key() == Qt.Key.Key_E \
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
                event.accept()
                return True
            return False

    window = shown(open_window(study_with_users(tmp_path / "m.jdm"), Role.DATA_MANAGER), qtbot)
    x11 = X11LineEditKeys()
    window.patients.search.installEventFilter(x11)
    try:
        window.patients.search.setFocus()
        qtbot.waitUntil(window.patients.search.hasFocus)
        qtbot.keyClicks(window.patients.search, "JDM")
        qtbot.keyClick(window.patients.search, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier)
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        assert window.patients.search.text() == "JDM"
        dialog.reject()
        form = window.workspace.forms["patient"]
        window.new_patient()
        qtbot.keyClicks(form.inputs["study_code"].focus_widget, "P")
        qtbot.keyClick(form.inputs["study_code"].focus_widget, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier)
        assert len([d for d in window.findChildren(ExportDialog) if d.isVisible()]) == 1
    finally:
        close_window(window)


def test_export_formats_have_their_own_names_and_a_fresh_status(tmp_path, qtbot):
    from PySide6.QtCore import Qt

    window = shown(open_window(study_with_users(tmp_path / "m.jdm"), Role.DATA_MANAGER), qtbot)
    try:
        dialog = ExportDialog(window.services.path, window.services.session, window)
        dialog.show()
        qtbot.waitUntil(dialog.isActiveWindow)
        names = {}
        dialog.format.setFocus()
        qtbot.waitUntil(dialog.format.hasFocus)
        for i in range(dialog.format.count()):
            qtbot.keyClick(dialog.format, Qt.Key.Key_Home)
            for _ in range(i):
                qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
            names[dialog.chosen_format()] = dialog.output.text()
        assert len(set(names.values())) == len(names) == dialog.format.count() == 6
        assert names["bundle"] != names["redcap"] and names["redcap"].endswith(".zip")
        dialog._on_finished("wrote m-redcap.zip: 3 files")  # as after a run
        assert dialog.status.text().startswith("wrote")
        assert dialog.status.height() >= 3 * dialog.status.fontMetrics().lineSpacing()
        qtbot.keyClick(dialog.format, Qt.Key.Key_Home)  # another format: no stale result
        assert not dialog.status.text().startswith("wrote")
        assert dialog.progress.value() == 0
        dialog.output.setText(str(tmp_path / "mine.zip"))  # a name of one's own is kept
        qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
        assert dialog.output.text() == str(tmp_path / "mine.xlsx")
        dialog.reject()
    finally:
        close_window(window)
