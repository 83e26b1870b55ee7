"""What the user is told about backups: the newest one to restore when a study cannot open."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.db.backup.policy import backup_time, newest_verified_backup
from jdmdesk.db.connection import Problem, StudyFileError


def backup_hint(study_path: Path) -> str | None:
    """One sentence naming the newest verified backup of a study, or ``None`` when none."""
    newest = newest_verified_backup(study_path)
    if newest is None:
        return None
    at = backup_time(newest)
    when = at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "an unknown time"
    return (f"The newest verified backup is {newest} (made {when}): restore it into a new "
            f"study file (jdmdesk restore {newest} --output NEW_STUDY).")


def restore_helps(err: StudyFileError) -> bool:
    """Whether restoring a backup is worth offering: not for a missing file, nor when the file
    is sound and only the disk is full (a restore would need room too), nor when it is sound and
    only needs upgrading (its backups are as old as it is)."""
    return err.problem not in (Problem.MISSING, Problem.DISK_FULL, Problem.READ_ONLY)


def hint_for(err: StudyFileError) -> str | None:
    """The backup to restore for this refusal, or None when none exists or it would not help."""
    return backup_hint(err.path) if restore_helps(err) else None


def describe_with_backup(err: StudyFileError) -> str:
    """The refusal message, plus the newest verified backup to restore into a new file."""
    text = err.message[:1].upper() + err.message[1:]
    if not text.endswith("."):
        text += "."
    hint = hint_for(err)
    return f"{text} {hint}" if hint else text
