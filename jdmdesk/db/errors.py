"""Storage faults in words: a full disk, read-only media, an I/O error.

The one place that tells a full disk or a read-only file system apart from a damaged file, so
that opening, the command line and exports say the true cause. Callers above the db layer catch
:data:`DatabaseFault` (SQLite's base error) without importing ``sqlite3`` themselves.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3  # type names only: errors come from jdmdesk.db.driver
from pathlib import Path

from jdmdesk.db.driver import Error
from jdmdesk.domain.texts import Message

DatabaseFault = Error

SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 13, 14
# An I/O error with less than this free on the file's disk is taken to be a full disk: SQLite
# reports a failed -shm or journal extension as "disk I/O error", not as SQLITE_FULL.
LOW_SPACE_BYTES = 256 * 1024
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def _primary_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def free_bytes(folder: Path) -> int | None:
    """Free space for this user on the disk holding ``folder`` (None when it cannot be told)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def os_error_inside(err: BaseException) -> OSError | None:
    """The OSError a library wrapped (xlsxwriter's FileCreateError holds it as its argument)."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            return current
        inner = next((a for a in current.args if isinstance(a, OSError)), None)
        if inner is not None:
            return inner
        current = current.__cause__ or current.__context__
    return None


def disk_full(err: BaseException, folder: Path | None = None) -> bool:
    """Whether ``err`` means the disk (or the user's quota) is full.

    ``folder`` (where the file lives) lets an SQLite I/O error count as a full disk when that
    disk has (almost) no free space left.
    """
    if isinstance(err, Error):
        code = _primary_code(err)
        text = str(err).lower()
        if code == SQLITE_FULL or "disk is full" in text:
            return True
        if folder is not None and (code == SQLITE_IOERR or "disk i/o error" in text):
            free = free_bytes(folder)
            return free is not None and free < LOW_SPACE_BYTES
        return False
    inner = os_error_inside(err)
    return inner is not None and inner.errno in _FULL_ERRNOS


def read_only_media(path: Path) -> bool:
    """Whether ``path`` (a file or folder) is on a file system mounted read-only."""
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: a read-only share or medium shows as an unwritable folder
        return not os.access(folder, os.W_OK)
    try:
        return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


def cannot_open_for_shared_memory(err: sqlite3.Error) -> bool:
    """A read-only connection refused because SQLite could not make the ``-shm`` beside it."""
    code = _primary_code(err)
    text = str(err).lower()
    return code in (SQLITE_READONLY, SQLITE_CANTOPEN) or "readonly" in text \
        or "unable to open database file" in text


def describe_storage_error(err: BaseException, path: Path | None = None) -> Message:
    """One line for the user about a failed read or write of ``path`` (or of the study): a
    :class:`Message`, translated by the window (the command line prints the English)."""
    folder = None if path is None else Path(path).parent
    if disk_full(err, folder):
        return Message("the disk is full{where}: nothing was written; free some space and try "
                       "again", where=_where(path))
    text = str(err) or type(err).__name__
    if isinstance(err, Error):
        low = text.lower()
        if "readonly" in low or (folder is not None and read_only_media(folder)):
            return Message("the study file cannot be written{where}: it is read-only ({error})",
                           where=_where(path), error=text)
        if "locked" in low or "busy" in low:
            return Message("the study file is busy in another program{where}: try again "
                           "({error})", where=_where(path), error=text)
        return Message("the database reported an error{where}: {error}", where=_where(path),
                       error=text)
    inner = os_error_inside(err)
    return Message("{error}{where}", error=(inner.strerror or str(inner)) if inner is not None
                   else text, where=_where(path))


def _where(path: Path | None) -> str:
    return f" ({path})" if path is not None else ""
