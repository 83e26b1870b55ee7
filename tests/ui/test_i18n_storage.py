"""Study-file, backup and storage messages in Dutch (issue 21): the refusals of a study file
and the backup to restore in the "Cannot open" dialog, backup / restore / encrypted-copy /
plain-copy errors, the integrity-check banner and the storage errors, the "already exists"
refusals (the GUI's meaning, not the command line's --force), names that keep their capitals
and decimals in labels. Each test reads the Dutch the user sees, so undoing a text's wrapping
fails it; ``str()`` stays the English the command line prints."""

from __future__ import annotations

import errno
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jdmdesk.db import driver
from jdmdesk.db.connection import APPLICATION_ID, StudyFileError, check_header
from jdmdesk.db.migrations import LATEST_VERSION
from jdmdesk.db.studyfile import create_study, open_study, refuse_newer_by_header
from jdmdesk.domain.access import Role
from jdmdesk.ui import language
from jdmdesk.ui.i18n import error_message, message


@pytest.fixture
def dutch(qapp):
    language.install("nl")
    yield
    language.install("en")


def _refusal(path: Path, *, newer: bool = False) -> StudyFileError:
    with pytest.raises(StudyFileError) as err:
        if newer:
            refuse_newer_by_header(path)
        else:
            open_study(path)
    return err.value


def _sqlite_file(path: Path, application_id: int, version: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def test_study_file_refusals_in_dutch(tmp_path, dutch):
    folder = tmp_path / "folder.jdm"
    folder.mkdir()
    empty = tmp_path / "empty.jdm"
    empty.write_bytes(b"")
    cut = tmp_path / "cut.jdm"
    cut.write_bytes(b"SQLite format 3\x00" + b"\x00" * 30)
    noise = tmp_path / "noise.jdm"
    noise.write_bytes(b"not a database at all " * 10)
    foreign = _sqlite_file(tmp_path / "foreign.jdm", 0, 1)
    newer = _sqlite_file(tmp_path / "newer.jdm", APPLICATION_ID, LATEST_VERSION + 1)
    cases = {
        tmp_path / "gone.jdm": ("dit studiebestand bestaat niet", "no such study file"),
        folder: ("is een map, geen studiebestand", "is a folder, not a study file"),
        empty: ("het bestand is leeg (0 bytes): geen studiebestand", "the file is empty"),
        cut: ("het bestand is afgekapt (beschadigde header)", "the file is truncated"),
        noise: ("geen studiebestand van JDM Desk (geen SQLite-database), of een versleutelde "
                "studie waarvan het sleutelbestand noise.jdm.keys ontbreekt",
                "not a JDM Desk study file"),
        foreign: ("een SQLite-database van een andere toepassing, geen studie van JDM Desk",
                  "an SQLite database of another application"),
    }
    for path, (nl, en) in cases.items():
        err = _refusal(path)
        assert error_message(err) == f"{path}: {nl}"
        assert str(err).startswith(f"{path}: {en}")  # the command line's English
    err = _refusal(newer, newer=True)
    assert error_message(err) == (
        f"{newer}: gemaakt door een nieuwere JDM Desk (schema {LATEST_VERSION + 1}; deze versie "
        f"leest tot en met {LATEST_VERSION}): werk JDM Desk bij om het te openen")
    from jdmdesk.db.studyfile import _open_error

    full = _open_error(tmp_path / "x.jdm", driver.OperationalError("database or disk is full"))
    assert message(full.message).startswith("de schijf met het bestand is vol: maak ruimte vrij")
    damaged = _open_error(cut, driver.DatabaseError("database disk image is malformed"))
    assert message(damaged.message) == \
        "het bestand is beschadigd (database disk image is malformed)"


def test_cannot_open_dialog_names_the_backup_in_dutch(tmp_path, dutch, monkeypatch):
    """The window's "Cannot open" box: the refusal and the newest verified backup (its date as
    the locale writes it), in Dutch; the English stays for stderr."""
    from jdmdesk import app
    from jdmdesk.db.backup import backup_on_open_if_due, describe_with_backup

    path = tmp_path / "s.jdm"
    study = create_study(path, encrypt=False)
    made = datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    backup = backup_on_open_if_due(study, now=made)
    study.close()
    assert backup is not None
    path.write_bytes(path.read_bytes()[:60])  # a cut header
    with pytest.raises(StudyFileError) as err:
        check_header(path)
    shown: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "exec", lambda box: shown.append(
        f"{box.text()}|{box.informativeText()}") or 0)
    app._offer_restore(err.value, describe_with_backup(err.value))
    local = made.astimezone()
    assert shown == [
        f"Kan s.jdm niet openen.|Het bestand is afgekapt (beschadigde header). De nieuwste "
        f"gecontroleerde back-up is {backup} (gemaakt op {local:%d-%m-%Y} om {local:%H:%M}): "
        f"zet deze terug in een nieuw studiebestand (jdmdesk restore {backup} --output "
        "NIEUWE_STUDIE)."]
    assert str(describe_with_backup(err.value)).startswith(
        f"The file is truncated (damaged header). The newest verified backup is {backup} (made "
        f"{local:%Y-%m-%d %H:%M})")


def test_backup_restore_and_copy_errors_in_dutch(tmp_path, study, users, dutch):
    from jdmdesk.crypto.keys import KdfParams
    from jdmdesk.db.backup import BackupError
    from jdmdesk.db.backup.encrypt_plain import encrypt_plain_study
    from jdmdesk.db.backup.plain_copy import plain_copy
    from jdmdesk.services.maintenance import MaintenanceService

    service = MaintenanceService(study, users[Role.DATA_MANAGER])
    taken = tmp_path / "taken.jdm"
    taken.write_bytes(b"x")
    done = service.backup_to(taken)
    assert message(done.message) == f"Back-up mislukt: {taken} bestaat al: kies een nieuwe " \
                                    "bestandsnaam"
    assert str(done.message) == f"Backup failed: {taken} already exists: choose a new file name"
    backup = tmp_path / "b.jdm"
    assert service.backup_to(backup).ok
    done = service.restore(backup, taken)
    assert message(done.message) == \
        f"Terugzetten mislukt: {taken} bestaat al: zet terug in een nieuwe bestandsnaam"
    done = service.restore(tmp_path / "nothing.jdm", tmp_path / "new.jdm")
    assert message(done.message) == \
        "Terugzetten mislukt: nothing.jdm: dit studiebestand bestaat niet"
    with pytest.raises(BackupError) as err:
        encrypt_plain_study(study.path, tmp_path / "e.jdm", username="x", password="y",
                            kdf=KdfParams())
    assert error_message(err.value) == "study.jdm is al versleuteld"
    study.read_only = True
    with pytest.raises(BackupError) as err:
        plain_copy(study, tmp_path / "plain.jdm", "x")
    assert error_message(err.value) == ("de studie is alleen-lezen geopend: de onversleutelde "
                                        "kopie kon niet in de audittrail worden vastgelegd")


def test_integrity_and_storage_errors_in_dutch(tmp_path, qtbot, dutch):
    from jdmdesk.app import build_main_window
    from jdmdesk.db.connection import Problem
    from jdmdesk.db.errors import describe_storage_error
    from jdmdesk.db.studyfile import _damaged_because
    from jdmdesk.services.results import describe_db_error
    from tests.conftest import FAST, credentials, study_with_users
    from tests.ui.conftest import close_window
    from tests.ui.test_launch import HeldCheck

    path = study_with_users(tmp_path / "s.jdm")
    check = HeldCheck()
    w = build_main_window(path, credentials(Role.DATA_ENTRY), hasher=FAST, integrity=check,
                          defer_check=True)
    try:
        check.end(StudyFileError(path, Problem.DAMAGED, _damaged_because("Page 5: btree")))
        qtbot.waitUntil(lambda: getattr(w, "alarm", None) is not None)
        assert w.alarm.text().startswith(
            f"Het studiebestand heeft de integriteitscontrole niet doorstaan: {path}: het "
            "bestand is beschadigd (Page 5: btree). Er kan niets worden opgeslagen")
        result = w.services.records.save("patient", {"study_code": "P-9", "sex": "F",
                                                     "birth_date": "2015-01-01"})
        assert not result.ok
    finally:
        close_window(w)
    from jdmdesk.db.connection import _pass_write_gate

    failed = HeldCheck()
    failed.end(StudyFileError(path, Problem.DAMAGED, _damaged_because("Page 5: btree")))

    class Conn:
        write_gate = failed

    with pytest.raises(driver.OperationalError) as err:
        _pass_write_gate(Conn())  # type: ignore[arg-type]
    assert message(describe_db_error(err.value)) == (
        f"Het studiebestand heeft de integriteitscontrole niet doorstaan ({path}: het bestand "
        "is beschadigd (Page 5: btree)); er is niets opgeslagen.")
    assert message(describe_db_error(driver.OperationalError("database or disk is full"))) \
        == "De schijf is vol: er is niets opgeslagen. Maak ruimte vrij en sla opnieuw op."
    assert message(describe_db_error(driver.OperationalError("disk I/O error"))) == \
        "De schijf meldde een fout (disk I/O error): er is niets opgeslagen."
    full = OSError(errno.ENOSPC, "No space left on device")
    assert message(describe_storage_error(full, tmp_path / "x.jdm")) == \
        f"de schijf is vol ({tmp_path / 'x.jdm'}): er is niets geschreven; maak ruimte vrij " \
        "en probeer het opnieuw"
    busy = driver.OperationalError("database is locked")
    assert message(describe_storage_error(busy)) == \
        "het studiebestand is in gebruik door een ander programma: probeer het opnieuw " \
        "(database is locked)"
    assert str(describe_storage_error(busy)) == \
        "the study file is busy in another program: try again (database is locked)"


def test_existing_targets_say_choose_another_name_in_the_window(tmp_path, qapp):
    """The window asks before replacing, so its refusal names no --force (which only the
    command line has); the command line's ``str()`` keeps it."""
    from jdmdesk.export import ExportError
    from jdmdesk.export.atomic import check_target
    from jdmdesk.services.case_series import CaseSeriesError
    from jdmdesk.ui.case_series.job import check_folder

    target = tmp_path / "x.zip"
    target.write_bytes(b"")
    (tmp_path / "case_series.pdf").write_bytes(b"")
    for lang, shown, folder_shown in (
            ("en", f"{target} already exists: choose another file name",
             f"{tmp_path} already holds case_series.pdf: choose another folder, or tick "
             "“Replace report files already in the folder”"),
            ("nl", f"{target} bestaat al: kies een andere bestandsnaam",
             f"{tmp_path} bevat al case_series.pdf: kies een andere map, of vink "
             "‘Rapportbestanden die al in de map staan vervangen’ aan")):
        language.install(lang)
        try:
            with pytest.raises(ExportError) as err:
                check_target(target, force=False)
            assert error_message(err.value) == shown
            assert str(err.value) == f"{target} already exists: choose another file name, " \
                                     "or use --force to replace it"
            with pytest.raises(CaseSeriesError) as refused:
                check_folder(tmp_path, ["case_series.pdf"], force=False)
            assert error_message(refused.value) == folder_shown
            assert "--force" in str(refused.value) and "--force" not in folder_shown
        finally:
            language.install("en")


def test_messages_keep_the_capitals_of_names(tmp_path, window, dutch, monkeypatch):
    """The lock screen and the login dialog start a message with a capital without lowering
    the rest ("JDM Desk", a user name)."""
    from jdmdesk.domain.texts import Message
    from jdmdesk.services.accounts import AccountError
    from jdmdesk.ui.admin import login_dialog

    def refuse(*_args: object) -> None:
        raise AccountError(Message("No user {username} in this study.", username="JDM"))

    monkeypatch.setattr(window.services.accounts, "confirm_password", refuse)
    assert window._check_password("x") == "Geen gebruiker JDM in deze studie."
    seen: list[str] = []
    monkeypatch.setattr(login_dialog.LoginDialog, "exec",
                        lambda d: seen.append(d.message.text()) or 0)
    login_dialog.ask_with_dialog("s.jdm")(False, "the key file of JDM Desk is missing")
    assert seen == ["The key file of JDM Desk is missing."]


def test_printo_criterion_decimals_in_dutch(tmp_path, qtbot):
    """The review's PRINTO tooltip writes PhGA ≤ 0,2 cm in Dutch (0.2 in English)."""
    from PySide6.QtWidgets import QTableWidget

    from tests.ui.conftest import close_window, demo_window, shown

    for lang, phga in (("nl", "PhGA ≤ 0,2 cm"), ("en", "PhGA ≤ 0.2 cm")):
        language.install(lang)
        w = shown(demo_window(tmp_path / "demo.jdm", Role.DATA_MANAGER), qtbot)
        try:
            review = w.workspace.review
            w.choose_patient(w.patients.model.ids[0])
            review.recompute()
            table: QTableWidget = review.visits
            tips = [table.item(r, c).toolTip() for r in range(table.rowCount())
                    for c in range(table.columnCount()) if table.item(r, c) is not None]
            printo = [tip for tip in tips if "PhGA" in tip]
            assert printo and all(phga in tip for tip in printo)
        finally:
            close_window(w)
            language.install("en")
