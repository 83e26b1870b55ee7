"""Reads for the enzyme chart and the physician's review: one patient's lab results (as the
domain's :class:`LabResult`), medication segments and weights, deleted rows excluded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.medication import Segment

_LAB_COLUMNS = ("id, analyte, sample_date, sample_time, value, unit, value_canonical, "
                "ref_low, ref_high, censored")
_LAB_ORDER = "ORDER BY sample_date, sample_time, created_at"


def _lab_result(r: tuple[Any, ...]) -> LabResult:
    return LabResult(record_id=r[0], analyte=r[1], sample_date=date.fromisoformat(r[2]),
                     sample_time=r[3], value=float(r[4]), unit=r[5],
                     value_canonical=float(r[6]),
                     ref_low=r[7], ref_high=r[8], censored=r[9])


def chart_labs(db: Database, patient_id: str, analytes: Sequence[str]) -> list[LabResult]:
    """The patient's results for these analytes, in date order."""
    if not analytes:
        return []
    marks = ", ".join("?" * len(analytes))
    sql = (f"SELECT {_LAB_COLUMNS} FROM lab_result "
           f"WHERE patient_id = ? AND deleted = 0 AND analyte IN ({marks}) {_LAB_ORDER}")
    return [_lab_result(r) for r in db.conn.execute(sql, (patient_id, *analytes))]


def saved_labs(db: Database, patient_id: str, ids: Sequence[str]
               ) -> tuple[list[LabResult], set[str]] | None:
    """The patient's results with these ids that are not deleted, in date order, and the ids
    of those saved for the first time (never edited: the newest of their date); None when one
    of the ids is not the patient's (the chart then loads again)."""
    if not ids:
        return [], set()
    marks = ", ".join("?" * len(ids))
    rows = db.conn.execute(f"SELECT {_LAB_COLUMNS}, deleted, created_at = updated_at "
                           f"FROM lab_result WHERE patient_id = ? AND id IN ({marks}) "
                           f"{_LAB_ORDER}", (patient_id, *ids)).fetchall()
    if len(rows) != len(set(ids)):
        return None
    live = [r for r in rows if not r[-2]]
    return [_lab_result(r) for r in live], {r[0] for r in live if r[-1]}


def patient_labs(db: Database, patient_id: str) -> list[LabResult]:
    """All the patient's results, in date order."""
    sql = f"SELECT {_LAB_COLUMNS} FROM lab_result WHERE patient_id = ? AND deleted = 0 {_LAB_ORDER}"
    return [_lab_result(r) for r in db.conn.execute(sql, (patient_id,))]


def chart_segments(db: Database, patient_id: str) -> list[Segment]:
    """The patient's medication dose segments (all drugs), in start order."""
    sql = ("SELECT drug, route, dose_amount, dose_unit, frequency, start_date, end_date "
           "FROM medication WHERE patient_id = ? AND deleted = 0 "
           "ORDER BY start_date, created_at")
    return [Segment(r[0], r[1], float(r[2]), r[3], r[4], date.fromisoformat(r[5]),
                    date.fromisoformat(r[6]) if r[6] else None)
            for r in db.conn.execute(sql, (patient_id,))]


def chart_weights(db: Database, patient_id: str) -> list[tuple[date, float]]:
    """(visit date, weight kg) of the patient's visits with a weight, in date order."""
    sql = ("SELECT visit_date, weight_kg FROM visit WHERE patient_id = ? AND deleted = 0 "
           "AND weight_kg IS NOT NULL ORDER BY visit_date, created_at")
    return [(date.fromisoformat(r[0]), float(r[1]))
            for r in db.conn.execute(sql, (patient_id,))]


def study_code(db: Database, patient_id: str) -> str | None:
    row = db.conn.execute("SELECT study_code FROM patient WHERE id = ?",
                          (patient_id,)).fetchone()
    return row[0] if row else None
