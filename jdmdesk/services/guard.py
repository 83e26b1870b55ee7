"""The one check every guarded service call makes before it writes or exports.

The role is read from the study file for each call (not trusted from the session object), so a
deactivated account or a changed role takes effect at once, whatever calls the service.
"""

from __future__ import annotations

from jdmdesk.db import accounts
from jdmdesk.db.connection import Study
from jdmdesk.domain.access import Action, Session, can, refusal
from jdmdesk.services.results import SaveResult, Status

READS = (Action.READ, Action.EXPORT, Action.BACKUP)  # allowed on a study opened read-only
READ_ONLY_MESSAGE = "The study is open read-only."


def denial(study: Study, session: Session, action: Action) -> str | None:
    """Why ``session`` may not do ``action`` now, or None when it may."""
    if study.read_only and action not in READS:
        return READ_ONLY_MESSAGE
    role = accounts.active_role(study.db, session.username)
    if role is None:
        return "Your account is not active in this study."
    if not can(role, action):
        return refusal(role, action)
    return None


def forbidden(study: Study, session: Session, action: Action) -> SaveResult | None:
    """``denial`` as the FORBIDDEN result a service call returns, or None when allowed."""
    problem = denial(study, session, action)
    return None if problem is None else SaveResult(Status.FORBIDDEN, message=problem)
