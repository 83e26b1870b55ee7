"""Backups and restores for the window's File menu (the storage work is in db.backup)."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.db import backup
from jdmdesk.db.connection import Study
from jdmdesk.domain.access import Action, Session
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
            return ServiceResult.failed(f"Backup failed: {err}")
        return ServiceResult(Status.SAVED, message=f"Verified backup written to {done}")

    def restore(self, source: Path, new_path: Path) -> ServiceResult:
        """Restore a backup into a new study file (never over an existing one)."""
        if (refused := refusal(self.study, self.session, Action.BACKUP)) is not None:
            return refused
        try:
            done = backup.restore_backup(Path(source), Path(new_path))
        except (backup.BackupError, OSError) as err:
            return ServiceResult.failed(f"Restore failed: {err}")
        return ServiceResult(Status.SAVED,
                             message=f"Backup restored into {done}; open it with File ▸ Open.")
