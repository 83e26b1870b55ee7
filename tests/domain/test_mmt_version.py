"""The MMT version setting offers only what the visit form records (issue 17 A2)."""

from __future__ import annotations

from jdmdesk.domain.settings import MMT_VERSIONS, StudySettings
from jdmdesk.domain.settings_rules import validate_settings
from tests.domain.clinical_cases import BASE_VISIT, FOLLOW_VISIT, lab, review, visit


def _strength_points(**settings):
    base = {**BASE_VISIT, "mmt8": 50}
    follow = {**FOLLOW_VISIT, "mmt8": 62}  # 12 of 80 = 15 %: 20 points; of 150 = 8 %: 10
    labs = [lab("CK", -3, 3000, 145), lab("CK", 90, 300, 145)]
    return review([visit(-3, **base), visit(90, **follow)], labs, **settings)


def test_only_the_recorded_mmt8_version_is_offered_and_bilateral_is_refused():
    assert [code for code, _ in MMT_VERSIONS] == ["mmt8_80"]
    errors = validate_settings({"mmt_version": "mmt8_150"})
    assert "visit form records MMT8 as 8 grades" in errors["mmt_version"]
    assert validate_settings({"mmt_version": "mmt8_80"}) == {}
    assert validate_settings({"mmt_version": "mmt24"}) == {
        "mmt_version": "not one of the allowed choices"}


def test_a_study_holding_the_bilateral_setting_falls_back_to_0_80_and_says_so():
    settings = StudySettings.from_mapping({"mmt_version": "mmt8_150"})
    assert settings.mmt_version == "mmt8_80" and settings.mmt_max == 80.0
    assert "not offered" in settings.notices[0]
    rv = _strength_points(**{"mmt_version": "mmt8_80"})
    assert rv.visits[-1].tis.item("strength").points == 20.0  # MMT8 50 → 62 (was 10)
    from jdmdesk.domain.review import review_patient
    from tests.domain.clinical_cases import day, tacrolimus

    old_study = review_patient(
        {"study_code": "X", "sex": "F", "birth_date": "2013-03-01"},
        [visit(-3, **{**BASE_VISIT, "mmt8": 50}), visit(90, **{**FOLLOW_VISIT, "mmt8": 62})],
        [tacrolimus(0)], [], [], settings, day(200))
    assert old_study.visits[-1].tis.item("strength").points == 20.0
    assert old_study.settings_notes == settings.notices
    from jdmdesk.ui.review import review_text as rt
    assert "not offered" in rt.header_lines(old_study)[2]  # beside the baseline rule
    assert StudySettings.from_mapping({}).notices == ()
