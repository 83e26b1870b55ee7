"""Is this computer's clock behind the study? The audit trail's newest time says so.

Backups are ordered by sequence number, so a wrong clock no longer loses them; but audit rows
and sign-offs are stamped with it, so the user is told when it is plainly wrong.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from jdmdesk.db.driver import Error
from jdmdesk.domain.texts import Message

# Clocks drift and are corrected by a few seconds to minutes: only more than this is told.
CLOCK_TOLERANCE = timedelta(minutes=5)


def newest_change(db: Database) -> datetime | None:
    """The time of the newest audit row (UTC), or None for an empty or unreadable trail."""
    try:
        row = db.conn.execute("SELECT max(at_utc) FROM audit_log").fetchone()
    except Error:
        return None
    if not row or not row[0]:
        return None
    try:
        return datetime.fromisoformat(str(row[0]).replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def clock_behind(db: Database, now: datetime | None = None) -> str | None:
    """A sentence for the user when the clock is earlier than the study's newest change."""
    newest = newest_change(db)
    at = now or datetime.now(UTC)
    if newest is None or at >= newest - CLOCK_TOLERANCE:
        return None
    return Message("This computer's clock ({now}) is earlier than the study's newest change "
                   "({newest}): set the date and time right before entering data. Changes and "
                   "backups are kept in the order they are made, but they are stamped with this "
                   "clock.", now=at.astimezone().strftime("%Y-%m-%d %H:%M"),
                   newest=newest.astimezone().strftime("%Y-%m-%d %H:%M"))
