from jdmdesk.ui import window_state
from tests.ui.conftest import demo_window


def test_size_splitters_last_study_and_patient_are_remembered(tmp_path, qtbot):
    path = tmp_path / "demo.jdm"
    first = demo_window(path)
    first.show()
    first.resize(700, 560)
    first.splitter.setSizes([200, 500])
    target = first.patients.model.ids[2]
    first.choose_patient(target)
    sizes = first.splitter.sizes()
    size = (first.width(), first.height())
    assert size != (1400, 880)  # not the default size
    first.close()
    first.deleteLater()

    assert window_state.load_text("last_study") == str(path.resolve())
    second = demo_window(path)
    second.show()
    try:
        assert (second.width(), second.height()) == size
        assert second.splitter.sizes() == sizes
        assert second.workspace.patient_id == target
        assert second.workspace.header.text().startswith("SYN-003")
    finally:
        second.close()
        second.deleteLater()
