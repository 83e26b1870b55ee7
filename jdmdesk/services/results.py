"""What every service call tells its caller: done, or why not (per field where it applies).

One shape for all of them (``ServiceResult``); a refusal (the user may not, now) is a result
whose status is ``FORBIDDEN``, made by ``ServiceResult.refused``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlite_utils import Database

from jdmdesk.db.connection import Study, write_transaction
from jdmdesk.db.driver import Error as DbError
from jdmdesk.domain.texts import Message, text_of


class Status(StrEnum):
    SAVED = "saved"  # written (a record, a setting, a signature, a backup file)
    UNCHANGED = "unchanged"
    INVALID = "invalid"  # hard errors: nothing written
    NEEDS_CONFIRMATION = "needs_confirmation"  # soft warnings: confirm with a reason
    NEEDS_REASON = "needs_reason"  # editing or deleting a saved record
    FAILED = "failed"  # the database refused or the disk failed: rolled back
    FORBIDDEN = "forbidden"  # the user may not do this now (role, read-only, signed visit)


@dataclass(frozen=True)
class ServiceResult:
    status: Status
    record_ids: tuple[str, ...] = ()
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    message: str = ""

    @classmethod
    def refused(cls, message: str) -> ServiceResult:
        """The user may not do this now; ``message`` says why."""
        return cls(Status.FORBIDDEN, message=message)

    @classmethod
    def failed(cls, message: str) -> ServiceResult:
        return cls(Status.FAILED, message=message)

    @property
    def ok(self) -> bool:
        return self.status in (Status.SAVED, Status.UNCHANGED)

    @property
    def record_id(self) -> str | None:
        return self.record_ids[0] if self.record_ids else None


def describe_db_error(err: Exception) -> Message:
    """A sentence for the user about why the database refused the write (a :class:`Message`:
    the window translates it)."""
    text = text_of(err)
    low = str(text).lower()
    if "integrity check" in low:  # the held quick_check failed (db.connection.hold_writes)
        return Message("{problem_capitalized}.", problem=text)
    if "full" in low:
        return Message("The disk is full: nothing was saved. Free some space and save again.")
    if "readonly" in low or "read-only" in low:
        return Message("The study file is read-only: nothing was saved.")
    if "locked" in low or "busy" in low:
        return Message("The study file is busy in another program: nothing was saved. Try "
                       "again.")
    if "i/o" in low or "disk" in low:
        return Message("The disk reported an error ({error}): nothing was saved.", error=text)
    return Message("The database refused the change ({error}): nothing was saved.", error=text)


def commit(study: Study, work: Callable[[Database], ServiceResult]) -> ServiceResult:
    """Run ``work`` in one write transaction and return its result; when the database refuses
    (disk full, read-only, busy, a constraint) everything is rolled back and the result is
    FAILED with a sentence saying why. The one commit-or-describe-error of the services."""
    try:
        with write_transaction(study.db) as db:
            return work(db)
    except DbError as err:
        return ServiceResult.failed(describe_db_error(err))
