"""What the user is told about a study's lock: who holds it, how old it is, how to clear it.

Every sentence is a :class:`~jdmdesk.domain.texts.Message` (English here, translated by the
window; the command line prints the English)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from jdmdesk.db.lock.protocol import LockInfo, breakable, parse_utc, silent_for
from jdmdesk.domain.texts import Message


def ago(span: timedelta | None) -> Message:
    """``3 minutes``, ``2 hours``, ``5 days``: a span as people say it."""
    if span is None:
        return Message("an unknown time")
    seconds = max(int(span.total_seconds()), 0)
    if seconds >= 86400:
        n = seconds // 86400
        return Message("1 day") if n == 1 else Message("{n} days", n=n)
    if seconds >= 3600:
        n = seconds // 3600
        return Message("1 hour") if n == 1 else Message("{n} hours", n=n)
    if seconds >= 60:
        n = seconds // 60
        return Message("1 minute") if n == 1 else Message("{n} minutes", n=n)
    return Message("less than a minute")


def _age(info: LockInfo, now: datetime | None) -> Message:
    since = parse_utc(info.since)
    return ago(None if since is None else (now or datetime.now(UTC)) - since)


def held_text(study: Path, info: LockInfo, now: datetime | None = None) -> Message:
    """The notice of a study open read-only because another instance holds it."""
    values = {"name": study.name, "user": info.user, "host": info.host,
              "since": info.since_local(), "age": _age(info, now),
              "silent": ago(silent_for(info, now))}
    if breakable(info, now):
        return Message("{name} is opened by {user} on {host} since {since} ({age} ago; last "
                       "sign of life {silent} ago): it is open read-only here, changes cannot "
                       "be saved. If {user} is no longer working on it (a crash, a computer "
                       "switched off), a data manager can break the lock (File ▸ Break the "
                       "lock…).", **values)
    return Message("{name} is opened by {user} on {host} since {since} ({age} ago; last sign of "
                   "life {silent} ago): it is open read-only here, changes cannot be saved.",
                   **values)


def in_use_text(study: Path, info: LockInfo, now: datetime | None = None) -> Message:
    return Message("The lock of {name} is held by {user} on {host}, who gave a sign of life "
                   "{silent} ago: it is in use and cannot be broken.", name=study.name,
                   user=info.user, host=info.host, silent=ago(silent_for(info, now)))


def confirm_break_text(study: Path, info: LockInfo, now: datetime | None = None) -> Message:
    return Message("{name} is locked by {user} on {host} since {since} ({age} ago); its last "
                   "sign of life was {silent} ago. Break the lock only if nobody is working on "
                   "the study: changes they have not saved yet would then be lost.",
                   name=study.name, user=info.user, host=info.host, since=info.since_local(),
                   age=_age(info, now), silent=ago(silent_for(info, now)))


def no_lock_text(study: Path) -> Message:
    return Message("{name} is not locked: nothing to break.", name=study.name)


def not_broken_text(study: Path) -> Message:
    return Message("The lock of {name} was left in place.", name=study.name)


def changed_text(study: Path) -> Message:
    return Message("The lock of {name} changed meanwhile (its holder came back, or another "
                   "instance took it): it was left in place.", name=study.name)


def broken_text(study: Path, info: LockInfo) -> Message:
    return Message("The lock that {user} on {host} held on {name} was broken.", user=info.user,
                   host=info.host, name=study.name)


def unavailable_text(study: Path, reason: str) -> Message:
    return Message("{name} cannot be locked for editing ({reason}): it is open read-only here.",
                   name=study.name, reason=reason)
