"""Paediatric blood pressure by the 2017 AAP guideline (issue 16 item 17): the normative tables,
the nearest height column, the caps, the adult-style cut-offs from 13 years, and the flag text."""

from datetime import date

import pytest

from jdmdesk.domain.blood_pressure import assess_bp, norm_for, norms
from jdmdesk.domain.bp_reference import HEIGHT_PERCENTILES
from jdmdesk.domain.review import review_patient
from jdmdesk.domain.safety import safety_flags
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.timeline import completed_years


def test_tables_are_complete_and_ordered():
    table = norms()
    assert sorted(table) == [(s, a) for s in ("F", "M") for a in range(1, 18)]
    for columns in table.values():
        assert tuple(n.height_percentile for n in columns) == HEIGHT_PERCENTILES
        heights = [n.height_cm for n in columns]
        assert heights == sorted(heights)
        for n in columns:
            assert n.sbp[0] < n.sbp[1] < n.sbp[2] and n.dbp[0] < n.dbp[1] < n.dbp[2]


@pytest.mark.parametrize(("sex", "age", "height", "sbp", "dbp"), [
    # (50th, 90th, 95th) for a few cells of Flynn et al. 2017, Tables 4 and 5
    ("M", 11, 146.4, (102, 114, 118), (63, 75, 78)),
    ("M", 1, 77.2, (85, 98, 102), (40, 52, 54)),
    ("F", 8, 121.0, (93, 107, 110), (56, 69, 72)),
    ("F", 17, 173.7, (111, 125, 128), (67, 78, 82)),
])
def test_pinned_cells(sex, age, height, sbp, dbp):
    n = norm_for(sex, age, height)
    assert (n.height_cm, n.sbp, n.dbp) == (height, sbp, dbp)


def test_the_column_nearest_the_measured_height_is_used():
    assert norm_for("M", 11, 140).height_percentile == 25  # 141.5 cm beats 137.3 cm
    assert norm_for("M", 11, 100).height_percentile == 5
    assert norm_for("M", 11, 190).height_percentile == 95
    assert norm_for("M", 11, None).height_percentile == 50


def test_an_eleven_year_old_is_flagged_at_the_95th_percentile_not_at_130_80():
    (flag,) = safety_flags(sbp=124, dbp=70, age_years=11, sex="M", height_cm=146)
    assert flag.code == "hypertension" and flag.threshold == 118
    assert "stage 1 hypertension" in flag.message
    assert "systolic 124 ≥ 95th percentile (118 mmHg) for age 11, boy, height 146 cm " \
        "(AAP 2017)" in flag.message
    assert safety_flags(sbp=117, dbp=77, age_years=11, sex="M", height_cm=146) == ()
    (stage2,) = safety_flags(sbp=131, dbp=70, age_years=11, sex="M", height_cm=146)
    assert "stage 2 hypertension" in stage2.message and "+ 12 mmHg (130 mmHg)" in stage2.message
    (dia,) = safety_flags(sbp=100, dbp=75, age_years=8, sex="F", height_cm=None)
    assert "diastolic 75 ≥ 95th percentile (72 mmHg)" not in dia.message  # 50th column: 74
    assert "diastolic 75 ≥ 95th percentile (74 mmHg)" in dia.message
    assert "height unknown" in dia.message


def test_caps_and_categories_below_13():
    bp = assess_bp(121, 60, age_years=12, sex="M", height_cm=165)  # 90th is 122: capped at 120
    assert bp is not None and bp.category == "elevated" and not bp.hypertension
    assert bp.reason == "systolic 121 ≥ 120 mmHg (lower than the 90th percentile)"
    assert assess_bp(100, 60, age_years=5, sex="F", height_cm=110).category == "normal"


def test_from_13_years_the_adult_style_cut_offs_apply():
    assert assess_bp(128, 78, age_years=13, sex="M", height_cm=150).category == "elevated"
    (flag,) = safety_flags(sbp=130, dbp=70, age_years=13, sex="M", height_cm=150)
    assert "stage 1 hypertension" in flag.message and "from age 13 (AAP 2017)" in flag.message
    # age or sex unknown: adult-style cut-offs, and said
    (unknown,) = safety_flags(sbp=130, dbp=70)
    assert "age or sex not recorded" in unknown.message
    assert safety_flags(sbp=124, dbp=70, age_years=11, sex="U", height_cm=146) == ()


def test_completed_years_counts_birthdays():
    assert completed_years("2014-01-10", "2025-01-09") == 10
    assert completed_years("2014-01-10", "2025-01-10") == 11
    assert completed_years(None, "2025-01-10") is None


def test_the_review_flags_with_age_sex_and_height_of_the_reading():
    patient = {"study_code": "P-1", "sex": "M", "birth_date": "2014-01-10"}
    visits = [{"visit_date": "2025-02-01", "height_cm": 146, "sbp": 124, "dbp": 70}]
    rv = review_patient(patient, visits, [], [], [], StudySettings(), date(2025, 3, 1))
    (flag,) = rv.flags
    assert "for age 11, boy, height 146 cm (AAP 2017)" in flag.message
