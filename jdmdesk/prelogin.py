"""Before the login: what can be done for a study without its key, while the person types.

``study_kind`` tells from the file's first bytes and its key file whether the login dialog can be
shown at once; ``Warmup`` imports the rest of JDM Desk in a background thread, asks the kernel to
read the study ahead and, for a plain (pre-encryption) study, starts its ``quick_check``. Only
Python imports and file reads happen here: no Qt widget (jdmdesk.ui.launch shows the dialog).
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jdmdesk.db.studyfile import IntegrityCheck

SQLITE_MAGIC = b"SQLite format 3\x00"
# What the window needs, in the order it needs it: imported while the person types.
WARM_MODULES = (
    "jdmdesk.app",
    "jdmdesk.ui.main_window",
    "jdmdesk.ui.admin.recovery_dialog",
    "pyqtgraph",
    "jdmdesk.ui.chart.panel",
)
# the longest the imports wait for the login dialog's first paint
HOLD_AT_MOST_S = 2.0


class Warmup:
    """Imports, read-ahead and (for a plain study) the integrity check, in one daemon thread."""

    def __init__(self, path: Path, *, check: bool, hold: bool = False) -> None:
        """With ``hold`` the imports wait for ``go()`` (or ``HOLD_AT_MOST_S``): the launcher
        calls it once the login dialog has painted, so that the imports, which hold the
        interpreter's lock most of the time, do not slow the dialog's first paint."""
        self.path = path
        self.check = check
        self.integrity: IntegrityCheck | None = None
        self.error: BaseException | None = None
        self._go = threading.Event()
        if not hold:
            self._go.set()
        self._thread = threading.Thread(target=self._run, name="warmup", daemon=True)
        self._thread.start()

    def go(self) -> None:
        """Start the imports (the login dialog is on screen)."""
        self._go.set()

    def _run(self) -> None:
        try:
            read_ahead(self.path)
            if self.check:
                from jdmdesk.db.studyfile import start_integrity_check

                self.integrity = start_integrity_check(self.path)
            self._go.wait(HOLD_AT_MOST_S)
            for name in WARM_MODULES:
                importlib.import_module(name)
        except BaseException as err:
            self.error = err

    @property
    def done(self) -> bool:
        """The imports (and the read-ahead) have finished, without waiting."""
        return not self._thread.is_alive()

    def wait(self) -> IntegrityCheck | None:
        """Join the thread; an import error is raised here, on the GUI thread."""
        self._go.set()
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


