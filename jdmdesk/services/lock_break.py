"""Breaking the lock of an instance that stopped (a crash, a computer switched off), for a
data manager: the lock is removed after confirmation, taken at once by this instance so no one
else slips in, the study opened writable under it, and the break recorded in the audit trail
with whose lock it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from jdmdesk.db.connection import Study
from jdmdesk.db.lock import OpenedStudy, break_lock, open_locked, os_user
from jdmdesk.db.lock.record import record_broken
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.texts import Message
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status, commit


def break_study_lock(study: Study | None, path: Path, session: Session,
                     confirm: Callable[[str], bool]) -> tuple[ServiceResult, OpenedStudy | None]:
    """Break ``path``'s lock if its holder stopped and ``confirm`` agrees. ``study`` is the
    read-only study the session has open (its account row gives the role; None when the
    caller checked the role itself). On success, the study opened writable under this
    instance's new lock comes back with the result (the caller closes it)."""
    if study is not None and (refused := refusal(study, session, Action.BREAK_LOCK)):
        return refused, None
    done = break_lock(Path(path), confirm=confirm)
    if not done.broken or done.info is None:
        return ServiceResult(Status.UNCHANGED, message=done.message), None
    broken = done.info
    opened = open_locked(Path(path), user=os_user())
    if opened.lock is None or opened.study.read_only:
        opened.close()
        return ServiceResult.failed(Message(
            "The lock was broken, but the study could not be opened for editing: {why}",
            why=" ".join(opened.notices) or "another instance took it first")), None

    def work(db: Database) -> ServiceResult:
        record_broken(db, session.username, broken)
        return ServiceResult(Status.SAVED)

    written = commit(opened.study, work)
    if not written.ok:
        opened.close()
        return written, None
    return ServiceResult(Status.SAVED, message=done.message), opened
