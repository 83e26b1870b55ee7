"""What the entry views read from the services, typed as Protocols: a stored record and a line
of its audit trail. The services hand over their own dataclasses, which satisfy these by shape;
the ui names only what it reads, and never imports the db layer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol


class StoredRecord(Protocol):
    """One record as the tables show it."""

    @property
    def id(self) -> str: ...

    @property
    def values(self) -> Mapping[str, Any]: ...  # field name -> stored value

    @property
    def deleted(self) -> bool: ...


class AuditLine(Protocol):
    """One change of one field, as the History tab shows it."""

    @property
    def at_utc(self) -> str: ...

    @property
    def user(self) -> str: ...

    @property
    def action(self) -> str: ...

    @property
    def field(self) -> str | None: ...

    @property
    def old_value(self) -> str | None: ...

    @property
    def new_value(self) -> str | None: ...

    @property
    def reason(self) -> str | None: ...


class LoadRecords(Protocol):
    """A patient's records of one kind, oldest first (``StudyReader.records``)."""

    def __call__(self, kind: str, patient_id: str, *,
                 include_deleted: bool = False) -> Sequence[StoredRecord]: ...
