"""The one check every guarded service call makes before it writes, exports or backs up.

"May not" has one name in the services: a *refusal*, the FORBIDDEN ``ServiceResult`` that says
why (``refusal`` here for roles and read-only files, ``RecordService.refusal`` adding signed
visits). The role is read from the study file for each call (not trusted from the session
object), so a deactivated account or a changed role takes effect at once, whatever calls it.
"""

from __future__ import annotations

from jdmdesk.db import accounts
from jdmdesk.db.connection import Study
from jdmdesk.domain import access
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.texts import Message
from jdmdesk.services.results import ServiceResult

# allowed on a study opened read-only (a lock is broken from the read-only side: the break
# itself opens the study writable under a new lock)
READS = (Action.READ, Action.EXPORT, Action.BACKUP, Action.BREAK_LOCK)
READ_ONLY_MESSAGE = Message("The study is open read-only.")


def refusal(study: Study, session: Session, action: Action) -> ServiceResult | None:
    """Why ``session`` may not do ``action`` now (a FORBIDDEN result), or None when it may."""
    if study.read_only and action not in READS:
        return ServiceResult.refused(READ_ONLY_MESSAGE)
    role = accounts.active_role(study.db, session.username)
    if role is None:
        return ServiceResult.refused(Message("Your account is not active in this study."))
    if not access.can(role, action):
        return ServiceResult.refused(access.refusal(role, action))
    return None
