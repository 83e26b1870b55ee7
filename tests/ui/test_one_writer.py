from jdmdesk.app import build_main_window
from jdmdesk.demo import demo_credentials, write_demo
from jdmdesk.domain.access import Role
from tests.conftest import FAST
from tests.ui.conftest import demo_window


def test_second_window_opens_read_only_and_says_who_holds_the_study(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    first = demo_window(path)
    second = demo_window(path, Role.REVIEWER)
    try:
        assert not first.reader.read_only
        assert second.reader.read_only
        assert "opened by" in second.banner.text()
        assert "read-only" in second.windowTitle()
        assert list((tmp_path / "backups").glob("*.jdm"))  # verified backup on open
    finally:
        second.close()
        first.close()
        second.deleteLater()
        first.deleteLater()
    third = demo_window(path)  # the lock was released on close
    try:
        assert not third.reader.read_only
    finally:
        third.close()
        third.deleteLater()


def test_damaged_page_is_refused_by_the_window_before_any_write(tmp_path):
    import random

    import pytest

    from jdmdesk.db.connection import Problem, StudyFileError

    path = tmp_path / "demo.jdm"
    write_demo(path, hasher=FAST)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    rnd = random.Random(3)
    data[middle * page:(middle + 1) * page] = bytes(rnd.randrange(256) for _ in range(page))
    path.write_bytes(bytes(data))
    with pytest.raises(StudyFileError) as info:
        # the quick_check runs beside the login and the window's construction
        build_main_window(path, demo_credentials(Role.DATA_ENTRY), hasher=FAST)
    assert info.value.problem is Problem.DAMAGED
    assert path.read_bytes() == bytes(data)
    assert not (tmp_path / "demo.jdm.lock").exists()
    assert not (tmp_path / "backups").exists()
