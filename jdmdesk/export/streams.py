"""Walking several row streams, each ordered by patient, side by side."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

Row = TypeVar("Row")


class PatientPeek(Generic[Row]):
    """A (patient id, row) stream ordered by patient: take one patient's rows at a time."""

    def __init__(self, it: Iterator[tuple[str, Row]]) -> None:
        self.it = it
        self.head: tuple[str, Row] | None = next(it, None)

    def take(self, patient_id: str) -> Iterator[Row]:
        while self.head is not None and self.head[0] == patient_id:
            row = self.head[1]
            self.head = next(self.it, None)
            yield row
