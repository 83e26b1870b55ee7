"""A Qt platform plugin that cannot load is said plainly on stderr (issue 16, 'Also')."""

from __future__ import annotations

from jdmdesk import app
from jdmdesk.ui.qt_platform import platform_problem


def test_an_unloadable_xcb_plugin_is_named_with_what_to_install(tmp_path):
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a shared object")
    problem = platform_problem({"DISPLAY": ":0"}, "linux", broken)
    assert problem is not None and "xcb" in problem and "libxcb-cursor0" in problem
    assert platform_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", broken)


def test_other_platforms_and_displays_are_not_judged(tmp_path):
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"x")
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", broken) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", broken) is None
    assert platform_problem({"DISPLAY": ":0"}, "win32", broken) is None
    assert "DISPLAY" in (platform_problem({}, "linux", broken) or "")


def test_run_gui_says_it_on_stderr_and_exits_2(tmp_path, monkeypatch, capsys):
    class NoApp:
        @staticmethod
        def instance():
            return None

    from jdmdesk.ui import launch  # what jdmdesk STUDY runs first (app.run_gui passes on)

    monkeypatch.setattr(launch, "QApplication", NoApp)
    monkeypatch.setattr(launch, "platform_problem", lambda: "the Qt platform plugin 'xcb' "
                        "cannot load (libxcb-cursor.so.0: cannot open shared object file)")
    assert app.run_gui(tmp_path / "s.jdm") == 2
    err = capsys.readouterr().err
    assert err.startswith("jdmdesk: cannot open the window:") and "libxcb-cursor" in err
    assert err.count("\n") == 1


def test_every_missing_library_is_named_not_only_the_first(tmp_path, monkeypatch):
    import subprocess

    from jdmdesk.ui import qt_platform

    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"x")
    ldd = ("\tlibQt6XcbQpa.so.6 => /opt/Qt/lib/libQt6XcbQpa.so.6 (0x1)\n"
           "\tlibxcb-cursor.so.0 => not found\n\tlibxcb-icccm.so.4 => not found\n")
    monkeypatch.setattr(subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, ldd, ""))
    problem = qt_platform.platform_problem({"DISPLAY": ":0"}, "linux", broken) or ""
    assert "missing libxcb-cursor.so.0, libxcb-icccm.so.4" in problem
    assert "sudo apt install libxcb-cursor0" in problem and "\n" not in problem


def test_without_ldd_the_loader_error_is_given(tmp_path, monkeypatch):
    import subprocess

    def no_ldd(*a, **k):
        raise FileNotFoundError("ldd")

    monkeypatch.setattr(subprocess, "run", no_ldd)
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"x")
    problem = platform_problem({"DISPLAY": ":0"}, "linux", broken) or ""
    assert "cannot load (" in problem and "libxcb-cursor0" in problem
