"""Write a file so that it is either whole under its name or not there at all.

The one helper every layer uses (study backups and restores, exports, the PDF report, the demo
study): the content goes to a temporary name in the target's folder; on success the file is
fsynced, given its name (``os.replace``, or a hard link when an existing target must never be
replaced) and the folder is fsynced so the new name survives a power cut (not on Windows, where
a folder cannot be opened for fsync). On any error the temporary file is removed and an
existing target is left untouched.

Temporary names start with :data:`TEMP_PREFIX` and carry this computer's tag and the writing
process's id (``.jdmdesk-tmp-<host>-<pid>-<random>.part``): no program opens them by their
extension, and when a process is killed mid-write the next writer into that folder removes
them (:func:`sweep_temporaries`). A writer that needs scratch files of its own (xlsxwriter)
puts them in :func:`scratch_folder`, which goes with the temporary file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def folders_can_be_synced(os_name: str) -> bool:
    """Windows cannot open a folder to fsync it (and NTFS makes renames durable by its
    journal); POSIX systems can, and need it for a rename to survive a power cut."""
    return os_name != "nt"


FSYNC_FOLDERS = folders_can_be_synced(os.name)
# The files SQLite (and the study's chain-head file, jdmdesk.db.keyring) may keep beside a
# database written under the temporary name.
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm", ".head")


class TargetExists(FileExistsError):
    """The target appeared (or was there) and may not be replaced."""


TEMP_PREFIX = ".jdmdesk-tmp-"
# Another computer's temporaries (a shared folder) are removed only after this long untouched.
FOREIGN_TEMP_AGE_S = 24 * 3600.0
SCRATCH_SUFFIX = ".d"


def host_tag() -> str:
    """Eight hex digits naming this computer in temporary names (not the name itself)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def temp_beside(target: Path) -> Path:
    """A fresh hidden name in the target's folder (same file system, so the rename is atomic)."""
    target = Path(target)
    return target.with_name(f"{TEMP_PREFIX}{host_tag()}-{os.getpid()}-"
                            f"{secrets.token_hex(6)}.part")


def scratch_folder(tmp: Path) -> Path:
    """The folder for a writer's own scratch files beside the temporary ``tmp`` (made here);
    it is removed with ``tmp``."""
    folder = Path(f"{tmp}{SCRATCH_SUFFIX}")
    folder.mkdir(exist_ok=True)
    return folder


def _owner(name: str) -> tuple[str, int] | None:
    """(host tag, pid) of a temporary name, or None when ``name`` is not one of ours."""
    if not name.startswith(TEMP_PREFIX):
        return None
    parts = name[len(TEMP_PREFIX):].split("-", 2)
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1])


def sweep_temporaries(folder: Path, *, alive: Callable[[int], bool],
                      now: float | None = None) -> list[Path]:
    """Remove the temporaries in ``folder`` left by writers that no longer run; never raises.

    Ours are judged by their process id (``alive``); another computer's only by age
    (:data:`FOREIGN_TEMP_AGE_S` untouched), since its processes cannot be seen from here.
    Returns what was removed.
    """
    at = time.time() if now is None else now
    mine = host_tag()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        owner = _owner(entry.name)
        if owner is None:
            continue
        host, pid = owner
        try:
            age = at - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        stale = (host == mine and pid != os.getpid() and not alive(pid)) \
            or age > FOREIGN_TEMP_AGE_S
        if stale and _remove_entry(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _remove_entry(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        return False
    return True


def fsync_file(path: Path) -> None:
    with Path(path).open("rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; best effort, and a no-op on Windows."""
    if not FSYNC_FOLDERS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(path: Path, companions: Sequence[str] = ()) -> None:
    """Remove a temporary file, its companions and its scratch folder; never raises."""
    for p in (Path(path), *(Path(f"{path}{suffix}") for suffix in companions)):
        with contextlib.suppress(OSError):
            p.unlink()
    shutil.rmtree(f"{path}{SCRATCH_SUFFIX}", ignore_errors=True)


def place(tmp: Path, target: Path, *, replace: bool) -> None:
    """Give ``tmp`` the name ``target``; without ``replace`` an existing target is never touched.

    Raises :class:`TargetExists` when ``target`` exists and may not be replaced.
    """
    if replace:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # atomic, and fails when the target exists
    except FileExistsError:
        raise TargetExists(f"{target} already exists") from None
    except OSError:
        # No hard links here (FAT, some shares): rename, which does not replace on Windows.
        if target.exists():
            raise TargetExists(f"{target} already exists") from None
        os.rename(tmp, target)
    else:
        tmp.unlink()


@contextmanager
def atomic_write(target: Path, *, replace: bool = True, create: bool = False,
                 companions: Sequence[str] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends cleanly, put it in place.

    ``create`` makes the temporary file (empty, mode 0o666 less the umask, like any file the
    user makes) before yielding; otherwise the caller creates it (SQLite, a PDF writer).
    ``replace=False`` refuses to replace an existing target (:class:`TargetExists`).
    ``companions`` are suffixes of files made beside the temporary one (SQLite's journal) that
    are removed with it. The temporary file is removed on any error, including a cancel.
    """
    target = Path(target)
    tmp = temp_beside(target)
    try:
        if create:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        yield tmp
        fsync_file(tmp)
        place(tmp, target, replace=replace)
    finally:
        remove_quietly(tmp, companions)  # after a successful place there is nothing left
    fsync_dir(target.parent)
