"""What the user is told about a study's lock: who holds it, how old it is, how to clear it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from jdmdesk.db.lock.protocol import LockInfo, breakable, parse_utc, silent_for


def ago(span: timedelta | None) -> str:
    """``3 minutes``, ``2 hours``, ``5 days``: a span as people say it."""
    if span is None:
        return "an unknown time"
    seconds = max(int(span.total_seconds()), 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return "less than a minute"


def _age(info: LockInfo, now: datetime | None) -> str:
    since = parse_utc(info.since)
    return ago(None if since is None else (now or datetime.now(UTC)) - since)


def held_text(study: Path, info: LockInfo, now: datetime | None = None) -> str:
    """The notice of a study open read-only because another instance holds it."""
    text = (f"{study.name} is {info.describe()} ({_age(info, now)} ago; last sign of life "
            f"{ago(silent_for(info, now))} ago): it is open read-only here, changes cannot be "
            "saved.")
    if breakable(info, now):
        text += (f" If {info.user} is no longer working on it (a crash, a computer switched "
                 "off), a data manager can break the lock.")
    return text


def in_use_text(study: Path, info: LockInfo, now: datetime | None = None) -> str:
    return (f"The lock of {study.name} is held by {info.user} on {info.host}, who gave a sign "
            f"of life {ago(silent_for(info, now))} ago: it is in use and cannot be broken.")


def confirm_break_text(study: Path, info: LockInfo, now: datetime | None = None) -> str:
    return (f"{study.name} is locked by {info.user} on {info.host} since "
            f"{info.since_local()} ({_age(info, now)} ago); its last sign of life was "
            f"{ago(silent_for(info, now))} ago. Break the lock only if nobody is working on "
            "the study: changes they have not saved yet would then be lost.")


def no_lock_text(study: Path) -> str:
    return f"{study.name} is not locked: nothing to break."


def not_broken_text(study: Path) -> str:
    return f"The lock of {study.name} was left in place."


def changed_text(study: Path) -> str:
    return (f"The lock of {study.name} changed meanwhile (its holder came back, or another "
            "instance took it): it was left in place.")


def broken_text(study: Path, info: LockInfo) -> str:
    return (f"The lock that {info.user} on {info.host} held on {study.name} was broken: open "
            "the study again to edit it.")
