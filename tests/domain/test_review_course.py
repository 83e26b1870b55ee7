"""The review's course on tacrolimus: age at start, follow-up to the last record (never to today),
current age apart (issue 16 item 15)."""

from datetime import date

from jdmdesk.domain.labs import LabResult
from jdmdesk.domain.review import review_patient
from jdmdesk.domain.settings import StudySettings
from jdmdesk.domain.timeline import follow_up_days, last_record_date
from jdmdesk.ui.review.review_text import header_lines

PATIENT = {"study_code": "P-1", "sex": "M", "birth_date": "2014-01-10", "onset_date": "2019-03-01"}
TAC = {"drug": "tacrolimus", "route": "oral", "dose_amount": 1.0, "dose_unit": "mg",
       "frequency": "bid", "start_date": "2025-01-10", "end_date": None}


def _review(today: date):
    visits = [{"id": "v1", "visit_date": "2025-01-06"}, {"id": "v2", "visit_date": "2025-06-30"}]
    ck = LabResult("l1", "CK", date(2025, 7, 25), 120.0, "U/L", 120.0, 0.0, 145.0)
    return review_patient(PATIENT, visits, [TAC], [ck], [], StudySettings(), today)


def test_follow_up_ends_at_the_last_record_not_today():
    early, late = _review(date(2025, 8, 1)), _review(date(2027, 10, 1))
    for rv in (early, late):
        assert rv.tacrolimus_start == date(2025, 1, 10)
        assert rv.age_at_tacrolimus_start == 11.0
        assert rv.last_record == date(2025, 7, 25)  # the lab after the last visit
        assert rv.follow_up_days == 196
        assert rv.days_on_tacrolimus == 196  # an unbroken course: on drug the whole follow-up
        assert [v.visit_id for v in rv.visits] == ["v1", "v2"]
    assert early.age == 11.6 and late.age == 13.7  # current age moves on, follow-up does not
    lines = header_lines(late)
    assert "current age 13.7 y" in lines[0]
    assert "at age 11.0 y" in lines[1]
    assert "follow-up 196 days (6.4 months) to the last record on 2025-07-25" in lines[1]
    assert "1004" not in " ".join(lines)


def test_timeline_helpers():
    assert last_record_date(["2025-01-01", None], [date(2025, 3, 1)]) == date(2025, 3, 1)
    assert last_record_date([], []) is None
    assert follow_up_days("2025-01-10", date(2025, 1, 9)) is None  # data end before the start
    assert follow_up_days(None, date(2025, 1, 9)) is None
    assert follow_up_days("2025-01-10", "2025-01-10") == 0
