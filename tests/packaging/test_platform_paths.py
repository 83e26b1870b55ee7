"""The code paths that differ per operating system, run on Linux by pretending to be Windows
or macOS (sys.platform / os.name and the Windows API faked), so none is untested code."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdmdesk import atomic_file, frozen, paths
from jdmdesk.db import filesystem, processes
from jdmdesk.db.lock import protocol

# --- the data folder -------------------------------------------------------------------------

def test_windows_data_folder_is_under_appdata(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.data_dir() == tmp_path / "Roaming" / "JDM Desk"
    assert paths.default_study() == tmp_path / "Roaming" / "JDM Desk" / "study.jdm"


def test_windows_data_folder_without_appdata_falls_back_to_the_profile(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("APPDATA", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert paths.data_dir() == tmp_path / "AppData" / "Roaming" / "JDM Desk"


def test_macos_data_folder_is_application_support(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert paths.data_dir() == tmp_path / "Library" / "Application Support" / "JDM Desk"


def test_linux_data_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "jdmdesk"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert paths.data_dir() == tmp_path / ".local" / "share" / "jdmdesk"


# --- process liveness (the lock's stale test) ------------------------------------------------

class FakeKernel32:
    """The four kernel32 calls pid_alive makes, answering as Windows would."""

    def __init__(self, *, handle: int = 7, last_error: int = 0, exit_code: int = 259,
                 query_ok: bool = True) -> None:
        self.handle, self.last_error = handle, last_error
        self.exit_code, self.query_ok = exit_code, query_ok
        self.closed: list[int] = []
        self.opened: list[tuple[int, bool, int]] = []

    def OpenProcess(self, access, inherit, pid):
        self.opened.append((access, inherit, pid))
        return self.handle

    def GetLastError(self):
        return self.last_error

    def GetExitCodeProcess(self, handle, code_ref):
        if not self.query_ok:
            return 0
        code_ref._obj.value = self.exit_code
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)
        return 1


def _windows(monkeypatch, kernel32: FakeKernel32) -> FakeKernel32:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32})(),
                        raising=False)
    return kernel32


@pytest.mark.parametrize(("kernel32", "alive"), [
    (FakeKernel32(exit_code=259), True),  # STILL_ACTIVE
    (FakeKernel32(exit_code=0), False),  # exited
    (FakeKernel32(query_ok=False), True),  # cannot tell: alive
    (FakeKernel32(handle=0, last_error=5), True),  # access denied: exists, someone else's
    (FakeKernel32(handle=0, last_error=87), False),  # invalid parameter: no such process
])
def test_windows_process_liveness(monkeypatch, kernel32, alive):
    _windows(monkeypatch, kernel32)
    assert processes.pid_alive(4242) is alive
    assert kernel32.opened == [(0x1000, False, 4242)]  # PROCESS_QUERY_LIMITED_INFORMATION
    assert kernel32.closed == ([7] if kernel32.handle else [])


def test_pid_zero_or_negative_is_never_alive(monkeypatch):
    kernel32 = _windows(monkeypatch, FakeKernel32())
    assert not processes.pid_alive(0) and not processes.pid_alive(-1)
    assert kernel32.opened == []


@pytest.mark.parametrize(("error", "alive"), [(ProcessLookupError, False),
                                              (PermissionError, True), (OSError, True)])
def test_posix_process_liveness(monkeypatch, error, alive):
    monkeypatch.setattr(sys, "platform", "darwin")

    def kill(pid, sig):
        assert sig == 0
        raise error

    monkeypatch.setattr(os, "kill", kill)
    assert processes.pid_alive(4242) is alive


def test_a_windows_lock_of_a_dead_process_is_stale_and_of_a_live_one_is_not(monkeypatch):
    info = protocol.LockInfo(user="nurse", host=protocol.socket.gethostname(), pid=2**22 + 17,
                             since="2026-01-01T00:00:00Z", token="t", boot_id="",
                             heartbeat="2026-01-01T00:00:00Z")
    monkeypatch.setattr(protocol, "_boot_id", lambda: "")  # no /proc on Windows
    monkeypatch.setattr(protocol, "process_started", lambda pid: None)
    _windows(monkeypatch, FakeKernel32(exit_code=0))
    assert protocol.is_stale(info)
    _windows(monkeypatch, FakeKernel32(exit_code=259))
    assert not protocol.is_stale(info)


def test_the_lock_file_is_created_binary_on_windows(monkeypatch, tmp_path):
    seen: list[int] = []
    real_open = os.open
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)

    def spy(path, flags, mode=0o777):
        seen.append(flags)
        return real_open(path, flags & ~0x8000, mode)

    monkeypatch.setattr(os, "open", spy)
    protocol._create(tmp_path / "s.jdm.lock", protocol._new_info("nurse"))
    assert seen and seen[0] & 0x8000 and seen[0] & os.O_EXCL


def test_the_windows_user_name_comes_from_username_when_getpass_cannot_tell(monkeypatch):
    def fail():
        raise OSError("no pwd database")

    monkeypatch.setattr(protocol.getpass, "getuser", fail)
    monkeypatch.setenv("USERNAME", "nurse.b")
    assert protocol.os_user() == "nurse.b"


# --- network drives (the WAL warning) --------------------------------------------------------

def test_windows_unc_and_mapped_network_drives(monkeypatch):
    calls: list[str] = []

    class Kernel32:
        def GetDriveTypeW(self, root):
            calls.append(root.value)
            return filesystem.DRIVE_REMOTE if root.value.startswith("Z:") else 3

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": Kernel32()})(),
                        raising=False)
    monkeypatch.setattr(os.path, "abspath", lambda p: p)
    assert filesystem.network_fstype(Path(r"\\server\share\s.jdm")) == "UNC path"
    assert filesystem.network_fstype(Path(r"Z:\studies\s.jdm")) == "mapped network drive"
    assert filesystem.network_fstype(Path(r"C:\studies\s.jdm")) is None
    assert calls == ["Z:\\", "C:\\"]


def test_macos_reads_mount_output(monkeypatch, tmp_path):
    out = (f"/dev/disk3s1 on / (apfs, local, journaled)\n"
           f"//nurse@nas/studies on {tmp_path} (smbfs, nodev, nosuid, mounted by nurse)\n")
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, out, ""))
    assert filesystem.network_fstype(tmp_path / "s.jdm") == "smbfs"


# --- folder fsync ----------------------------------------------------------------------------

def test_folders_are_fsynced_except_on_windows():
    assert atomic_file.folders_can_be_synced("posix")
    assert not atomic_file.folders_can_be_synced("nt")
    assert atomic_file.folders_can_be_synced(os.name) == atomic_file.FSYNC_FOLDERS


def test_on_windows_no_folder_is_opened_to_fsync(monkeypatch, tmp_path):
    monkeypatch.setattr(atomic_file, "FSYNC_FOLDERS", False)
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("a folder was opened"))
    atomic_file.fsync_dir(tmp_path)


# --- console and windowed executables --------------------------------------------------------

def test_a_windowed_executable_writes_its_messages_to_the_log(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    log = tmp_path / "logs" / "jdmdesk.log"
    stream = frozen.prepare_streams(log)
    assert stream is not None and sys.stdout is stream and sys.stderr is stream
    print("jdmdesk: a message", file=sys.stderr)
    stream.close()
    assert log.read_text(encoding="utf-8") == "jdmdesk: a message\n"


def test_the_windowed_log_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    assert frozen.log_path() == tmp_path / "JDM Desk" / "jdmdesk.log"


def test_a_console_executable_keeps_its_streams(monkeypatch, capsys):
    before = sys.stderr
    assert frozen.has_console() and frozen.prepare_streams() is None
    assert sys.stderr is before


def test_a_log_that_cannot_be_opened_swallows_the_output(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    blocker = tmp_path / "file"
    blocker.write_text("")
    stream = frozen.prepare_streams(blocker / "jdmdesk.log")  # a file, not a folder
    assert stream is not None and sys.stdout is stream
    print("lost, but no crash")
    stream.close()


def test_bundle_and_source_resources(monkeypatch, tmp_path):
    assert not frozen.is_frozen() and frozen.bundle_dir() is None
    assert (frozen.resources_dir() / "icons" / "jdmdesk.svg").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert frozen.is_frozen() and frozen.bundle_dir() == tmp_path
    assert frozen.resources_dir() == tmp_path / "resources"


@pytest.mark.parametrize(("frozen_", "os_name", "env", "chosen"), [
    (True, "posix", {}, True),  # env -i: no locale at all
    (True, "posix", {"LANG": "de_DE.UTF-8"}, False),
    (True, "posix", {"LC_ALL": "C"}, False),  # the user's choice, even C
    (False, "posix", {}, False),  # Python does this itself (PEP 538)
    (True, "nt", {}, False),
])
def test_a_bundle_without_any_locale_uses_c_utf8(monkeypatch, frozen_, os_name, env, chosen):
    monkeypatch.setattr(sys, "frozen", frozen_, raising=False)
    monkeypatch.setattr(os, "name", os_name)
    given = dict(env)
    assert frozen.prepare_locale(given) is chosen
    assert given == ({**env, "LC_CTYPE": "C.UTF-8"} if chosen else env)
