"""The Myositis Damage Index (issue 17 A10): catalogue, scoring, validation, review."""

from __future__ import annotations

from datetime import date

from jdmdesk.domain import mdi
from jdmdesk.domain.fields import VISIT, Kind
from jdmdesk.domain.review import review_patient
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.totals import visit_totals
from jdmdesk.domain.validation import Context, validate

CTX = Context(today=date(2025, 1, 1))
SYSTEM_KEYS = ("mus", "skel", "cut", "gi", "pulm", "cv", "pv", "endo", "ocul", "infect",
               "malig", "other")


def _all_vas(value: str) -> dict[str, str]:
    return {s.vas_field: value for s in mdi.SYSTEMS}


def test_the_catalogue_has_every_organ_system_its_items_and_vas():
    assert tuple(s.key for s in mdi.SYSTEMS) == SYSTEM_KEYS
    for s in mdi.SYSTEMS:
        assert s.items
        for name in s.item_fields:
            spec = VISIT.field(name)
            assert spec.kind is Kind.BOOLEAN and dict(spec.codes) == {"1": "Yes", "0": "No"}
            assert spec.section == f"mdi_{s.key}"
        vas = VISIT.field(s.vas_field)
        assert vas.kind is Kind.DECIMAL and vas.hard == (0, 10) and vas.step == 0.1
    assert VISIT.field(mdi.GLOBAL_FIELD).hard == (0, 10)
    assert mdi.EXTENT_MAX == len(mdi.item_fields()) == 45
    assert mdi.SEVERITY_MAX == 110  # the 11 organ systems; "other" is apart
    assert all(len(name) <= 26 for name in mdi.all_fields())  # REDCap's limit
    assert {d.name for d in VISIT.derived} >= {"mdi_extent", "mdi_severity"}


def test_extent_counts_items_present_and_blank_is_not_assessed():
    assert mdi.extent({}) is None and mdi.severity({}) is None
    v = {"mdi_mus_atrophy": 1, "mdi_mus_weakness": 0, "mdi_cut_calcinosis": 1,
         "mdi_skel_contractures": 1}
    assert mdi.extent(v) == 3
    assert mdi.system_extent(v, mdi.SYSTEMS_BY_KEY["mus"]) == 1
    assert mdi.system_extent(v, mdi.SYSTEMS_BY_KEY["gi"]) is None  # not assessed
    assert mdi.extent({"mdi_mus_atrophy": 0}) == 0  # assessed, no damage


def test_severity_is_the_sum_of_the_eleven_systems_only_when_all_are_there():
    values = {s.vas_field: 1.5 for s in mdi.SYSTEMS}
    values["mdi_other_vas"] = 9.0  # not in the 0-110 sum
    assert mdi.severity(values) == 16.5
    del values["mdi_gi_vas"]
    assert mdi.severity(values) is None
    assert visit_totals({"mdi_mus_atrophy": 1})["mdi_extent"] == 1


def test_validation_limits_and_consistency_warnings():
    out = validate("visit", {"visit_date": "2024-05-01", "mdi_mus_vas": "11"}, CTX)
    assert "mdi_mus_vas" in out.errors
    out = validate("visit", {"visit_date": "2024-05-01", "mdi_mus_atrophy": "maybe"}, CTX)
    assert "mdi_mus_atrophy" in out.errors
    out = validate("visit", {"visit_date": "2024-05-01", "mdi_mus_atrophy": "0",
                             "mdi_mus_weakness": "0", "mdi_mus_vas": "4"}, CTX)
    assert out.ok and "no muscle item is present" in out.warnings["mdi_mus_vas"]
    out = validate("visit", {"visit_date": "2024-05-01", "mdi_cut_calcinosis": "1",
                             "mdi_cut_vas": "0"}, CTX)
    assert "severity is 0" in out.warnings["mdi_cut_vas"]
    out = validate("visit", {"visit_date": "2024-05-01", "mdi_cut_calcinosis": "1",
                             "mdi_cut_vas": "2.5", "mdi_global_vas": "3"}, CTX)
    assert out.ok and not out.warnings and out.values["mdi_cut_calcinosis"] == 1
    assert out.values["mdi_cut_vas"] == 2.5


def test_the_review_carries_each_visits_damage_summary():
    patient = {"patient_id": "p", "study_code": "P-1", "sex": "F",
               "birth_date": "2012-01-01", "onset_date": "2018-01-01"}
    first = {"id": "v1", "visit_date": "2024-01-10", "mdi_mus_atrophy": 1, "mdi_mus_vas": 2.0}
    second = {"id": "v2", "visit_date": "2024-06-10", "mdi_mus_atrophy": 1,
              "mdi_mus_weakness": 1, "mdi_cut_calcinosis": 1, **{
                  s.vas_field: 0.0 for s in mdi.SYSTEMS},
              "mdi_mus_vas": 4.0, "mdi_cut_vas": 1.5, "mdi_global_vas": 3.0}
    third = {"id": "v3", "visit_date": "2024-08-10"}
    rv = review_patient(patient, [first, second, third], [], [], [], StudySettings(),
                        date(2025, 1, 1))
    d1, d2, d3 = (v.damage for v in rv.visits)
    assert d3 is None
    assert d1 is not None and d1.extent == 1 and d1.severity is None
    assert d2 is not None and (d2.extent, d2.severity, d2.global_vas) == (3, 5.5, 3.0)
    assert ("Muscle", 2, 4.0) in d2.systems
    assert "Calcinosis" in d2.present
    # change from the baseline visit (here the first: no tacrolimus), as for other measures
    assert rv.visits[0].is_baseline
    assert rv.visits[1].change["mdi_extent"] == 2 and rv.visits[1].measures["mdi_severity"] == 5.5
    assert rv.visits[1].change["mdi_severity"] is None  # not complete at baseline
