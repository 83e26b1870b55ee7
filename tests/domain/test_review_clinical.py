"""Worked clinical cases of issue 17 part A against domain/review.py (clinical-reference §3-7)."""

from __future__ import annotations

import pytest

from tests.domain.clinical_cases import BASE_VISIT, FOLLOW_VISIT, lab, review, visit


def _tis_case(ck_uln: float | None, *, method: str = "relative", follow_ck_uln: float | None = 145):
    visits = [visit(-3, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -3, 3000, ck_uln), lab("CK", 90, 300, follow_ck_uln),
            lab("ASAT", -3, 60, 30), lab("ASAT", 90, 58, 30)]
    return review(visits, labs, tis_enzyme_method=method).visits[-1].tis


def test_most_abnormal_enzyme_with_its_uln_is_followed():
    tis = _tis_case(145)
    assert tis.item("enzyme").source == "CK" and tis.item("enzyme").points == 7.5
    assert tis.score == 50.0 and tis.category == "moderate"


def test_baseline_enzyme_without_uln_makes_tis_not_computable_and_says_why():
    # before the fix CK was dropped: ASAT followed, 0 points, TIS 42.5 "minimal"
    tis = _tis_case(None)
    assert tis.score is None and tis.category is None
    assert tis.item("enzyme").source is None
    assert "CK" in tis.reason and "reference high" in tis.reason
    assert tis.partial_score == 42.5


@pytest.mark.parametrize("method, computable", [("relative", True), ("uln_multiple", False)])
def test_follow_up_enzyme_without_uln(method, computable):
    tis = _tis_case(145, method=method, follow_ck_uln=None)
    assert (tis.score == 50.0) is computable
    assert tis.item("enzyme").source == "CK"


def test_baseline_enzyme_is_the_latest_on_or_before_day0_not_the_nearest_after():
    # baseline visit on day -1; CK day -10 = 2000 and day +2 (on tacrolimus) = 500: the nearest
    # (day +2) came from treatment; the rule takes day -10.
    visits = [visit(-1, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -10, 2000, 145), lab("CK", 2, 500, 145), lab("CK", 90, 300, 145)]
    enzyme = review(visits, labs).visits[-1].tis.item("enzyme")
    assert enzyme.baseline == 2000 and enzyme.percent == pytest.approx(85.0)


def test_baseline_row_shows_the_enzyme_its_tis_uses():
    # the review's baseline row and the TIS read the same result (one rule), so the screen, the
    # case-series table and the score agree: day -10, not the nearer day +2 on tacrolimus
    visits = [visit(-1, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -10, 2000, 145), lab("CK", 2, 500, 145), lab("CK", 90, 300, 145)]
    rows = review(visits, labs).visits
    assert rows[0].is_baseline and rows[0].enzymes["CK"] == 2000
    assert rows[0].enzymes["CK"] == rows[-1].tis.item("enzyme").baseline
    assert rows[-1].enzymes["CK"] == 300  # a follow-up row keeps the nearest result


def test_baseline_enzyme_after_day0_only_when_none_before():
    visits = [visit(-1, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", 9, 900, 145), lab("CK", 2, 500, 145), lab("CK", 90, 300, 145)]
    assert review(visits, labs).visits[-1].tis.item("enzyme").baseline == 500


def test_baseline_rule_is_labelled():
    visits = [visit(-3, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -3, 3000, 145), lab("CK", 90, 300, 145)]
    on_tac = review(visits, labs)
    assert on_tac.baseline_rule_code == "last_on_or_before_tacrolimus"
    assert on_tac.baseline_rule.startswith("Baseline: last visit on or before the tacrolimus")
    never = review(visits, labs, meds=[])
    assert never.visits[-1].tis.score == 50.0  # still scored, but against the first visit …
    assert never.baseline_rule_code == "first_visit_no_tacrolimus"  # … and says so
    assert "no tacrolimus is recorded" in never.baseline_rule
    chosen = review(visits, labs, baseline_rule="first_visit")
    assert chosen.baseline_rule_code == "first_visit"
    late = review([visit(5, **BASE_VISIT)], labs)
    assert late.baseline_rule_code == "none" and "no visit on or before" in late.baseline_rule


def test_review_header_and_tis_detail_carry_the_label_and_the_reason():
    from jdmdesk.ui.review import review_text as rt

    visits = [visit(-3, **BASE_VISIT), visit(90, **FOLLOW_VISIT)]
    labs = [lab("CK", -3, 3000, None), lab("CK", 90, 300, 145)]
    rv = review(visits, labs, meds=[])
    assert "no tacrolimus is recorded" in rt.header_lines(rv)[2]
    assert "without a reference high" in rt.tis_detail(rv.visits[-1].tis)


def test_days_on_tacrolimus_count_days_on_drug_and_show_stop_and_restart():
    from tests.domain.clinical_cases import day, tacrolimus

    # on days 0–29, stopped as a 0 mg segment from day 30 (the 1.5 mg segment left open),
    # restarted on day 50; the last record is on day 100 (today is day 400): 30 + 50 = 80 days
    # on drug, counted to the last record as the follow-up is, not to today
    meds = [tacrolimus(0), tacrolimus(30, dose=0), tacrolimus(50)]
    rv = review([visit(-3, **BASE_VISIT), visit(100, **FOLLOW_VISIT)], [], meds, today=day(400))
    assert rv.days_on_tacrolimus == 80
    assert f"stopped {day(30).isoformat()}" in rv.tacrolimus_text
    assert f"restarted {day(50).isoformat()}" in rv.tacrolimus_text
    assert "80 days on drug" in rv.tacrolimus_text


def test_tacrolimus_course_ended_segment_and_stop_today():
    from jdmdesk.domain import medication as med
    from tests.domain.clinical_cases import day, tacrolimus

    segs = [med.Segment.from_values(tacrolimus(0, end=9))]
    course = med.tacrolimus_course(segs, day(100))
    assert course.days_on == 10 and course.stops == (day(10),) and not course.on_drug
    assert med.tacrolimus_course(segs, day(10)).stops == (day(10),)
    assert med.tacrolimus_course(segs, day(5)).days_on == 5  # today itself not yet counted
    open_ = [med.Segment.from_values(tacrolimus(0))]
    assert med.tacrolimus_course(open_, day(10)).days_on == 10  # as before for an open course
    assert med.tacrolimus_course([], day(10)) is None
    rv = review([visit(-3, **BASE_VISIT), visit(99, **FOLLOW_VISIT)], [], [tacrolimus(0, end=9)],
                today=day(100))
    assert "not on tacrolimus at the last record" in rv.tacrolimus_text


def test_bedside_schwartz_only_under_18_and_named():
    from datetime import date

    from jdmdesk.domain.renal import schwartz_applies
    from tests.domain.clinical_cases import day

    creat = [lab("CREATININE", 10, 50, 80, unit="µmol/L")]
    child = review([visit(-3, **BASE_VISIT)], creat, birth=date(2013, 3, 1))
    assert child.egfr == [(day(10), 102.2)] and child.egfr_note == ""
    assert child.egfr_formula == "bedside Schwartz 2009"
    adult = review([visit(-3, **BASE_VISIT)], creat, birth=date(2000, 1, 1))  # 24 years old
    assert adult.egfr == []  # before the fix: 102.2 at age 24
    assert "adult: not computed" in adult.egfr_note
    assert schwartz_applies(date(2006, 3, 12), date(2024, 3, 11))  # the day before 18
    assert not schwartz_applies(date(2006, 3, 11), date(2024, 3, 11))  # 18th birthday
    assert not schwartz_applies(date(2023, 6, 1), date(2024, 3, 11))  # under 1
    assert not schwartz_applies(None, date(2024, 3, 11))
