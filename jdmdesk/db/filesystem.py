"""Is a study file on a network file system? SQLite's write-ahead log is not safe there.

WAL needs shared memory between every process that opens the file, which network file systems
(NFS, SMB/CIFS, sshfs, 9p, AFS …) do not provide, and their byte-range locks are unreliable:
two clinic PCs writing the same file on a share can corrupt it. We warn; we do not refuse.

Detection, best effort and never raising:

- Linux: the longest mount point in ``/proc/mounts`` that contains the path, by file-system type.
- Windows: a UNC path (``\\\\server\\share``) or a drive letter whose type is ``DRIVE_REMOTE``.
- macOS and other BSDs: the output of ``mount`` (``… on /Volumes/x (smbfs, …)``). Limitation:
  when ``mount`` cannot be run, no warning is given.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

from jdmdesk.domain.texts import Message

NETWORK_FSTYPES = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "smb", "smb2", "ncpfs", "afs", "9p", "9p2000",
    "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs", "davfs",
    "webdav", "fuse.glusterfs", "glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "afpfs",
    "fuse.smbnetfs", "fuse.curlftpfs", "v9fs", "virtiofs", "fuse.vmhgfs-fuse", "vboxsf",
})

DRIVE_REMOTE = 4


def warning_text(path: Path, fstype: str) -> str:
    return Message("The study file {path} is on a network drive ({fstype}). SQLite's "
                   "write-ahead log is not safe on network file systems: keep the study file "
                   "on this computer's own disk, and never open it from two computers at once.",
                   path=str(path), fstype=fstype)


def network_warning(path: Path) -> str | None:
    """A sentence for the user when ``path`` is on a network file system, else ``None``."""
    fstype = network_fstype(Path(path))
    return warning_text(Path(path), fstype) if fstype else None


def network_fstype(path: Path) -> str | None:
    """The network file-system type holding ``path`` ("nfs4", "cifs", "UNC path" …) or None."""
    try:
        if sys.platform == "win32":
            return _windows_fstype(path)
        target = _existing(path)
        if sys.platform.startswith("linux"):
            with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
                return fstype_from_proc_mounts(target, fh.read())
        out = subprocess.run(["mount"], capture_output=True, text=True, timeout=3,
                             check=False).stdout
        return fstype_from_bsd_mount(target, out)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def _existing(path: Path) -> str:
    """The real path of ``path`` or of its nearest existing parent (for a file not yet made)."""
    p = Path(os.path.abspath(path))
    while not p.exists() and p.parent != p:
        p = p.parent
    return os.path.realpath(p)


def _unescape(field: str) -> str:
    """``/proc/mounts`` escapes space, tab, newline and backslash as octal (``\\040``)."""
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field = field.replace(code, chr(int(code[1:], 8)))
    return field


def _contains(mount_point: str, path: str) -> bool:
    if mount_point == "/":
        return True
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _is_network(fstype: str) -> bool:
    low = fstype.lower()
    return low in NETWORK_FSTYPES or low.startswith(("nfs", "smb", "cifs"))


def fstype_from_proc_mounts(path: str, mounts: str) -> str | None:
    """Network fstype of the longest mount point containing ``path`` in ``/proc/mounts`` text."""
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape(parts[1]), parts[2]
        if _contains(point, path) and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type if best and _is_network(best_type) else None


def fstype_from_bsd_mount(path: str, mount_output: str) -> str | None:
    """The same from macOS/BSD ``mount`` output: ``SRC on POINT (TYPE, options…)``."""
    best, best_type = "", ""
    for line in mount_output.splitlines():
        if " on " not in line or "(" not in line:
            continue
        rest = line.split(" on ", 1)[1]
        point, _, opts = rest.rpartition(" (")
        fstype = opts.split(",")[0].strip(" )")
        if point and _contains(point, path) and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type if best and _is_network(best_type) else None


def _windows_fstype(path: Path) -> str | None:
    text = str(path)
    if is_unc(text):
        return "UNC path"
    full = PureWindowsPath(os.path.abspath(text))
    if not full.drive or is_unc(full.drive):
        return "UNC path" if full.drive else None
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if kernel32.GetDriveTypeW(ctypes.c_wchar_p(full.drive + "\\")) == DRIVE_REMOTE:
        return "mapped network drive"
    return None


def is_unc(text: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…`` (but not the ``\\?\C:\`` device prefix)."""
    norm = text.replace("/", "\\")
    if norm.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    return norm.startswith("\\\\") and not norm.startswith(("\\\\?\\", "\\\\.\\"))
