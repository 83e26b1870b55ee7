"""Write an output file under a temporary name in the same folder, then rename it into place.

A failure or a Cancel removes the temporary file, so no partial output is ever left behind;
an existing output is replaced only when asked (``force``). OS errors become one-line
:class:`ExportError` messages (unwritable folder, disk full, ...).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jdmdesk.atomic_file import TargetExists, atomic_write
from jdmdesk.export.options import ExportError


def check_target(path: Path, *, force: bool) -> None:
    """Refuse early what cannot work: an existing file without force, a missing folder."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name for the export", 2)
    if path.exists() and not force:
        raise ExportError(f"{path} already exists: use --force to replace it", 2)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist", 2)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {path}: the folder {folder} is not writable", 1)


def describe_os_error(err: OSError, path: Path) -> str:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full (nothing was written)"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: permission denied (nothing was written)"
    return f"cannot write {path}: {err.strerror or err} (nothing was written)"


@contextmanager
def atomic_output(path: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success fsync it and rename it to ``path``."""
    path = Path(path)
    check_target(path, force=force)
    try:
        with atomic_write(path, replace=force, create=True) as tmp:
            yield tmp
    except TargetExists:  # appeared while we were writing
        raise ExportError(f"{path} already exists: use --force to replace it", 2) from None
    except OSError as err:
        raise ExportError(describe_os_error(err, path)) from None
