"""What differs when JDM Desk runs as the bundled application rather than from Python.

PyInstaller's executable sets ``sys.frozen`` and unpacks nothing (one folder): the package's data
files sit under ``sys._MEIPASS``. A windowed executable (a macOS ``.app`` started from the Finder,
or a Windows build made with ``console=False``) has no console: ``sys.stdout``/``sys.stderr`` are
None there, and a ``print`` would raise. :func:`prepare_streams` sends them to a log file in the
data folder instead, so a message is kept rather than lost or turned into a crash.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TextIO

LOG_NAME = "jdmdesk.log"
_LOCALE_VARIABLES = ("LC_ALL", "LC_CTYPE", "LANG")


def is_frozen() -> bool:
    """Is this the bundled executable (PyInstaller), not ``python -m jdmdesk``?"""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path | None:
    """The folder of the bundle's collected files (``_internal``), or None outside a bundle."""
    if not is_frozen():
        return None
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    """The project's ``resources`` folder: beside the package in a checkout, inside the bundle."""
    bundled = bundle_dir()
    if bundled is not None:
        return bundled / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def has_console() -> bool:
    """Can messages on stdout/stderr be seen (a console executable, or a terminal)?"""
    return sys.stdout is not None and sys.stderr is not None


def prepare_locale(env: MutableMapping[str, str] | None = None) -> bool:
    """A bundle started with no locale at all (``env -i``, some service managers): choose
    C.UTF-8 for character handling, as Python itself does (PEP 538) and as Qt would after a
    warning. Returns whether it chose. A locale the user set is never changed."""
    env = os.environ if env is None else env
    if not is_frozen() or os.name == "nt" or any(env.get(k) for k in _LOCALE_VARIABLES):
        return False
    env["LC_CTYPE"] = "C.UTF-8"
    return True


def log_path() -> Path:
    from jdmdesk.paths import data_dir

    return data_dir() / LOG_NAME


def prepare_streams(log: Path | None = None) -> TextIO | None:
    """In a windowed executable (no stdout/stderr) write both to the log file; else do nothing.

    Returns the opened log stream, or None when the streams were left alone (or when the log
    cannot be opened: then the output goes nowhere, as it would have anyway)."""
    if has_console():
        return None
    target = log or log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stream: TextIO = open(target, "a", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
    except OSError:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    return stream
