"""Write an output file under a temporary name in the same folder, then rename it into place.

A failure or a Cancel removes the temporary file, so no partial output is ever left behind;
an existing output is replaced only when asked (``force``). OS errors become one-line
:class:`ExportError` messages (unwritable folder, disk full, ...).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jdmdesk.atomic_file import TargetExists, atomic_write, scratch_folder, sweep_temporaries
from jdmdesk.db.errors import os_error_inside
from jdmdesk.db.lock import pid_alive
from jdmdesk.domain.texts import Message
from jdmdesk.export.options import ExportError


def check_target(path: Path, *, force: bool) -> None:
    """Refuse early what cannot work: an existing file without force, a missing folder."""
    if path.is_dir():
        raise ExportError(Message("{path} is a folder: give a file name for the export",
                                  path=str(path)), 2)
    if path.exists() and not force:
        raise TargetExistsError(_exists(path), 2)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(Message("cannot write {path}: the folder {folder} does not exist",
                                  path=str(path), folder=str(folder)), 2)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(Message("cannot write {path}: the folder {folder} is not writable",
                                  path=str(path), folder=str(folder)), 1)


class TargetExistsError(ExportError):
    """The output file exists and may not be replaced. Its message (what the window shows, the
    window having asked "Replace it?" first) says to choose another file name; ``str()``, what
    the command line prints, adds that ``--force`` replaces it."""

    def __str__(self) -> str:
        return f"{self.args[0]}, or use --force to replace it"


def _exists(path: Path) -> Message:
    return Message("{path} already exists: choose another file name", path=str(path))


def describe_os_error(err: OSError, path: Path) -> str:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return Message("cannot write {path}: the disk is full (nothing was written)",
                       path=str(path))
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Message("cannot write {path}: permission denied (nothing was written)",
                       path=str(path))
    return Message("cannot write {path}: {problem} (nothing was written)", path=str(path),
                   problem=str(err.strerror or err))


@contextmanager
def atomic_output(path: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success fsync it and rename it to ``path``.

    Temporaries that a killed export left in the folder are removed first. A writer's own
    scratch files go in ``f"{tmp}.d"`` (made here, removed with the temporary file): the xlsx
    writer's ``tmpdir``. A library error that wraps an OSError (xlsxwriter's FileCreateError on
    a full disk) is told like the OSError itself.
    """
    path = Path(path)
    check_target(path, force=force)
    sweep_temporaries(path.parent if str(path.parent) else Path("."), alive=pid_alive)
    failure: str | None = None
    try:
        with atomic_write(path, replace=force, create=True) as tmp:
            scratch_folder(tmp)
            yield tmp
    except TargetExists:  # appeared while we were writing
        raise TargetExistsError(_exists(path), 2) from None
    except ExportError:
        raise
    except Exception as err:  # only those that wrap an OSError are ours
        inner = os_error_inside(err)
        if inner is None:
            raise
        failure = describe_os_error(inner, path)
        _drop_quietly(err)
    if failure is not None:
        raise ExportError(failure)


def _drop_quietly(err: BaseException) -> None:
    """Let go of the failed writer's objects now (its open ZIP would complain of the full disk
    on stderr when collected later), with their close errors silenced."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        seen: set[int] = set()
        current: BaseException | None = err
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            traceback.clear_frames(current.__traceback__)
            for arg in current.args:
                if isinstance(arg, BaseException):
                    traceback.clear_frames(arg.__traceback__)
            current = current.__cause__ or current.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook
