"""The reviewer's screen (issue 16 items 16 and 20): the review's chart keeps a readable height
above the visits table."""

import pytest

from jdmdesk.domain.access import Role
from jdmdesk.ui.review.review_view import CHART_MIN_HEIGHT
from tests.ui.conftest import close_window, demo_window, shown


@pytest.fixture
def doctor(tmp_path, qtbot):
    w = shown(demo_window(tmp_path / "demo.jdm", Role.REVIEWER), qtbot)
    yield w
    close_window(w)


def test_review_chart_is_not_squashed(doctor, qtbot):
    w = doctor
    w.resize(1280, 720)
    w.choose_patient(w.patients.model.ids[0])
    view = w.workspace.review
    w.workspace.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.review is not None)
    chart = view.chart.widget()
    qtbot.waitUntil(lambda: chart.height() >= CHART_MIN_HEIGHT)
    assert view.visits.height() >= 110
    sizes = view.splitter.sizes()
    assert sizes[0] >= sizes[1]  # the chart gets the larger share
