"""An unencrypted copy of an encrypted study for interoperability (sqlite-utils, Datasette, a
statistician's own queries): SQLCipher's ``sqlcipher_export`` into a new plain file, sealed
(jdmdesk.db.copy_seal), verified like every copy, never over an existing file, and audited in
the study it was made from."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.atomic_file import SQLITE_COMPANIONS, TargetExists, atomic_write
from jdmdesk.db import audit, copy_seal, seals
from jdmdesk.db.audit import Change
from jdmdesk.db.backup.verified_copy import BackupError, exists_text, verify_backup
from jdmdesk.db.connection import APPLICATION_ID, Study, open_keyed, wrap, write_transaction
from jdmdesk.db.driver import Error
from jdmdesk.db.migrations import user_version
from jdmdesk.domain.texts import Message


def plain_copy(study: Study, dest: Path, actor: str) -> Path:
    """Write ``dest`` as a plain SQLite copy of the open (encrypted, writable) ``study``."""
    dest = Path(dest)
    if dest.exists():
        raise BackupError(exists_text(dest))
    if study.read_only:
        raise BackupError(Message("the study is open read-only: the plain copy could not be "
                                  "audited"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    conn = study.conn
    try:
        with atomic_write(dest, replace=False, companions=SQLITE_COMPANIONS) as tmp:
            conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(tmp),))
            try:
                conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
                conn.execute(f"PRAGMA plaintext.user_version = {user_version(conn)}")
                conn.execute(f"PRAGMA plaintext.application_id = {APPLICATION_ID}")
            finally:
                conn.execute("DETACH DATABASE plaintext")
            _seal(tmp, study.key)
            verify_backup(tmp, name=_copy_name(dest))
        with write_transaction(study.db) as db:
            audit.append(db, actor, [Change("backup_plain", "study", None, "file", None,
                                            str(dest), "unencrypted copy written")])
    except TargetExists:
        raise BackupError(exists_text(dest)) from None
    except Error as err:
        raise BackupError(_failed(str(err))) from None
    except OSError as err:
        raise BackupError(_failed(err.strerror or str(err))) from None
    return dest


def _copy_name(path: Path) -> Message:
    return Message("the plain copy {name}", name=path.name)


def _failed(reason: str) -> Message:
    return Message("the plain copy failed ({reason})", reason=reason)


def _seal(copy: Path, study_key: bytes | None) -> None:
    """The copy's seal (jdmdesk.db.copy_seal): its tables and chain head, MAC'd with a sub-key
    of the study key, so a change made to the plain file outside JDM Desk is found."""
    if study_key is None:
        raise BackupError(Message("the study is not encrypted: use backup without --plain"))
    conn = open_keyed(str(copy), None)
    try:
        seals.attach(conn, study_key)
        with write_transaction(wrap(conn)) as db:
            copy_seal.seal(db)
    finally:
        conn.close()
