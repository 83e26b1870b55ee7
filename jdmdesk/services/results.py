"""What a service call tells its caller: saved, or why not, per field."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    SAVED = "saved"
    UNCHANGED = "unchanged"
    INVALID = "invalid"  # hard errors: nothing written
    NEEDS_CONFIRMATION = "needs_confirmation"  # soft warnings: confirm with a reason
    NEEDS_REASON = "needs_reason"  # editing or deleting a saved record
    FAILED = "failed"  # the database refused or the disk failed: rolled back
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class SaveResult:
    status: Status
    record_ids: tuple[str, ...] = ()
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (Status.SAVED, Status.UNCHANGED)

    @property
    def record_id(self) -> str | None:
        return self.record_ids[0] if self.record_ids else None
