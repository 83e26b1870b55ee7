"""Shared fixtures. Qt runs offscreen; every study lives in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from jdmdesk.db.connection import Study
from jdmdesk.db.studyfile import create_study

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window state goes to a temporary folder, never to the tester's own settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = create_study(tmp_path / "study.jdm")
    yield s
    s.close()


@pytest.fixture
def service(study: Study, qapp):
    from jdmdesk.services.records import RecordService

    return RecordService(study, "tester", today=lambda: TODAY)


@pytest.fixture
def patient_id(service) -> str:
    result = service.save("patient", {"study_code": "P-001", "sex": "F",
                                      "birth_date": "2015-04-02", "onset_date": "2020-01-10"})
    assert result.ok, result
    return result.record_id
