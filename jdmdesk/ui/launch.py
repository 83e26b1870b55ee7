"""Login first: the login dialog is painted before the rest of JDM Desk is imported or built.

``jdmdesk STUDY`` comes here. This module imports only Qt's widgets, the login dialog and
jdmdesk.prelogin, so the dialog is on screen about as soon as a bare PySide6 dialog would be.
While the person types, a background thread (``prelogin.Warmup``) imports the services, the
window and pyqtgraph, asks the kernel to read the study file ahead, and, for a plain
(pre-encryption) study, runs its ``quick_check``. Every widget is built on the GUI thread.

Once the imports are done, the main window's widgets are built too, unbound to any study or
session (``ui.window_ahead``). When Enter is pressed, the typed credentials go to
``app.build_main_window``, which unlocks the study (Argon2id), opens it and binds that window
to the session; a refused password reopens the dialog
through its ``ask``. A study the dialog cannot be shown for ahead (a new file, a study without
accounts' key copies, a key file that is missing or damaged, a plain study) takes the ordinary
path: the window code asks when it needs to.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from jdmdesk import APP_NAME
from jdmdesk.prelogin import Warmup, study_kind
from jdmdesk.ui.after_paint import after_first_paint
from jdmdesk.ui.qt_platform import platform_problem
from jdmdesk.ui.window_ahead import WindowAhead

if TYPE_CHECKING:
    from jdmdesk.domain.access import Credentials


def early_login(path: Path, painted: Callable[[], object] = lambda: None
                ) -> Credentials | None:
    """The login dialog, shown at once (``painted`` is called after its first paint): the
    credentials typed, None when the person cancelled."""
    from jdmdesk.ui.admin.login_dialog import LoginDialog

    dialog = LoginDialog(path.name, first_user=False)
    after_first_paint(dialog, painted)
    return dialog.credentials() if dialog.exec() else None


def run_gui(path: Path, *, read_only: bool = False) -> int:
    """The window for ``path``, the login dialog first; returns the process's exit code."""
    if QApplication.instance() is None and (problem := platform_problem()) is not None:
        print(f"jdmdesk: cannot open the window: {problem}", file=sys.stderr)
        return 2
    app: Any = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    from jdmdesk.ui.about import app_icon

    QApplication.setWindowIcon(app_icon())
    from jdmdesk.ui import language

    language.install()  # the OS language, the user's choice or JDMDESK_LANGUAGE
    kind = study_kind(path)
    # the imports wait for the dialog's first paint (they would slow it)
    warm = Warmup(path, check=kind == "plain", hold=kind == "encrypted")
    credentials: Credentials | None = None
    ahead: WindowAhead | None = None
    if kind == "encrypted":
        # built while the person types, once the imports have succeeded
        ahead = WindowAhead(path, lambda: warm.done and warm.error is None)
        credentials = early_login(path, painted=warm.go)
        if credentials is None:
            print("jdmdesk: login cancelled: the study was not opened", file=sys.stderr)
            return 1
    integrity = warm.wait()
    # What the imports (and the window built ahead) made lives as long as the process: later
    # collections need not scan it (fewer and shorter pauses while the window is bound)
    gc.freeze()
    from jdmdesk.app import open_window

    return open_window(app, path, credentials, read_only=read_only, integrity=integrity,
                       ahead=ahead.take() if ahead is not None else None)
