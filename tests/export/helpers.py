"""Small hand-made studies for the export tests (no Qt: repository writes only)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from jdmdesk.db import records as repo
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Role, Session
from tests.conftest import NAMES, USERNAMES, seed_users

MANAGER = Session(USERNAMES[Role.DATA_MANAGER], NAMES[Role.DATA_MANAGER], Role.DATA_MANAGER)

FORMULA_TERMS = ("=HYPERLINK(\"http://x\",\"y\")", "+SUM(A1)", "-tremor", "@cmd", "\tTab",
                 "\rCR")


def make_study(path: Path, *, initials: str = "AB", birth: str = "2014-03-05",
               tac_start: str = "2024-06-01", dates: tuple[str, ...] = ("2024-05-20",
                                                                        "2024-07-02"),
               note: str = "Seen by Dr Smith", extra_patient: bool = True,
               user: str = "nurse.jones") -> Path:
    study = create_study(path)
    db = study.db
    try:
        with write_transaction(db):
            pid = repo.insert(db, user, "patient",
                              {"study_code": "P-001", "initials": initials, "sex": "F",
                               "birth_date": birth, "onset_date": dates[0],
                               "note": note}, {"diagnosis_date": "unknown"})
            repo.insert(db, user, "medication",
                        {"drug": "tacrolimus", "route": "oral", "dose_amount": 1.5,
                         "dose_unit": "mg", "frequency": "bd", "start_date": tac_start,
                         "change_reason": "start", "note": note}, {}, patient_id=pid)
            for i, d in enumerate(dates):
                repo.insert(db, user, "visit",
                            {"visit_date": d, "weight_kg": 30.5, "sbp": 110 + i,
                             "dbp": 70, "phga": 3.2, "das_skin": 2, "das_muscle": 3,
                             "skin_gottron": 1, "note": note},
                            {"height_cm": "not_done"}, patient_id=pid)
                repo.insert(db, user, "lab",
                            {"sample_date": d, "sample_time": "08:30", "analyte": "CK",
                             "value": 5.0 + i, "unit": "µkat/L", "ref_low": 0.0,
                             "ref_high": 2.4, "note": note}, {},
                            patient_id=pid, extra={"sample_id": "0" * 35 + str(i),
                                                   "value_canonical": (5.0 + i) * 60})
            for term in FORMULA_TERMS:
                repo.insert(db, user, "adverse_event",
                            {"onset_date": dates[-1], "term": term, "category": "other",
                             "grade": "1", "serious": 0, "relatedness": "possible",
                             "note": note}, {"outcome": "unknown"}, patient_id=pid)
            if extra_patient:
                other = repo.insert(db, user, "patient",
                                    {"study_code": "P-002", "sex": "M",
                                     "birth_date": "2012-01-01"}, {})
                repo.insert(db, user, "visit", {"visit_date": "2023-02-03", "sbp": 100},
                            {}, patient_id=other)
        seed_users(study)
    finally:
        study.close()
    return path


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def read_csv(data: bytes) -> list[dict[str, Any]]:
    import csv

    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def validate_bundle(members: dict[str, bytes]) -> dict[str, Any]:
    """Validate a bundle's CSVs against its datapackage.json with the frictionless library
    (types, formats, enums, ranges, keys, bytes and hash); returns the descriptor."""
    import json
    import tempfile

    from frictionless import validate

    with tempfile.TemporaryDirectory() as tmp:
        for name, data in members.items():
            (Path(tmp) / name).write_bytes(data)
        report = validate(str(Path(tmp) / "datapackage.json"))
        problems = report.flatten(["type", "note"]) if not report.valid else []
        errors = [e for task in report.tasks for e in task.errors][:10]
        assert report.valid, (problems[:10], [e.message for e in errors])
    descriptor: dict[str, Any] = json.loads(members["datapackage.json"])
    return descriptor
