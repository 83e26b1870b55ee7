"""Login first: the login dialog is painted before the rest of JDM Desk is imported or built.

``jdmdesk STUDY`` comes here. This module imports only Qt's widgets and the login dialog, so
the dialog is on screen about as soon as a bare PySide6 dialog would be. While the person
types, a background thread imports the services, the window and pyqtgraph, asks the kernel to
read the study file ahead, and, for a plain (pre-encryption) study, runs its ``quick_check``.
Only Python imports and file reads happen off the GUI thread: every widget is built on it.

When Enter is pressed, the typed credentials go to ``app.build_main_window``, which unlocks
the study (Argon2id), opens it and builds the window; a refused password reopens the dialog
through its ``ask``. A study the dialog cannot be shown for ahead (a new file, a study without
accounts, a key file that is missing or damaged) takes the ordinary path: the window code asks
when it needs to.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jdmdesk.db.studyfile import IntegrityCheck
    from jdmdesk.domain.access import Credentials

SQLITE_MAGIC = b"SQLite format 3\x00"
# What the window needs, in the order it needs it: imported while the person types.
WARM_MODULES = (
    "jdmdesk.app",
    "jdmdesk.ui.main_window",
    "jdmdesk.ui.admin.recovery_dialog",
    "pyqtgraph",
    "jdmdesk.ui.chart.panel",
)


class Warmup:
    """Imports, read-ahead and (for a plain study) the integrity check, in one daemon thread."""

    def __init__(self, path: Path, *, check: bool) -> None:
        self.path = path
        self.check = check
        self.integrity: IntegrityCheck | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="warmup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            read_ahead(self.path)
            if self.check:
                from jdmdesk.db.studyfile import start_integrity_check

                self.integrity = start_integrity_check(self.path)
            for name in WARM_MODULES:
                importlib.import_module(name)
        except BaseException as err:
            self.error = err

    def wait(self) -> IntegrityCheck | None:
        """Join the thread; an import error is raised here, on the GUI thread."""
        self._thread.join()
        if self.error is not None and not isinstance(self.error, Exception):
            raise self.error
        return self.integrity


def read_ahead(path: Path) -> None:
    """Ask the kernel to start reading the study into its cache (no-op where unsupported)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


def study_kind(path: Path) -> str:
    """'encrypted' (has accounts' copies of its key: a login can be asked for at once),
    'plain' (a study made before encryption), or 'other' (new, empty, key file missing or
    damaged: the ordinary path decides what to ask)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return "other"
    if head == SQLITE_MAGIC:
        return "plain"
    if len(head) < len(SQLITE_MAGIC):
        return "other"
    from jdmdesk.crypto.keyfile import RECOVERY_SLOT, KeyFileError
    from jdmdesk.db import keyring

    try:
        keys = keyring.read_key_file(path)
    except (KeyFileError, OSError):
        return "other"
    if keys is None or not any(slot != RECOVERY_SLOT for slot in keys.slots):
        return "other"
    return "encrypted"


def early_login(path: Path) -> Credentials | None:
    """The login dialog, shown at once: the credentials typed, None when the person
    cancelled."""
    from jdmdesk.ui.admin.login_dialog import LoginDialog

    dialog = LoginDialog(path.name, first_user=False)
    return dialog.credentials() if dialog.exec() else None


def run_gui(path: Path, *, read_only: bool = False) -> int:
    """The window for ``path``, the login dialog first; returns the process's exit code."""
    from PySide6.QtWidgets import QApplication

    from jdmdesk import APP_NAME
    from jdmdesk.ui.qt_platform import platform_problem

    if QApplication.instance() is None and (problem := platform_problem()) is not None:
        print(f"jdmdesk: cannot open the window: {problem}", file=sys.stderr)
        return 2
    app: Any = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    kind = study_kind(path)
    warm = Warmup(path, check=kind == "plain")
    credentials: Credentials | None = None
    if kind == "encrypted":
        credentials = early_login(path)
        if credentials is None:
            print("jdmdesk: login cancelled: the study was not opened", file=sys.stderr)
            return 1
    integrity = warm.wait()
    from jdmdesk.app import open_window

    return open_window(app, path, credentials, read_only=read_only, integrity=integrity)
