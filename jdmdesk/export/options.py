"""What an export is asked to do, how it reports progress, and how it fails."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

FORMATS: tuple[str, ...] = ("bundle", "xlsx", "odm", "redcap", "stata", "spss")
SUFFIXES: dict[str, str] = {"bundle": ".zip", "xlsx": ".xlsx", "odm": ".xml", "redcap": ".zip",
                           "stata": ".zip", "spss": ".zip"}

# done, total: rows written so far and rows to write in all
ProgressCallback = Callable[[int, int], None]


class ExportError(Exception):
    """A failure to show the user as one line (no traceback). ``code`` is the CLI exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class ExportCancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("export cancelled: nothing was written", 1)


@dataclass(frozen=True)
class ExportOptions:
    format: str = "bundle"
    identified: bool = False  # keep calendar dates, birth date and initials
    include_free_text: bool = False  # keep notes, audit reasons
    force: bool = False  # replace an existing output file

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ExportError(f"unknown export format {self.format!r}: choose one of "
                              f"{', '.join(FORMATS)}", 2)

    @property
    def pseudonymised(self) -> bool:
        return not self.identified

    def as_dict(self) -> dict[str, object]:
        return {"format": self.format, "identified": self.identified,
                "include_free_text": self.include_free_text}


@dataclass
class CancelToken:
    """Thread-safe cancel flag; the writers poll it every few hundred rows."""

    _event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class Progress:
    """Counts rows across the writers, reports now and then, and raises on cancel."""

    EVERY = 500

    def __init__(self, total: int, callback: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._callback = callback
        self._cancel = cancel
        self._next = 0

    def check(self) -> None:
        if self._cancel is not None and self._cancel.cancelled:
            raise ExportCancelled

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self._next:
            self._next = self.done + self.EVERY
            self.check()
            if self._callback is not None:
                self._callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.check()
        if self._callback is not None:
            self._callback(self.total, self.total)
