"""Restoring a plain copy (``backup --plain``) into a new encrypted study.

The copy's study key is unwrapped from the copy's own key mirror with the restoring user's
password (jdmdesk.db.keystore.unlock_copy); with it, everything the copy carries is verified
before anything is written: the keyed audit chain, the account rows' MACs, every content-bound
signature and the copy's seal (its other tables and the chain head when it was made). The new
study is SQLCipher-encrypted with the same study key (so the same recovery key and passwords
open it), gets its key file, and never replaces an existing file.
"""

from __future__ import annotations

from pathlib import Path

from jdmdesk.atomic_file import SQLITE_COMPANIONS, TargetExists, atomic_write
from jdmdesk.db import audit, chain_head, copy_seal, keyring, keystore
from jdmdesk.db.audit import Change
from jdmdesk.db.backup.encrypt_plain import copy_plain_into
from jdmdesk.db.backup.verified_copy import BackupError, exists_text, verify_backup
from jdmdesk.db.connection import open_keyed, wrap, write_transaction
from jdmdesk.db.driver import Error
from jdmdesk.domain.texts import Message


def is_plain_copy(path: Path) -> bool:
    """A plain SQLite file holding the wrapped keys of an encrypted study (``backup --plain``)."""
    from jdmdesk.crypto.keyfile import KeyFileError
    from jdmdesk.db.connection import StudyFileError, is_plain

    try:
        return is_plain(Path(path)) and keystore.copy_mirror(Path(path)) is not None
    except (KeyFileError, StudyFileError, OSError):  # a damaged mirror: verify says why
        return False


def encrypt_copy(source: Path, new_path: Path, key: bytes, *, actor: str,
                 unverified: list[str], what: str = "restore") -> None:
    """Write ``new_path`` (which must not exist) as an encrypted study with the content of the
    plain file ``source``, keyed with ``key``; its key file from the source's key mirror (or
    ``keys``), the chain head of the new study, and an audit row saying what was done."""
    with atomic_write(new_path, replace=False, companions=SQLITE_COMPANIONS) as tmp:
        conn = open_keyed(tmp.resolve().as_uri(), key, uri=True)
        try:
            copy_plain_into(conn, Path(source))
            db = wrap(conn)
            with write_transaction(db):
                row = conn.execute("SELECT content FROM key_mirror WHERE id = 1").fetchone()
                if row is not None:
                    conn.execute("UPDATE key_mirror SET content = ? WHERE id = 1",
                                 (copy_seal.strip(str(row[0])),))
                reason = ("restored although it does not verify: " + "; ".join(unverified)
                          if unverified else f"{what} of a verified plain copy")
                audit.append(db, actor, [Change(
                    "restore_unverified" if unverified else what, "study", None, "file", None,
                    Path(source).name, reason)])
            keys = keystore.read_mirror(db)
            if keys is not None:
                keyring.write_key_file(new_path, keys)
                keyring.remember(new_path, key, keys.study_id)
                chain_head.write_head(db, new_path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
        verify_backup(tmp, name=_new_study(new_path), key=key)


def _new_study(path: Path) -> Message:
    return Message("the new study {name}", name=path.name)


def restore_plain_copy(copy: Path, new_path: Path, *, accept_unverified: bool,
                       actor: str) -> list[str]:
    """Verify the plain ``copy`` and write it as the new encrypted study ``new_path``; returns
    what did not verify (only when accepted; else UnverifiedBackup is raised)."""
    from jdmdesk.db.backup.verified_copy import UnverifiedBackup, content_problems

    key = keyring.copy_key(copy)
    if key is None:
        raise BackupError(Message("{name} is a plain copy: log in to it first (your password "
                                  "opens your copy of its study key)", name=copy.name))
    problems = content_problems(copy, key)
    if problems and not accept_unverified:
        raise UnverifiedBackup(copy, problems)
    try:
        encrypt_copy(copy, new_path, key, actor=actor, unverified=problems)
    except TargetExists:
        raise BackupError(exists_text(new_path)) from None
    except Error as err:
        raise BackupError(Message("the restore failed ({reason})", reason=str(err))) from None
    return problems
