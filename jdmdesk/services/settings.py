"""Study settings changes: validated, audited, signalled after commit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from jdmdesk.db import queries
from jdmdesk.db.connection import Study
from jdmdesk.db.settings_repo import write_settings
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.settings_rules import unknown_setting_problems, validate_settings
from jdmdesk.domain.texts import Message
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status, commit


class SettingsService(QObject):
    changed = Signal(list)  # keys that changed

    def __init__(self, study: Study, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study, self.session = study, session

    def current(self) -> StudySettings:
        return queries.read_settings(self.study.db)

    def update(self, changes: Mapping[str, Any], reason: str) -> ServiceResult:
        if (refused := refusal(self.study, self.session, Action.STUDY_SETTINGS)) is not None:
            return refused
        errors = unknown_setting_problems(changes) \
            or validate_settings({**queries.raw_settings(self.study.db), **changes})
        if errors:
            return ServiceResult(Status.INVALID, errors=errors,
                                 message=Message("Settings not saved."))
        if not reason.strip():
            return ServiceResult(Status.NEEDS_REASON, message=Message("A reason is needed."))

        def write(db: Database) -> ServiceResult:
            n = write_settings(db, self.session.username, changes, reason.strip())
            if n == 0:
                return ServiceResult(Status.UNCHANGED, message=Message("No changes."))
            return ServiceResult(Status.SAVED, message=Message("{n} setting(s) saved.", n=n))

        result = commit(self.study, write)
        if result.status is Status.SAVED:
            self.changed.emit(sorted(changes))
        return result
