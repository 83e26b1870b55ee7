"""What this copy of JDM Desk is and runs on: ``jdmdesk --version`` and Help ▸ About show it.

One function builds the text (:func:`version_text`), so the two never disagree. Qt and the
SQLite driver are asked at run time, not copied from the pins, so a bundle reports what it
really carries. Like ``report.py`` it is a composition root: it asks Qt and the db layer.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass

from jdmdesk import APP_NAME, __version__
from jdmdesk.domain.texts import Message


@dataclass(frozen=True)
class VersionInfo:
    app: str
    schema: int
    qt: str
    pyside: str
    sqlite: str
    sqlcipher: str | None
    python: str
    system: str
    bundled: bool


def collect() -> VersionInfo:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from jdmdesk.db.library_versions import sqlite_versions
    from jdmdesk.db.migrations import LATEST_VERSION
    from jdmdesk.frozen import is_frozen

    sqlite, sqlcipher = sqlite_versions()
    return VersionInfo(app=__version__, schema=LATEST_VERSION, qt=qVersion(),
                       pyside=pyside_version, sqlite=sqlite, sqlcipher=sqlcipher,
                       python=f"{platform.python_implementation()} {platform.python_version()}",
                       system=_system(), bundled=is_frozen())


def _system() -> str:
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0] or platform.release()} ({platform.machine()})"
    if sys.platform == "win32":
        return f"Windows {platform.release()} ({platform.machine()})"
    return f"{platform.system()} {platform.release()} ({platform.machine()})"


def version_text(info: VersionInfo | None = None,
                 render: Callable[[str], str] = str) -> str:
    """The lines of ``jdmdesk --version`` (English) and of the About box (``render`` is the
    UI's translation)."""
    info = info or collect()
    sqlite = f"SQLite {info.sqlite}"
    if info.sqlcipher:
        sqlite = f"SQLCipher {info.sqlcipher} (SQLite {info.sqlite})"
    first = (Message("{app} {version} (bundled application)", app=APP_NAME, version=info.app)
             if info.bundled else
             Message("{app} {version} (Python package)", app=APP_NAME, version=info.app))
    return "\n".join([
        render(first),
        render(Message("study file schema version {n}", n=info.schema)),
        f"Qt {info.qt} (PySide6 {info.pyside})",
        sqlite,
        f"Python {info.python.split()[-1]} ({info.python.split()[0]})",
        render(Message("on {system}", system=info.system)),
    ])
