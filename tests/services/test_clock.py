"""One injectable clock: the composition root hands the same clock to every service and to the
idle auto-lock, and validation's "today" comes from it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import SYSTEM_CLOCK, FixedClock
from jdmdesk.services.reader import StudyReader
from jdmdesk.services.records import RecordService
from jdmdesk.services.review import ReviewService
from tests.conftest import TODAY, study_with_users

TOMORROW = (TODAY + timedelta(days=1)).isoformat()


def test_fixed_clock_moves_only_when_told():
    clock = FixedClock(datetime(2026, 11, 25, 23, 30, tzinfo=timezone(timedelta(hours=-2))))
    assert clock.now() == datetime(2026, 11, 26, 1, 30, tzinfo=UTC)
    assert clock.now().tzinfo is UTC and clock.today().isoformat() == "2026-11-26"
    clock.advance(minutes=30)
    assert clock.now().hour == 2 and clock.monotonic() == 1800
    clock.set(datetime(2020, 1, 1, tzinfo=UTC))  # the wall clock jumps back ...
    assert clock.today().year == 2020 and clock.monotonic() == 1800  # ... idle time does not
    with pytest.raises(ValueError, match="forwards"):
        clock.advance(seconds=-1)
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2026, 1, 1))


def test_system_clock_is_aware_utc():
    now = SYSTEM_CLOCK.now()
    assert now.tzinfo is UTC and abs(now - datetime.now(UTC)) < timedelta(seconds=5)
    assert SYSTEM_CLOCK.monotonic() <= SYSTEM_CLOCK.monotonic()


def test_validation_today_is_the_services_clock(study, users, patient_id, qapp):
    clock = FixedClock.on(TODAY)
    records = RecordService(study, users[Role.DATA_ENTRY], clock)
    reader = StudyReader(study, users[Role.DATA_ENTRY], clock)
    draft = {"drug": "tacrolimus", "route": "oral", "dose_amount": "1", "dose_unit": "mg",
             "frequency": "bd", "start_date": TOMORROW, "change_reason": "start"}
    assert records.check_field("visit", "visit_date", TOMORROW, patient_id)[0] == \
        "date in the future"
    assert "start_date" in records.validate("medication", draft, patient_id).errors
    assert reader.dose_summary(patient_id, draft) == ""  # same "today" as the save
    clock.advance(timedelta(days=1))
    assert records.check_field("visit", "visit_date", TOMORROW, patient_id) == (None, None)
    assert not records.validate("medication", draft, patient_id).errors
    assert "2 mg/day" in reader.dose_summary(patient_id, draft)
    assert records.save("visit", {"visit_date": TODAY.isoformat(), "weight_kg": "40"},
                        patient_id=patient_id).ok
    assert "0.050 mg/kg/day (weight 40 kg)" in reader.dose_summary(patient_id, draft)


def test_overdue_is_decided_by_the_clock(study, users, service, patient_id):
    service.save("visit", {"visit_date": TODAY.isoformat()}, patient_id=patient_id)
    clock = FixedClock.on(TODAY)
    review = ReviewService(study, clock)
    assert not review.overview()[0].overdue
    clock.advance(timedelta(days=400))
    assert review.overview()[0].overdue


def test_the_window_shares_one_clock(tmp_path, qtbot):
    from tests.ui.conftest import close_window, open_window

    clock = FixedClock.on(TODAY)
    w = open_window(study_with_users(tmp_path / "clock.jdm"), clock=clock)
    try:
        s = w.services
        shared = (s.clock, s.records.clock, s.reader.clock, s.review.clock, s.accounts.clock,
                  w.idle.clock)
        assert all(c is clock for c in shared)
    finally:
        close_window(w)
