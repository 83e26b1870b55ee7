"""Fixtures of the lab import tests: a study with two patients and the import service."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from tests.conftest import TODAY

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "lab_results_nl.csv"


@pytest.fixture
def patients(service) -> dict[str, str]:
    out = {}
    for code, hn in (("P-001", "1234567"), ("P-002", "7654321")):
        r = service.save("patient", {"study_code": code, "sex": "F", "birth_date": "2013-04-02",
                                     "hospital_number": hn})
        assert r.ok, r
        out[code] = r.record_id
    return out


@pytest.fixture
def importer(study, users, service):
    from jdmdesk.services.lab_import import LabImportService

    return LabImportService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY),
                            announce=service.announce)


@pytest.fixture
def manager_importer(study, users, service):
    from jdmdesk.services.lab_import import LabImportService

    return LabImportService(study, users[Role.DATA_MANAGER], FixedClock.on(TODAY),
                            announce=service.announce)


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
