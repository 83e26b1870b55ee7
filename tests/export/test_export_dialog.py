"""The Export dialog runs the export in a worker thread, with progress and Cancel."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from jdmdesk.ui.export_dialog import ExportDialog, ExportWorker, open_export_dialog

from .helpers import MANAGER, make_study


@pytest.fixture
def study(tmp_path: Path) -> Path:
    return make_study(tmp_path / "s.jdm")


def test_dialog_exports_with_progress(qtbot, study, tmp_path):
    asked: list[str] = []
    dialog = ExportDialog(study, MANAGER, None,
                          confirm=lambda title, text: asked.append(title) or True)
    qtbot.addWidget(dialog)
    out = tmp_path / "bundle.zip"
    dialog.output.setText(str(out))
    dialog.identified.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        assert dialog.start_export()
    assert asked == ["Identified export"]
    assert f"wrote {out}" in blocker.args[0]
    assert dialog.progress.value() == 100 and not dialog.running
    assert "patient.csv" in zipfile.ZipFile(out).namelist()


def test_identified_needs_confirmation(qtbot, study, tmp_path):
    dialog = ExportDialog(study, MANAGER, None, confirm=lambda title, text: False)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "x.zip"))
    dialog.identified.setChecked(True)
    assert not dialog.start_export() and not (tmp_path / "x.zip").exists()


def test_format_choice_sets_the_suffix(qtbot, study):
    dialog = open_export_dialog(None, study, MANAGER)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("odm"))
    assert dialog.output.text().endswith(".xml")
    assert dialog.findChild(type(dialog.progress), "export_progress") is dialog.progress


def test_cancel_leaves_nothing(qtbot, study, tmp_path):
    dialog = ExportDialog(study, MANAGER, None, confirm=lambda *a: True)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out" / "x.xlsx"))
    (tmp_path / "out").mkdir()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.output.setText(str(tmp_path / "out" / "x.xlsx"))
    stopped: list[str] = []
    dialog.export_stopped.connect(stopped.append)
    assert dialog.start_export()
    dialog.cancel.click()  # the worker polls the flag between rows
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    if stopped:  # a tiny study may finish before the click lands
        assert stopped == ["cancelled"] and "cancelled" in dialog.status.text()
        assert list((tmp_path / "out").iterdir()) == []


def test_worker_reports_failure(qtbot, study, tmp_path):
    from jdmdesk.export import ExportOptions

    worker = ExportWorker(study, MANAGER, tmp_path / "missing" / "x.zip", ExportOptions())
    with qtbot.waitSignal(worker.failed, timeout=5_000) as blocker:
        worker.run()
    assert "does not exist" in blocker.args[0]


def test_worker_cancelled(qtbot, study, tmp_path):
    from jdmdesk.export import ExportOptions

    worker = ExportWorker(study, MANAGER, tmp_path / "x.zip", ExportOptions())
    worker.cancel()
    with qtbot.waitSignal(worker.cancelled, timeout=5_000):
        worker.run()
    assert not (tmp_path / "x.zip").exists()


def _free_text_words() -> list[str]:
    """What the catalogue marks as free text, as the help must name it."""
    from jdmdesk.domain.fields import RECORD_TYPES

    names = {(rt.name, f.name) for rt in RECORD_TYPES.values() for f in rt.fields
             if f.free_text}
    words = ["notes", "reasons for change"]
    if ("adverse_event", "term") in names:
        words.append("adverse-event terms")
    assert {n for _, n in names} <= {"note", "term"}, names  # a new kind of free text: name it
    return words


def test_dialog_and_cli_name_every_kind_of_free_text(qtbot, study):
    from jdmdesk.cli import _sub_parsers

    dialog = ExportDialog(study, MANAGER, None, confirm=lambda *a: True)
    qtbot.addWidget(dialog)
    words = _free_text_words()
    assert "adverse-event terms" in words
    parser = _sub_parsers()["export"][0]
    cli_help = next(a.help for a in parser._actions if "--include-free-text" in a.option_strings)
    assert cli_help
    for word in words:
        assert word in dialog.free_text.text(), word
        assert word in cli_help, word
