"""Before the window: can Qt's platform plugin load? Said plainly on stderr when it cannot.

Under a real X server Qt (≥ 6.5) loads its 'xcb' plugin, which needs libxcb-cursor0 and a few
other xcb libraries that a minimal Linux install lacks. Qt then aborts with a terse message
(and no Python exception to catch): loading the plugin library ourselves first names the
missing library and what to install.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 "
                "libxcb-render-util0 libxcb-image0 libxkbcommon-x11-0")


def xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def platform_problem(env: Mapping[str, str] | None = None, system: str | None = None,
                     plugin: Path | None = None) -> str | None:
    """Why the window cannot open on this display, or None (also when it cannot be told)."""
    env = os.environ if env is None else env
    if not (system or sys.platform).startswith("linux"):
        return None
    requested = env.get("QT_QPA_PLATFORM", "")
    if requested and not requested.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: not ours to judge
    if not requested and not env.get("DISPLAY"):
        if env.get("WAYLAND_DISPLAY"):
            return None
        return ("no display to open the window on (DISPLAY is not set); for the commands "
                "without a window see 'jdmdesk --help'")
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as err:
        missing = missing_libraries(plugin)
        why = f"missing {', '.join(missing)}" if missing else str(err)
        return (f"the Qt platform plugin 'xcb' cannot load ({why}). Qt needs the X11/xcb "
                f"libraries; on Debian or Ubuntu: sudo apt install {XCB_PACKAGES}")
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """Every library ``plugin`` links against that this system lacks (from ``ldd``; the
    loader's own error names only the first). Empty when ldd cannot tell."""
    import subprocess

    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line]
