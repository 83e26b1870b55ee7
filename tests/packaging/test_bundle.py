"""The built application (``python3 tasks.py bundle``) on Linux, as a user would run it: no
Python, a fresh HOME, PATH=/usr/bin:/bin. Slow; skipped when dist/jdmdesk was not built
(building takes minutes, so the suite does not build it: ``tasks.py bundle --smoke`` builds and
runs the same checks)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from jdmdesk import __version__
from tests.packaging.helpers import load

smoke = load("smoke")
BUNDLE = smoke.BUNDLE
EXE = smoke.executable()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test runs on "
                       "Linux (Windows and macOS: tasks.py wheels and the unit tests)"),
    pytest.mark.skipif(not EXE.exists(), reason=f"{EXE} was not built: run 'python3 tasks.py "
                       "bundle' first (PyInstaller, a few minutes)"),
]


def test_every_command_and_the_window_work_without_python(tmp_path):
    results = smoke.smoke(EXE, tmp_path, __version__)
    failed = [f"{r.name}: {r.detail}" for r in results if not r.ok]
    assert failed == []
    assert {r.name for r in results} >= {"--version", "demo", "check", "export bundle",
                                         "export xlsx", "export odm", "export stata", "report",
                                         "window (offscreen)"}
    assert (tmp_path / "window.png").stat().st_size > 10_000  # a painted window, not a blank


def test_the_bundle_is_within_its_size_budget():
    assert smoke.size_bytes(BUNDLE) <= smoke.SIZE_BUDGET_MB * 1_000_000


def test_only_the_qt_parts_the_app_uses_are_bundled():
    qt = BUNDLE / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in qt.glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets"}
    plugins = {f"{p.parent.name}/{p.name}" for p in (qt / "Qt" / "plugins").rglob("*.so")}
    assert "platforms/libqxcb.so" in plugins and "platforms/libqoffscreen.so" in plugins
    assert "imageformats/libqsvg.so" in plugins
    kinds = {p.split("/")[0] for p in plugins}
    assert kinds <= {"platforms", "imageformats", "iconengines", "platformthemes",
                     "platforminputcontexts", "xcbglintegrations"}
    assert not any(re.search(r"wayland|eglfs|vnc|linuxfb|qgtk3|virtualkeyboard", p)
                   for p in plugins)
    libs = {p.name for p in (BUNDLE / "_internal").rglob("libQt6*")}
    assert not any(re.search(r"Quick|Qml|Network|Pdf|Wayland|VirtualKeyboard", n)
                   for n in libs)
    # the xcb libraries a bare desktop may lack travel with the plugin
    internal = {p.name for p in (BUNDLE / "_internal").iterdir()}
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"} <= internal


def test_every_bundled_library_finds_what_it_links_against():
    """No library of the bundle lacks a dependency (ldd), with only the system's own libraries
    and the bundle's on the search path: what was pruned from the build was not needed."""
    internal = BUNDLE / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = []
    for lib in internal.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env,
                             check=False).stdout
        missing += [f"{lib.relative_to(internal)}: {line.strip()}"
                    for line in out.splitlines() if "not found" in line]
    assert missing == []


def test_the_linux_desktop_entry_travels_with_the_bundle(tmp_path):
    for name in ("jdmdesk.desktop", "jdmdesk-mime.xml", "jdmdesk.svg", "jdmdesk-256.png"):
        assert (BUNDLE / "share" / name).is_file()
    script = BUNDLE / "install-desktop-entry.sh"
    env = smoke.clean_env(tmp_path, XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "data" / "applications" / "jdmdesk.desktop").read_text()
    assert f'Exec="{EXE}" %f' in entry
    assert (tmp_path / "data" / "mime" / "packages" / "jdmdesk-mime.xml").is_file()
    subprocess.run(["sh", str(script), "--remove"], env=env, check=True, capture_output=True)
    assert not (tmp_path / "data" / "applications" / "jdmdesk.desktop").exists()


def test_the_xcb_plugin_is_where_the_platform_check_looks_for_it():
    """qt_platform.xcb_plugin() looks beside PySide6's package: in the bundle that is
    _internal/PySide6, so the missing-library message works in the bundle too."""
    assert (BUNDLE / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" /
            "libqxcb.so").is_file()
