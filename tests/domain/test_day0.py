"""Day 0 (§7): one rule, domain.medication.day0, decides the first systemic tacrolimus start."""

from __future__ import annotations

from datetime import date

from jdmdesk.domain import medication as med
from jdmdesk.domain.chart_series import build_chart
from jdmdesk.domain.timeline import study_day

MAR, APR, MAY = date(2025, 3, 1), date(2025, 4, 1), date(2025, 5, 1)


def test_day0_is_the_earliest_systemic_tacrolimus_start():
    starts = [("tacrolimus", "oral", MAY), ("tacrolimus", "iv", APR),
              ("tacrolimus", "topical", MAR),  # ointment: not systemic
              ("topical_tacrolimus", "oral", MAR),  # another drug code
              ("prednisolone", "oral", MAR)]
    assert med.day0(starts) == APR
    assert med.day0(starts[2:]) is None
    assert med.day0([]) is None


def test_every_non_topical_route_counts():
    for route in ("oral", "iv", "sc", "im"):
        assert med.is_systemic_tacrolimus("tacrolimus", route)
    assert not med.is_systemic_tacrolimus("tacrolimus", "topical")
    assert not med.is_systemic_tacrolimus("topical_tacrolimus", "oral")


def test_segments_and_the_chart_use_day0(monkeypatch):
    segments = [med.Segment("tacrolimus", "topical", 1, "application", "bd", MAR, None),
                med.Segment("tacrolimus", "oral", 2, "mg", "bd", APR, None)]
    assert med.tacrolimus_start(segments) == APR
    assert build_chart("p", [], segments, []).day0 == APR
    assert study_day(MAY, med.tacrolimus_start(segments)) == 30
    monkeypatch.setattr(med, "day0", lambda starts: MAY)
    assert med.tacrolimus_start(segments) == MAY
