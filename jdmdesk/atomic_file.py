"""Write a file so that it is either whole under its name or not there at all.

The one helper every layer uses (study backups and restores, exports, the PDF report, the demo
study): the content goes to a temporary name in the target's folder; on success the file is
fsynced, given its name (``os.replace``, or a hard link when an existing target must never be
replaced) and the folder is fsynced so the new name survives a power cut (not on Windows, where
a folder cannot be opened for fsync). On any error the temporary file is removed and an
existing target is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

# Windows cannot open a folder to fsync it (and NTFS makes renames durable by its journal).
FSYNC_FOLDERS = os.name != "nt"
# The files SQLite may keep beside a database written under the temporary name.
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


class TargetExists(FileExistsError):
    """The target appeared (or was there) and may not be replaced."""


def temp_beside(target: Path) -> Path:
    """A fresh hidden name in the target's folder (same file system, so the rename is atomic)."""
    target = Path(target)
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")


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
    for p in (Path(path), *(Path(f"{path}{suffix}") for suffix in companions)):
        with contextlib.suppress(OSError):
            p.unlink()


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
