from jdmdesk.app import build_main_window
from jdmdesk.demo import write_demo


def test_second_window_opens_read_only_and_says_who_holds_the_study(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    write_demo(path)
    first = build_main_window(path)
    second = build_main_window(path)
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
    third = build_main_window(path)  # the lock was released on close
    try:
        assert not third.reader.read_only
    finally:
        third.close()
        third.deleteLater()
