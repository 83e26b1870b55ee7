"""The export's derived ages and study days come from domain.timeline, the one home of both."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jdmdesk.db.export_queries import PatientContext
from jdmdesk.domain import timeline
from jdmdesk.export import analysis, rows

dates = st.dates(date(2000, 1, 1), date(2030, 12, 31))


def _visit_columns(birth: date, day0: date | None) -> tuple[rows.Table, PatientContext]:
    ctx = PatientContext("p", "P-001", birth.isoformat(),
                         None if day0 is None else day0.isoformat(), "F")
    return rows.record_table("visit", identified=False, include_free_text=False), ctx


@given(dates, dates, st.one_of(st.none(), dates))
def test_export_age_and_study_day_are_the_timeline_rules(birth, on, day0):
    table, ctx = _visit_columns(birth, day0)
    rec = {"visit_date": on.isoformat(), "missing": {}}
    assert table.column("visit_date_age").get(rec, ctx) == timeline.age_years(birth, on)
    assert table.column("visit_date_day").get(rec, ctx) == timeline.study_day(on, day0)
    patient = rows.record_table("patient", identified=True, include_free_text=False)
    assert patient.column("tacrolimus_start_age").get({}, ctx) == \
        timeline.age_years(birth, day0)


def test_export_rows_call_the_timeline_functions(monkeypatch):
    from jdmdesk.export import columns

    monkeypatch.setattr(columns, "age_years", lambda birth, on: -1.0)
    monkeypatch.setattr(analysis, "age_years", lambda birth, on: -1.0)
    monkeypatch.setattr(columns, "study_day", lambda day, start: -2)
    table, ctx = _visit_columns(date(2014, 1, 1), date(2024, 1, 1))
    rec = {"visit_date": (date(2024, 1, 1) + timedelta(days=3)).isoformat(), "missing": {}}
    assert table.column("visit_date_age").get(rec, ctx) == -1.0
    assert table.column("visit_date_day").get(rec, ctx) == -2
    assert analysis.analysis_table(identified=False).column("tacrolimus_start_age") \
        .get(rec, ctx) == -1.0


def test_export_has_the_prednisolone_equivalent_per_kg_beside_the_drugs_own_mg_per_kg():
    from jdmdesk.domain import medication as med

    table = rows.record_table("medication", identified=False, include_free_text=False)
    ctx = PatientContext("p", "P-001", "2014-01-01", "2024-01-01", "F")
    rec = {"drug": "methylprednisolone", "route": "oral", "dose_amount": 16.0,
           "dose_unit": "mg", "frequency": "od", "start_date": "2024-01-01",
           "end_date": None, "weight_kg_at_start": 40.0, "missing": {}}
    assert table.column("dose_mg_kg_day").get(rec, ctx) == 0.4  # methylprednisolone's own
    assert table.column("pred_eq_mg_kg_day").get(rec, ctx) == 0.5  # 16 × 1.25 / 40
    assert table.column("pred_eq_mg_kg_day").get(rec, ctx) == round(
        med.pred_eq_mg_kg_day(med.Segment.from_values(rec), 40.0), 4)
    assert table.column("pred_eq_mg_kg_day").unit == "mg/kg/day"
    tac = {**rec, "drug": "tacrolimus", "dose_amount": 2.0, "frequency": "bd"}
    assert table.column("dose_mg_kg_day").get(tac, ctx) == 0.1
    assert table.column("pred_eq_mg_kg_day").get(tac, ctx) is None


def test_tacrolimus_dose_on_a_day_counts_systemic_segments_given_that_day():
    from jdmdesk.domain import medication as med

    def seg(**kw: object) -> med.Segment:
        values = {"drug": "tacrolimus", "route": "oral", "dose_amount": 1.5, "dose_unit": "mg",
                  "frequency": "bd", "start_date": "2024-01-01", "end_date": "2024-01-31",
                  **kw}
        return med.Segment.from_values(values)

    day = date(2024, 1, 10)
    assert med.tacrolimus_mg_on(day, [seg()], []) == 3.0
    assert med.tacrolimus_mg_on(day, [seg(), seg(route="topical")], []) == 3.0
    assert med.tacrolimus_mg_on(date(2024, 2, 1), [seg()], []) == 0.0
    assert med.tacrolimus_mg_on(day, [seg(dose_unit="mg/kg", dose_amount=0.05)],
                                [(date(2024, 1, 1), 40.0)]) == 4.0
    assert med.tacrolimus_mg_on(day, [seg(dose_unit="mg/m2")], []) is None
