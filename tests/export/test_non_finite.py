"""No export writes inf or NaN (issue 15, item 5), whatever the study file holds.

Entry refuses absurd reference limits (tests/domain/test_reference_limits.py); this study is
written through the db layer, as an older version or another tool could have, with a reference
limit of 1e-320: the ULN multiple 2000 / 1e-320 overflows to inf.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from jdmdesk.db import records as repo
from jdmdesk.db.connection import write_transaction
from jdmdesk.db.queries import patient_id_by_code
from jdmdesk.db.studyfile import open_study
from jdmdesk.domain import labs
from jdmdesk.export import ExportOptions
from jdmdesk.services.exports import run_export
from tests.export.helpers import MANAGER

from .helpers import make_study, read_members
from .xlsx_cells import workbook_cells

NON_FINITE = re.compile(r"(?<![A-Za-z])(-?inf(inity)?|nan)(?![A-Za-z])", re.IGNORECASE)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = make_study(tmp_path / "s.jdm")
    study = open_study(path)
    try:
        with write_transaction(study.db) as db:
            pid = patient_id_by_code(db, "P-001")
            # value / ref_high overflows to inf (the schema's triggers keep value_canonical
            # within the analyte's plausibility limits, so that cannot be inf)
            repo.insert(db, "nurse", "lab",
                        {"sample_date": "2024-07-02", "analyte": "CK", "value": 2_000.0,
                         "unit": "U/L", "ref_low": 0.0, "ref_high": 1e-320}, {},
                        patient_id=pid, extra={"sample_id": "1" * 36,
                                               "value_canonical": 2_000.0})
    finally:
        study.close()
    return path


def test_the_uln_multiple_of_a_subnormal_limit_is_unknown():
    assert labs.uln_multiple(2_000.0, "CK", "U/L", 1e-320) is None
    assert labs.uln_multiple(1e308, "CK", "U/L", 1e-3) is None
    assert labs.uln_multiple(math.nan, "CK", "U/L", 145.0) is None
    assert labs.uln_canonical("CK", "U/L", math.inf) is None
    assert labs.uln_multiple(290.0, "CK", "U/L", 145.0) == 2.0


def _texts(path: Path, fmt: str) -> dict[str, str]:
    if fmt in ("bundle", "redcap"):
        return {n: b.decode("utf-8") for n, b in read_members(path).items()}
    if fmt == "odm":
        return {"odm": path.read_text(encoding="utf-8")}
    return {f"{sheet}!{ref}": v for sheet, cells in workbook_cells(path).items()
            for ref, v in cells.items()}


@pytest.mark.parametrize("fmt", ["bundle", "xlsx", "odm", "redcap"])
@pytest.mark.parametrize("identified", [False, True])
def test_no_export_writes_inf_or_nan(study, tmp_path, fmt, identified):
    out = tmp_path / f"out.{fmt}"
    run_export(study, out, ExportOptions(fmt, identified=identified), session=MANAGER)
    for name, text in _texts(out, fmt).items():
        if name == "data_dictionary.csv" or name.startswith("data_dictionary!"):
            continue  # labels and descriptions are prose
        found = NON_FINITE.search(text)
        assert found is None, (name, text[max(0, found.start() - 80):found.end() + 20])
