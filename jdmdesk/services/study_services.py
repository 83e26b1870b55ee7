"""The services of one open study, built by the composition root (app.py) and handed to the
window: one object so the views receive a single dependency."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jdmdesk.domain.access import Session
from jdmdesk.domain.clock import Clock
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.chart import ChartSource
from jdmdesk.services.maintenance import MaintenanceService
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.review import ReviewService
from jdmdesk.services.settings import SettingsService
from jdmdesk.services.signoff import SignoffService


@dataclass
class StudyServices:
    path: Path
    session: Session
    clock: Clock  # the one clock every service and the idle auto-lock share
    records: RecordService
    reader: StudyReader
    settings: SettingsService
    maintenance: MaintenanceService
    review: ReviewService
    accounts: AccountService
    signoff: SignoffService
    chart: ChartSource
    notices: list[str] = field(default_factory=list)  # banner sentences (read-only, share…)
