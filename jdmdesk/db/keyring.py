"""The study keys this process has unlocked, and the key file that travels beside each study.

A study's key never leaves memory: it is learnt by creating the study or by unlocking one of
its wrapped copies (a password, the recovery key), and every later connection to that study or
to one of its copies (a backup, a restored file: they share the study id) is keyed from here.
The key file ``<study>.keys`` holds the wrapped copies; its format is jdmdesk.crypto.keyfile's.
"""

from __future__ import annotations

import os
from pathlib import Path

from jdmdesk.atomic_file import atomic_write
from jdmdesk.crypto.keyfile import ChainHead, KeyFile, KeyFileError

KEY_FILE_SUFFIX = ".keys"

_by_path: dict[str, bytes] = {}
_by_study: dict[str, bytes] = {}
# plain copies (``backup --plain``) whose study key was unwrapped from their own key mirror: the
# key is not used to open them (they are plain) but to verify their seals
_copies: dict[str, bytes] = {}


def key_file_path(study_path: Path | str) -> Path:
    return Path(f"{study_path}{KEY_FILE_SUFFIX}")


def _name(path: Path | str) -> str:
    return os.path.realpath(os.fspath(path))


def read_key_file(study_path: Path | str) -> KeyFile | None:
    """The key file beside ``study_path``; None when there is none; KeyFileError if damaged."""
    target = key_file_path(study_path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise KeyFileError(f"The key file {target.name} cannot be read ({err.strerror}).") \
            from None
    return KeyFile.from_bytes(data)


def write_key_file(study_path: Path | str, keys: KeyFile) -> None:
    """Whole or not at all (atomic rename), replacing the previous key file."""
    with atomic_write(key_file_path(study_path), replace=True, create=True) as tmp:
        tmp.write_bytes(keys.to_bytes())


HEAD_FILE_SUFFIX = ".head"


def key_file_head(study_path: Path | str) -> ChainHead | None:
    """The chain head the key file beside ``study_path`` remembers (None: none, no file, or a
    key file that cannot be read)."""
    try:
        keys = read_key_file(study_path)
    except KeyFileError:
        return None
    return None if keys is None else keys.head


def head_file_path(study_path: Path | str) -> Path:
    """The small file beside the key file that follows the chain head after every commit."""
    return Path(f"{study_path}{HEAD_FILE_SUFFIX}")


def read_head_file(study_path: Path | str) -> bytes | None:
    try:
        return head_file_path(study_path).read_bytes()
    except OSError:
        return None


HEAD_FILE_BYTES = 512


def write_head_file(study_path: Path | str, data: bytes) -> None:
    """Overwrite the head file in place (one block, padded, no rename and no fsync: it is
    written after every commit and only ever lags; a torn or lost head file is ignored)."""
    if len(data) > HEAD_FILE_BYTES:
        raise ValueError("head record too long")
    fd = os.open(head_file_path(study_path), os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        os.pwrite(fd, data.ljust(HEAD_FILE_BYTES), 0) if hasattr(os, "pwrite") else \
            os.write(fd, data.ljust(HEAD_FILE_BYTES))
    finally:
        os.close(fd)


def remember(path: Path | str, key: bytes, study_id: str | None = None) -> None:
    _by_path[_name(path)] = key
    if study_id is not None:
        _by_study[study_id] = key


def forget_all() -> None:
    _by_path.clear()
    _by_study.clear()
    _copies.clear()


def remember_copy(path: Path | str, key: bytes) -> None:
    _copies[_name(path)] = key


def copy_key(path: Path | str) -> bytes | None:
    """The study key unwrapped for the plain copy ``path`` (None: not unlocked)."""
    return _copies.get(_name(path))


def key_for(path: Path | str) -> bytes | None:
    """The key of ``path`` if this process has unlocked it (or a copy of the same study)."""
    key = _by_path.get(_name(path))
    if key is not None:
        return key
    try:
        keys = read_key_file(path)
    except KeyFileError:
        return None
    return None if keys is None else _by_study.get(keys.study_id)
