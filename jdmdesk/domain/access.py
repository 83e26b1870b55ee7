"""Who may do what: the role matrix of the study (issue: access control).

Data entry creates and edits clinical records; a reviewer reads everything and signs visits; a
data manager exports, changes study settings, manages users, unlocks signed visits and restores
deleted records. Everyone may read.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    DATA_ENTRY = "data_entry"
    REVIEWER = "reviewer"
    DATA_MANAGER = "data_manager"


class Action(StrEnum):
    READ = "read"
    EDIT_RECORDS = "edit_records"  # create, edit and delete clinical records
    SIGN_VISIT = "sign_visit"
    EXPORT = "export"
    STUDY_SETTINGS = "study_settings"
    MANAGE_USERS = "manage_users"
    UNLOCK_VISIT = "unlock_visit"
    UNDELETE = "undelete"


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.DATA_ENTRY: frozenset({Action.READ, Action.EDIT_RECORDS}),
    Role.REVIEWER: frozenset({Action.READ, Action.SIGN_VISIT}),
    Role.DATA_MANAGER: frozenset({Action.READ, Action.EXPORT, Action.STUDY_SETTINGS,
                                  Action.MANAGE_USERS, Action.UNLOCK_VISIT, Action.UNDELETE}),
}

ROLE_LABELS = {Role.DATA_ENTRY: "Data entry", Role.REVIEWER: "Reviewer",
               Role.DATA_MANAGER: "Data manager"}


def can(role: Role | str, action: Action | str) -> bool:
    return Action(action) in PERMISSIONS[Role(role)]


MAX_FAILED_ATTEMPTS = 5
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600


def backoff_seconds(failed_attempts: int) -> int:
    """Wait before the next attempt: none for the first 5 failures, then 30 s doubling each
    further failure, at most an hour."""
    if failed_attempts < MAX_FAILED_ATTEMPTS:
        return 0
    return min(BACKOFF_MAX_SECONDS,
               BACKOFF_BASE_SECONDS * 2 ** (failed_attempts - MAX_FAILED_ATTEMPTS))


MIN_PASSWORD_LENGTH = 10


def password_problem(password: str, username: str) -> str | None:
    """Why a new password cannot be used, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"use at least {MIN_PASSWORD_LENGTH} characters"
    if username.lower() in password.lower():
        return "the password must not contain the user name"
    return None
