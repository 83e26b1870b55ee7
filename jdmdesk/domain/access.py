"""Who may do what: the role matrix of the study (issue: access control).

Data entry creates and edits clinical records; a reviewer reads everything and signs visits; a
data manager exports, changes study settings, manages users, unlocks signed visits and restores
deleted records. Everyone may read.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from jdmdesk.domain.parse import text_problem
from jdmdesk.domain.texts import Message


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
    BACKUP = "backup"  # manual backup and restore: a copy of identified data, like an export
    IMPORT_LABS = "import_labs"  # lab results from a hospital file (issue 20)
    UNDO_IMPORT = "undo_import"  # soft-delete a whole lab import
    BREAK_LOCK = "break_lock"  # remove the lock of an instance that stopped


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.DATA_ENTRY: frozenset({Action.READ, Action.EDIT_RECORDS, Action.IMPORT_LABS}),
    Role.REVIEWER: frozenset({Action.READ, Action.SIGN_VISIT}),
    Role.DATA_MANAGER: frozenset({Action.READ, Action.EXPORT, Action.STUDY_SETTINGS,
                                  Action.MANAGE_USERS, Action.UNLOCK_VISIT, Action.UNDELETE,
                                  Action.BACKUP, Action.IMPORT_LABS, Action.UNDO_IMPORT,
                                  Action.BREAK_LOCK}),
}

# Completes "… accounts may not ___." in the message a refused action gets.
ACTION_PHRASES = {
    Action.READ: Message("open this study"),
    Action.EDIT_RECORDS: Message("create, edit or delete clinical records"),
    Action.SIGN_VISIT: Message("sign visits"),
    Action.EXPORT: Message("export the study"),
    Action.STUDY_SETTINGS: Message("change study settings"),
    Action.MANAGE_USERS: Message("manage user accounts"),
    Action.UNLOCK_VISIT: Message("unlock signed visits"),
    Action.UNDELETE: Message("restore deleted records"),
    Action.BACKUP: Message("back up or restore the study"),
    Action.IMPORT_LABS: Message("import lab results"),
    Action.UNDO_IMPORT: Message("undo a lab import"),
    Action.BREAK_LOCK: Message("break a study's lock"),
}

ROLE_LABELS = {Role.DATA_ENTRY: "Data entry", Role.REVIEWER: "Reviewer",
               Role.DATA_MANAGER: "Data manager"}


def can(role: Role | str, action: Action | str) -> bool:
    return Action(action) in PERMISSIONS[Role(role)]


def refusal(role: Role | str, action: Action | str) -> str:
    """The sentence a user sees when their role may not do ``action``."""
    return Message("{role_label} accounts may not {action}.", role_label=ROLE_LABELS[Role(role)],
                   action=ACTION_PHRASES[Action(action)])


@dataclass(frozen=True)
class Session:
    """Who is logged in. Only ``AccountService`` makes these from a verified password; services
    still look the role up in the study file for every guarded action."""

    username: str
    display_name: str
    role: Role

    def can(self, action: Action | str) -> bool:
        return can(self.role, action)


@dataclass(frozen=True)
class Credentials:
    """A user name and password to open a study as (the password never appears in a repr)."""

    username: str
    password: str = field(repr=False)
    display_name: str = ""  # used only when these credentials create a study's first account


def unknown_user_label(salt: bytes, username: str) -> str:
    """How the audit trail names a login attempt under a name that is no account: a one-way
    fingerprint (HMAC-SHA256 keyed with the study's random salt, 24 bits), never the name as
    typed, which may be a password typed into the wrong field. The same name (ignoring case)
    gives the same label within a study, so repeated attempts can be seen and counted."""
    key = username.strip().casefold().encode("utf-8", "surrogatepass")
    return f"unknown user #{hmac.new(salt, key, hashlib.sha256).hexdigest()[:6]}"


MAX_FAILED_ATTEMPTS = 5
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600


def backoff_seconds(failed_attempts: int) -> int:
    """Wait before the next attempt: none for the first 5 failures, then 30 s doubling each
    further failure, at most an hour."""
    if failed_attempts < MAX_FAILED_ATTEMPTS:
        return 0
    doublings: int = 2 ** (failed_attempts - MAX_FAILED_ATTEMPTS)  # exponent ≥ 0 here
    return min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * doublings)


# Lengths of account names (also CHECK constraints of the schema's account table); far below
# Excel's 32 767 characters per cell, so an export never cuts a name typed through the app.
MIN_USERNAME_LENGTH = 2
MAX_USERNAME_LENGTH = 64
MAX_DISPLAY_NAME_LENGTH = 120


# A user name is an identifier shown in the audit trail and every export: it never starts like a
# spreadsheet formula.
FORMULA_STARTS = "=+-@"


def account_name_problem(username: str, display_name: str) -> str | None:
    """Why a user name or full (display) name, already stripped, cannot be used, or None.

    Both follow the text rule of notes (``parse.text_problem``); a user name is an identifier
    besides: printable characters only (no joiners either), no spaces, no formula start."""
    if (problem := text_problem(username, multiline=False)) is not None:
        return Message("the user name {problem}", problem=problem)
    if not MIN_USERNAME_LENGTH <= len(username) <= MAX_USERNAME_LENGTH \
            or not username.isprintable() or any(c.isspace() for c in username):
        return Message("the user name needs {low}–{high} characters without spaces",
                       low=MIN_USERNAME_LENGTH, high=MAX_USERNAME_LENGTH)
    if username[0] in FORMULA_STARTS:
        return Message("the user name must not start with {starts}",
                       starts=" ".join(FORMULA_STARTS))
    if (problem := text_problem(display_name, multiline=False)) is not None:
        return Message("the full name {problem}", problem=problem)
    if not 1 <= len(display_name) <= MAX_DISPLAY_NAME_LENGTH:
        return Message("the full name is required (at most {n} characters)",
                       n=MAX_DISPLAY_NAME_LENGTH)
    return None


MIN_PASSWORD_LENGTH = 10


# what password_problem checks, said before anyone types
PASSWORD_RULES = Message("At least {length} characters, and not containing the user name.",
                         length=MIN_PASSWORD_LENGTH)


def password_problem(password: str, username: str) -> str | None:
    """Why a new password cannot be used, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Message("use at least {length} characters", length=MIN_PASSWORD_LENGTH)
    if any(unicodedata.category(c) == "Cs" for c in password):
        return Message("the password contains an invalid character (unpaired surrogate)")
    if username.lower() in password.lower():
        return Message("the password must not contain the user name")
    return None
