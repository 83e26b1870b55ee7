"""Backups and restores for the window's File menu (the storage work is in db.backup)."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from jdmdesk.crypto.keys import KdfParams
from jdmdesk.db import accounts, backup
from jdmdesk.db.backup.encrypt_plain import Encrypted, encrypt_plain_study
from jdmdesk.db.connection import Study, is_plain
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.texts import Message, text_of
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status


class MaintenanceService:
    """Manual backup and restore copy identified data out of the app: data managers only."""

    def __init__(self, study: Study, session: Session) -> None:
        self.study, self.session = study, session

    def suggested_backup_path(self) -> Path:
        return backup.backup_folder(self.study.path) / f"{self.study.path.stem}-manual.jdm"

    def backup_to(self, dest: Path) -> ServiceResult:
        """Verified copy of the open study; the message is for the status bar."""
        if (refused := refusal(self.study, self.session, Action.BACKUP)) is not None:
            return refused
        try:
            done = backup.backup_study(self.study.path, Path(dest))
        except (backup.BackupError, OSError) as err:
            return ServiceResult.failed(Message("Backup failed: {error}", error=text_of(err)))
        return ServiceResult(Status.SAVED, message=Message("Verified backup written to {path}",
                                                            path=str(done)))

    def restore(self, source: Path, new_path: Path) -> ServiceResult:
        """Restore a backup into a new study file (never over an existing one)."""
        if (refused := refusal(self.study, self.session, Action.BACKUP)) is not None:
            return refused
        try:
            done = backup.restore_backup(Path(source), Path(new_path))
        except (backup.BackupError, OSError) as err:
            return ServiceResult.failed(Message("Restore failed: {error}", error=text_of(err)))
        return ServiceResult(Status.SAVED, message=Message(
            "Backup restored into {path}; open it with File ▸ Open.", path=str(done)))

    def is_plain_study(self) -> bool:
        """A study made before encryption: it opens read-only, with the offer of an encrypted
        copy (never converted in place)."""
        return self.study.key is None and is_plain(self.study.path)

    def encrypt_copy(self, dest: Path, password: str) -> tuple[ServiceResult, Encrypted | None]:
        """Write an encrypted copy of this plain study at ``dest`` (data manager; the password
        again, so the new study key is wrapped for it). The result's message is for the user;
        the Encrypted carries the recovery key, to be shown once."""
        if (refused := refusal(self.study, self.session, Action.BACKUP)) is not None:
            return refused, None
        if not self.is_plain_study():
            return ServiceResult.refused(Message("This study is already encrypted.")), None
        account = accounts.by_username(self.study.db, self.session.username)
        try:
            if account is None:
                raise VerificationError
            PasswordHasher().verify(account.password_hash, password.encode("utf-8",
                                                                           "surrogatepass"))
        except (VerificationError, InvalidHashError):
            return ServiceResult(Status.INVALID, errors={"password": "wrong password"},
                                 message=Message("Wrong password: no copy written.")), None
        try:
            done = encrypt_plain_study(self.study.path, Path(dest),
                                       username=self.session.username, password=password,
                                       kdf=KdfParams())
        except (backup.BackupError, OSError) as err:
            return ServiceResult.failed(Message("The encrypted copy was not written: {error}",
                                                error=text_of(err))), None
        written = (Message("Encrypted copy written to {path}; open it with File ▸ Open. Set a "
                           "new password for {users} (Tools ▸ Users) before they can open it.",
                           path=str(done.path), users=", ".join(done.without_key))
                   if done.without_key else
                   Message("Encrypted copy written to {path}; open it with File ▸ Open.",
                           path=str(done.path)))
        return ServiceResult(Status.SAVED, message=written), done
