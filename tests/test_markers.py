"""GUI tests are marked ``gui`` by tests/conftest.py, so ``-m "not gui"`` runs without widgets."""

from pathlib import Path

from tests.conftest import UI_TESTS, is_gui_test

HERE = Path(__file__).resolve()


def test_a_test_using_qtbot_is_marked_gui(request, qtbot):
    assert request.node.get_closest_marker("gui") is not None


def test_a_plain_test_is_not_marked_gui(request):
    assert request.node.get_closest_marker("gui") is None


def test_everything_under_tests_ui_counts_as_gui():
    assert is_gui_test(UI_TESTS / "test_chart.py", ())
    assert is_gui_test(UI_TESTS / "chart" / "test_axis.py", ("tmp_path",))
    assert is_gui_test(HERE, ("tmp_path", "qtbot"))
    assert not is_gui_test(HERE, ("tmp_path", "qapp"))
