"""Study settings changes: validated, audited, signalled after commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from jdmdesk.db import queries
from jdmdesk.db.connection import Study, write_transaction
from jdmdesk.db.settings_repo import write_settings
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.settings_rules import validate_settings
from jdmdesk.services.guard import forbidden
from jdmdesk.services.records import describe_db_error
from jdmdesk.services.results import SaveResult, Status


class SettingsService(QObject):
    changed = Signal(list)  # keys that changed

    def __init__(self, study: Study, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study, self.session = study, session

    def current(self) -> StudySettings:
        return queries.read_settings(self.study.db)

    def update(self, changes: Mapping[str, Any], reason: str) -> SaveResult:
        if (refused := forbidden(self.study, self.session, Action.STUDY_SETTINGS)) is not None:
            return refused
        errors = validate_settings({**queries.raw_settings(self.study.db), **changes})
        if errors:
            return SaveResult(Status.INVALID, errors=errors, message="Settings not saved.")
        if not reason.strip():
            return SaveResult(Status.NEEDS_REASON, message="A reason is needed.")
        try:
            with write_transaction(self.study.db) as db:
                n = write_settings(db, self.session.username, changes, reason.strip())
        except sqlite3.Error as err:
            return SaveResult(Status.FAILED, message=describe_db_error(err))
        if n == 0:
            return SaveResult(Status.UNCHANGED, message="No changes.")
        self.changed.emit(sorted(changes))
        return SaveResult(Status.SAVED, message=f"{n} setting(s) saved.")
