"""Verified backups of a study, their automatic policy, and restoring one.

Three rooms: :mod:`.verified_copy` (the mechanism: online backup API, verification, restore
into a new file), :mod:`.policy` (where automatic backups go, when one is due, rotation, the
newest verified one) and :mod:`.messages` (what the user is told). Callers import from here.
"""

from jdmdesk.db.backup.messages import (
    backup_hint,
    describe_with_backup,
    hint_for,
    restore_helps,
)
from jdmdesk.db.backup.policy import (
    BACKUP_FOLDER,
    DUE_AFTER,
    KEEP_DAYS,
    KEEP_NEWEST,
    automatic_backups,
    backup_due,
    backup_folder,
    backup_on_close,
    backup_on_open_if_due,
    backup_time,
    newest_backup_time,
    newest_verified_backup,
    pre_migration_backup,
    rotate,
    sequence,
)
from jdmdesk.db.backup.verified_copy import (
    BackupError,
    Restored,
    Source,
    UnverifiedBackup,
    backup_study,
    content_problems,
    is_verified,
    restore_backup,
    restore_checked,
    verify_backup,
)
from jdmdesk.db.clock import clock_behind

__all__ = [
    "BACKUP_FOLDER",
    "DUE_AFTER",
    "KEEP_DAYS",
    "KEEP_NEWEST",
    "BackupError",
    "Restored",
    "Source",
    "UnverifiedBackup",
    "automatic_backups",
    "backup_due",
    "backup_folder",
    "backup_hint",
    "backup_on_close",
    "backup_on_open_if_due",
    "backup_study",
    "backup_time",
    "clock_behind",
    "content_problems",
    "describe_with_backup",
    "hint_for",
    "is_verified",
    "newest_backup_time",
    "newest_verified_backup",
    "pre_migration_backup",
    "restore_backup",
    "restore_checked",
    "restore_helps",
    "rotate",
    "sequence",
    "verify_backup",
]
