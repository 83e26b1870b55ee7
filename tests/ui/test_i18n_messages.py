"""Texts made outside the window's widgets, shown in Dutch (issue 21): the TIS "not computable"
reasons, lab-mapping errors, the lab import's report file and conflict tip, the start-up
refusals, key-file and recovery-key errors, and the About box's version lines. Each test reads
the Dutch the user sees, so undoing a text's wrapping fails it; the English (``str``) stays
what the command line prints."""

from __future__ import annotations

import pytest

from jdmdesk.domain.texts import Message
from jdmdesk.ui import language
from jdmdesk.ui.i18n import error_message, message


@pytest.fixture
def dutch(qapp):
    language.install("nl")
    yield
    language.install("en")


def test_tis_not_computable_reasons_in_dutch(dutch):
    from jdmdesk.domain.tis import CoreSet, total_improvement_score

    baseline = CoreSet(phga=6.0, ptga=5.0, chaq_di=1.5, enzymes={"CK": (900.0, None)})
    follow = CoreSet(ptga=2.0, chaq_di=1.0, das_total=4.0)
    tis = total_improvement_score(baseline, follow)
    assert tis.score is None
    assert str(tis.reason).startswith("Physician global activity missing at follow-up; ")
    shown = message(tis.reason).split("; ")
    assert shown == [
        "Globale activiteit arts ontbreekt bij de follow-up",
        "Spierkracht: geen MMT8 of CMAS bij zowel de uitgangsmeting als de follow-up",
        "Spierenzymen: CK bij de uitgangsmeting zonder bovengrens van normaal (ULN): het meest "
        "afwijkende enzym is niet te bepalen",
        "Extramusculaire activiteit: geen globale extramusculaire activiteit of "
        "DAS-totaal bij beide bezoeken"]
    later = total_improvement_score(CoreSet(enzymes={"CK": (0.0, 145.0)}),
                                    CoreSet(enzymes={"CK": (10.0, 145.0)}))
    assert "CK: procentuele verandering niet te berekenen (de uitgangswaarde is 0)" in \
        message(later.reason)
    from jdmdesk.i18n import dutch as exported_dutch  # the case series report, made without Qt

    assert exported_dutch(Message("TIS not computable: {reason}", reason=tis.reason)) \
        .startswith("TIS niet te berekenen: Globale activiteit arts ontbreekt bij de follow-up")


def test_lab_mapping_errors_in_dutch(dutch):
    from jdmdesk.domain.lab_mapping import LabMapping, MappingError

    cases = {"{": "de koppeling is geen geldige JSON (",
             '{"format": "other"}': "geen laboratoriumkoppeling van JDM Desk",
             '{"format": "jdmdesk-lab-mapping", "columns": {"colour": "x"}}':
                 "onbekende kolomrol(len): colour",
             '{"format": "jdmdesk-lab-mapping", "tests": {"CK": 1}}':
                 '"tests" in de koppeling moet tekst aan tekst koppelen',
             '{"format": "jdmdesk-lab-mapping", "patient_key": "name"}':
                 "patient_key moet een van deze zijn: auto, "}
    for text, expected in cases.items():
        with pytest.raises(MappingError) as err:
            LabMapping.from_json(text)
        assert error_message(err.value).startswith(expected), text
        assert not str(err.value).startswith(expected)  # the command line's English


LAB_FILE = ("study_code,sample_date,sample_time,analyte,value,unit,ref_low,ref_high\n"
            "P-1,2024-05-01,09:00,CK,300,U/L,0,145\n"
            "P-1,2024-05-01,09:00,CK,310.5,U/L,0,145\n"
            "P-1,2024-05-02,09:00,ASAT,abc,U/L,0,30\n")


def test_lab_import_report_and_conflict_tip_in_dutch(window, tmp_path, dutch):
    from jdmdesk.ui.entry.lab_import_dialog import LabImportDialog

    assert window.writer.save("patient", {"study_code": "P-1", "sex": "F",
                                          "birth_date": "2015-04-02",
                                          "onset_date": "2020-01-10"}).ok
    source = tmp_path / "labs.csv"
    source.write_text(LAB_FILE, encoding="utf-8")
    dialog = LabImportDialog(window.lab_import_service(), source, window)
    try:
        dialog.run_check()
        tip = dialog.conflicts.item(0, 0).toolTip()
        assert tip == ("regel 3: P-1 CK 01-05-2024 09:00: bestand 310,5 U/L ≠ regel 2 van het "
                       "bestand")
        assert dialog.conflicts.item(0, 3).text() == "01-05-2024 09:00"
        dialog.skip_invalid.setChecked(True)
        dialog.run_import()
        assert dialog.result is not None and dialog.result.ok
        reports = list(tmp_path.glob("labs.csv.import-report-*.txt"))
        assert len(reports) == 1
        report = reports[0].read_text(encoding="utf-8").splitlines()
        assert report[0] == "Verslag van de laboratoriumimport: labs.csv"
        assert report[2].startswith("3 regels: 1 nieuw, 0 dubbel, 1 conflict, 1 ongeldig")
        assert report[3].startswith("1 uitslagen geïmporteerd (import ")
        assert "probleem: regel 4, kolom 'value': 'abc' is geen getal" in report
        assert ("conflict: regel 3: P-1 CK 01-05-2024 09:00: bestand 310,5 U/L ≠ regel 2 van "
                "het bestand") in report
    finally:
        dialog.close()


def test_start_up_refusals_in_dutch(tmp_path, dutch):
    from jdmdesk.app import build_main_window
    from jdmdesk.db import keyring
    from jdmdesk.db.studyfile import create_study
    from jdmdesk.services.accounts import AccountError
    from tests.conftest import FAST, credentials, study_with_users

    empty = tmp_path / "empty.jdm"
    create_study(empty).close()
    with pytest.raises(AccountError) as err:
        build_main_window(empty, None, read_only=True, hasher=FAST)
    assert error_message(err.value) == ("deze studie heeft nog geen gebruikers: open hem om te "
                                        "bewerken en maak de eerste datamanager aan")
    assert str(err.value).startswith("this study has no users yet")  # stderr stays English
    keyed = study_with_users(tmp_path / "keyed.jdm")
    keyring.key_file_path(keyed).unlink()
    with pytest.raises(AccountError) as err:
        build_main_window(keyed, credentials(_role()), hasher=FAST)
    assert error_message(err.value) == (f"het sleutelbestand {keyring.key_file_path(keyed).name}"
                                        " ontbreekt: open de studie met de herstelsleutel")


def _role():
    from jdmdesk.domain.access import Role

    return Role.DATA_ENTRY


def test_key_file_and_recovery_key_errors_in_dutch(dutch):
    from jdmdesk.crypto.keyfile import KeyFile, KeyFileError
    from jdmdesk.crypto.recovery import RecoveryKeyError, parse_recovery_key
    from jdmdesk.domain.texts import text_of

    with pytest.raises(KeyFileError) as err:
        KeyFile.from_bytes(b"not json")
    assert error_message(err.value) == "Het sleutelbestand is beschadigd en kan niet worden " \
                                       "gelezen."
    shown = message(Message("Not signed: the key file beside the study could not be read or "
                            "written ({error}).", error=text_of(err.value)))
    assert shown.endswith("(Het sleutelbestand is beschadigd en kan niet worden gelezen.).")
    with pytest.raises(KeyFileError) as err:
        KeyFile.from_bytes(b'{"format": "something else"}')
    assert error_message(err.value) == "Dit is geen sleutelbestand van JDM Desk."
    with pytest.raises(RecoveryKeyError) as err:
        parse_recovery_key("ABC")
    assert error_message(err.value).startswith("Een herstelsleutel heeft ")
    assert error_message(err.value).endswith("; deze heeft er 3.")


def test_about_box_version_lines_in_dutch(window, dutch):
    from jdmdesk.ui.about import about_box
    from jdmdesk.version_info import version_text

    box = about_box(window)
    lines = box.informativeText().splitlines()
    assert lines[0].endswith("(Python-pakket)") or lines[0].endswith("(gebundelde toepassing)")
    assert lines[1].startswith("schemaversie van het studiebestand ")
    assert lines[-1].startswith("op ")
    assert version_text().splitlines()[1].startswith("study file schema version")  # --version
    box.close()


def test_export_and_case_series_messages_in_dutch(tmp_path, study, users, dutch):
    from jdmdesk.domain.access import Role
    from jdmdesk.export import ExportError, ExportOptions, ExportResult
    from jdmdesk.export.atomic import check_target
    from jdmdesk.services.case_series import CaseSeriesError, CaseSeriesService
    from jdmdesk.ui.export_dialog import ExportWorker

    target = tmp_path / "gone" / "x.zip"
    with pytest.raises(ExportError) as err:
        check_target(target, force=False)
    assert error_message(err.value) == \
        f"kan {target} niet schrijven: de map {target.parent} bestaat niet"
    assert str(err.value).startswith(f"cannot write {target}")  # the command line's English
    worker = ExportWorker(study.path, users[Role.DATA_MANAGER], tmp_path / "x.zip",
                          ExportOptions())
    done = ExportResult(tmp_path / "x.zip", "bundle", {"patient.csv": 3, "visit.csv": 5,
                                                       "data_dictionary.csv": 40})
    assert worker.summary(done) == f"{tmp_path / 'x.zip'} geschreven (bundle): patient 3, visit 5"
    assert done.summary() == f"wrote {tmp_path / 'x.zip'} (bundle): patient 3, visit 5"
    with pytest.raises(CaseSeriesError) as err:
        CaseSeriesService(study).load(["NOPE"])
    assert error_message(err.value) == "geen patiënt met studiecode 'NOPE'"


def test_mapping_errors_are_shown_in_the_import_dialog_in_dutch(window, tmp_path, dutch):
    """Load mapping… in the import dialog: a file that is not a usable mapping is refused with
    its reason in Dutch; a good one sets the dialog's choices."""
    from jdmdesk.ui.entry.lab_import_dialog import LabImportDialog

    source = tmp_path / "labs.csv"
    source.write_text(LAB_FILE, encoding="utf-8")
    dialog = LabImportDialog(window.lab_import_service(), source, window)
    try:
        bad = tmp_path / "bad.json"
        bad.write_text('{"format": "jdmdesk-lab-mapping", "columns": {"colour": "x"}}',
                       encoding="utf-8")
        assert not dialog.load_mapping(bad)
        assert dialog.counts.text() == ("De koppeling bad.json is niet te gebruiken: onbekende "
                                        "kolomrol(len): colour")
        bad.write_text("{", encoding="utf-8")
        assert not dialog.load_mapping(bad)
        assert dialog.counts.text().startswith("De koppeling bad.json is niet te gebruiken: de "
                                               "koppeling is geen geldige JSON (")
        good = tmp_path / "good.json"
        good.write_text(dialog.mapping().to_json().replace('"auto"', '"study_code"'),
                        encoding="utf-8")
        dialog.patient_key.setCurrentIndex(dialog.patient_key.findData("auto"))
        assert dialog.load_mapping(good)
        assert dialog.patient_key.currentData() == "study_code"
        assert dialog.counts.text().startswith("Koppeling geladen uit good.json")
    finally:
        dialog.close()
