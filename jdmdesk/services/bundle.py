"""The services of one open study, built by the composition root and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jdmdesk.domain.access import Session
from jdmdesk.services.accounts import AccountService
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
    records: RecordService
    reader: StudyReader
    settings: SettingsService
    maintenance: MaintenanceService
    review: ReviewService
    accounts: AccountService
    signoff: SignoffService
    notices: list[str] = field(default_factory=list)  # banner sentences (read-only, share…)
    chart: Any = None  # services.chart.ChartService
