"""What the user is told about backups: the newest one to restore when a study cannot open."""

from __future__ import annotations

from pathlib import Path

from jdmdesk.db.backup.policy import backup_time, newest_verified_backup
from jdmdesk.db.connection import Problem, StudyFileError
from jdmdesk.domain.texts import Message


def backup_hint(study_path: Path) -> Message | None:
    """One sentence naming the newest verified backup of a study, or ``None`` when none."""
    newest = newest_verified_backup(study_path)
    if newest is None:
        return None
    at = backup_time(newest)
    if at is None:
        return Message("The newest verified backup is {path} (made at an unknown time): "
                       "restore it into a new study file (jdmdesk restore {path} --output "
                       "NEW_STUDY).", path=newest)
    local = at.astimezone()
    return Message("The newest verified backup is {path} (made {date} {time}): restore it into "
                   "a new study file (jdmdesk restore {path} --output NEW_STUDY).", path=newest,
                   date=local.strftime("%Y-%m-%d"), time=local.strftime("%H:%M"))


def restore_helps(err: StudyFileError) -> bool:
    """Whether restoring a backup is worth offering: not for a missing file, nor when the file
    is sound and only the disk is full (a restore would need room too), nor when it is sound and
    only needs upgrading (its backups are as old as it is)."""
    return err.problem not in (Problem.MISSING, Problem.DISK_FULL, Problem.READ_ONLY)


def hint_for(err: StudyFileError) -> Message | None:
    """The backup to restore for this refusal, or None when none exists or it would not help."""
    return backup_hint(err.path) if restore_helps(err) else None


def describe_with_backup(err: StudyFileError) -> Message:
    """The refusal message, plus the newest verified backup to restore into a new file (the
    problem starts the sentence: ``problem_capitalized``)."""
    hint = hint_for(err)
    if err.message.endswith("."):
        return (Message("{problem_capitalized} {hint}", problem=err.message, hint=hint) if hint
                else Message("{problem_capitalized}", problem=err.message))
    return (Message("{problem_capitalized}. {hint}", problem=err.message, hint=hint) if hint
            else Message("{problem_capitalized}.", problem=err.message))
