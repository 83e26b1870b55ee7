"""The services of one open study, built by the composition root and handed to the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.settings import SettingsService


@dataclass
class StudyServices:
    path: Path
    user: str
    records: RecordService
    reader: StudyReader
    settings: SettingsService
    chart: Any = None  # services.chart.ChartService once built
