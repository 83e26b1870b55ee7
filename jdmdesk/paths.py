"""Where JDM Desk keeps its files when the user names none."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, APPDATA)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
        return base / "JDM Desk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "JDM Desk"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "jdmdesk"


def default_study() -> Path:
    return data_dir() / "study.jdm"
