"""Height and weight across visits (domain/growth.py), and its place in visit validation."""

from datetime import date

from jdmdesk.domain.growth import Measured, growth_warnings, height_warning, weight_warning
from jdmdesk.domain.validation import Context, validate

EARLIER = (Measured(date(2023, 7, 1), 40.0, 146.0), Measured(date(2022, 1, 1), 30.0, 130.0))


def test_a_height_falling_more_than_2_cm_is_flagged_naming_the_previous_visit():
    text = height_warning(date(2024, 1, 1), 128.0, EARLIER)
    assert text is not None and "146 cm" in text and "2023-07-01" in text
    assert height_warning(date(2024, 1, 1), 144.5, EARLIER) is None  # measuring error
    assert height_warning(date(2024, 1, 1), 143.9, EARLIER) is not None
    assert height_warning(date(2023, 1, 1), 128.0, EARLIER) is None  # 130 then: 2 cm


def test_weight_changing_more_than_10_percent_a_month_is_flagged():
    assert weight_warning(date(2023, 8, 1), 44.0, EARLIER) is None  # +10 % in a month
    text = weight_warning(date(2023, 8, 1), 45.0, EARLIER)
    assert text is not None and "40 kg" in text and "2023-07-01" in text and "+12%" in text
    assert weight_warning(date(2023, 7, 10), 35.0, EARLIER) is not None  # -12.5 % in 9 days
    assert weight_warning(date(2024, 1, 1), 55.0, EARLIER) is None  # +37.5 % in 6 months
    assert growth_warnings(date(2024, 1, 1), 40.0, 146.0, ()) == {}


def test_visit_validation_warns_through_its_context():
    draft = {"visit_date": "2024-01-01", "height_cm": "128", "weight_kg": "41"}
    ctx = Context(today=date(2025, 1, 1), earlier_visits=EARLIER)
    checked = validate("visit", draft, ctx)
    assert set(checked.warnings) == {"height_cm"} and not checked.errors
    assert validate("visit", draft, Context(today=date(2025, 1, 1))).warnings == {}


def test_the_service_compares_with_the_latest_earlier_visit_not_the_one_edited(service,
                                                                              patient_id):
    pid = patient_id
    first = service.save("visit", {"visit_date": "2023-07-01", "height_cm": "146",
                                   "weight_kg": "40"}, patient_id=pid).record_id
    assert service.save("visit", {"visit_date": "2022-01-01", "height_cm": "130"},
                        patient_id=pid).ok
    later = {"visit_date": "2024-01-01", "height_cm": "128", "weight_kg": "41"}
    checked = service.validate("visit", later, pid)
    assert set(checked.warnings) == {"height_cm"} and "2023-07-01" in checked.warnings[
        "height_cm"]
    # editing the first visit itself is not compared with itself (but with 2022's 130 cm)
    edited = {"visit_date": "2023-07-01", "height_cm": "131", "weight_kg": "40"}
    assert service.validate("visit", edited, pid, first).warnings == {}
    assert "130 cm" in service.validate("visit", {**edited, "height_cm": "127"}, pid,
                                        first).warnings["height_cm"]
    assert service.check_field("visit", "height_cm", "128", pid, draft=later)[1] is not None
