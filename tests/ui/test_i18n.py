"""Dutch and English the Qt way (issue 21): every string translated, the window in Dutch, and a
pseudo-localisation run that finds untranslated or clipped texts in every form.

When test_every_string_has_a_dutch_translation fails: run ``python3 tasks.py i18n``, translate
the strings it lists in resources/i18n/jdmdesk_nl.ts (``pyside6-linguist`` opens it), run the
task again and commit the .ts and the .qm.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

from jdmdesk.domain import texts
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.parse import FieldError, parse_number
from jdmdesk.domain.validation import Context, validate
from jdmdesk.ui import language, translations
from jdmdesk.ui.i18n import catalogue, message
from tests.conftest import TODAY, study_with_users
from tests.ui.conftest import close_window, open_window, shown

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
PSEUDO = "[!! "


@pytest.fixture
def english_after():
    yield
    language.install("en")


def _fresh_ts(tmp_path: Path) -> Path:
    """lupdate run now, over the code as it is, into a copy of the committed .ts."""
    ts = tmp_path / "jdmdesk_nl.ts"
    shutil.copy(translations.ts_path("nl"), ts)
    catalogue_file = tmp_path / "catalogue_texts.py"
    catalogue_file.write_text(translations.catalogue_source(), encoding="utf-8")
    translations.lupdate(ts, catalogue_file)
    return ts


def test_every_string_has_a_dutch_translation(tmp_path):
    missing = translations.untranslated(_fresh_ts(tmp_path))
    assert not missing, (
        f"{len(missing)} string(s) have no finished Dutch translation; run `python3 tasks.py "
        "i18n`, translate them in resources/i18n/jdmdesk_nl.ts and run it again:\n"
        + "\n".join(map(str, missing)))


def test_catalogue_marks_and_compiled_file_are_up_to_date(tmp_path):
    """The generated catalogue file and the committed .qm are what `tasks.py i18n` makes."""
    assert translations.CATALOGUE_FILE.read_text(encoding="utf-8") == \
        translations.catalogue_source(), "run `python3 tasks.py i18n` (catalogue changed)"
    qm = tmp_path / "nl.qm"
    translations.lrelease(translations.ts_path("nl"), qm)
    assert qm.read_bytes() == language.qm_path("nl").read_bytes(), \
        "jdmdesk/i18n/jdmdesk_nl.qm is older than the .ts: run `python3 tasks.py i18n`"
    assert (translations.QM_DIR / "texts_nl.json").read_text(encoding="utf-8") == \
        translations.texts_json(translations.ts_path("nl")), \
        "jdmdesk/i18n/texts_nl.json is older than the .ts: run `python3 tasks.py i18n`"


def test_exports_offer_english_and_dutch_labels():
    from jdmdesk.export.code_lists import CODE_LISTS_HEADER
    from jdmdesk.export.dictionary import DICTIONARY_HEADER
    from jdmdesk.i18n import dutch

    assert {"label_en", "label_nl"} <= set(DICTIONARY_HEADER) & set(CODE_LISTS_HEADER)
    made = texts.Message("Age at {field_label_lower}", field_label="Visit date")
    assert made == "Age at visit date" and dutch(made) == "Leeftijd op bezoekdatum"
    assert dutch(texts.Message("{field_label}: study day", field_label="Onset date")) == \
        "Begindatum: studiedag"
    assert dutch("Female") == "Vrouw" and dutch("no such label") == "no such label"


def test_untranslated_lists_what_is_missing(tmp_path):
    """The check itself: a new string in the code is reported by context and text."""
    module = tmp_path / "new_dialog.py"
    module.write_text('class NewDialog:\n    def f(self):\n        return self.tr("Brand new")\n',
                      encoding="utf-8")
    ts = _fresh_ts(tmp_path)
    translations.lupdate_files(ts, [module])
    found = {(u.context, u.source, u.why) for u in translations.untranslated(ts)}
    assert ("NewDialog", "Brand new", "no translation") in found


def _messages(ts: Path) -> Iterator[tuple[str, str, str]]:
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            yield (context.findtext("name") or "", msg.findtext("source") or "",
                   msg.findtext("translation") or "")


def test_translations_keep_placeholders_and_one_mnemonic():
    for context, source, text in _messages(translations.ts_path("nl")):
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), \
            (context, source, text)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), \
            (context, source, text)


def test_window_in_dutch(tmp_path, qtbot, english_after):
    language.install("nl")
    w = shown(open_window(study_with_users(tmp_path / "nl.jdm")), qtbot)
    try:
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[0] == "&Bestand" and "&Patiënt" in menus
        tabs = [w.workspace.tabs.tabText(i) for i in range(w.workspace.tabs.count())]
        assert tabs[:5] == ["Patiën&t", "Be&zoeken", "&Medicatie", "&Laboratorium",
                            "Bij&werkingen"]
        lab = w.workspace.forms["lab"]
        assert lab.labels["analyte"].text() == "Bepaling"
        assert lab.labels["sample_date"].text() == "Afnamedatum"
        assert lab.labels["ref_low"].text() == "Referentie laag"
        assert lab.save_button.text() == "Opslaan"
        sex = w.workspace.forms["patient"].inputs["sex"].widget
        assert [sex.itemText(i) for i in range(1, sex.count())] == ["Vrouw", "Man", "Onbekend"]
        assert [sex.itemData(i) for i in range(1, sex.count())] == ["F", "M", "U"]  # codes stay
    finally:
        close_window(w)


def test_dutch_messages_dates_and_decimals(english_after):
    language.install("nl")
    checked = validate("visit", {"visit_date": "2099-01-01", "weight_kg": "1,5"},
                       Context(today=TODAY))
    assert message(checked.errors["visit_date"]) == "datum in de toekomst"
    assert str(checked.errors["visit_date"]) == "date in the future"  # the domain stays English
    with pytest.raises(FieldError) as err:
        parse_number("abc")
    assert message(err.value.message) == "'abc' is geen getal"
    assert parse_number("1,5") == parse_number("1.5") == 1.5
    from jdmdesk.ui.locale_format import show_date, show_number

    assert show_date("2024-03-05") == "05-03-2024" and show_number("1.5") == "1,5"
    assert catalogue("Adverse event") == "Bijwerking"
    language.install("en")
    assert show_date("2024-03-05") == "2024-03-05" and show_number("1.5") == "1.5"
    assert message(checked.errors["visit_date"]) == "date in the future"


def test_domain_texts_stay_free_of_qt():
    assert "PySide6" not in Path(texts.__file__).read_text(encoding="utf-8")


# --- pseudo-localisation ------------------------------------------------------------------


def _pseudo(source: str) -> str:
    """``[!! source~~~ !!]``: 30 % longer, placeholders and mnemonics kept."""
    pad = "~" * max(1, round(len(source) * 0.3))
    return f"{PSEUDO}{source}{pad} !!]"


def _pseudo_qm(tmp_path: Path) -> Path:
    ts = tmp_path / "pseudo.ts"
    tree = ET.parse(translations.ts_path("nl"))
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        assert tr is not None
        tr.text = _pseudo(msg.findtext("source") or "")
        tr.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "pseudo.qm"
    translations.lrelease(ts, qm)
    return qm


WORD = re.compile(r"[A-Za-z]{2,}")
# what the window shows that is data or a name, not a UI text: the user and the study
NOT_UI = ("Rita Nurse", "ui.jdm")


def _untranslated(text: str) -> bool:
    text = re.sub(r"<[^>]+>", "", text)
    if text in ANALYTES:  # codes, as on the lab's report: never translated
        return False
    return bool(WORD.search(text)) and PSEUDO not in text and not any(n in text for n in NOT_UI)


def _texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel):
            yield w, w.text()
        elif isinstance(w, QAbstractButton):
            yield w, w.text()
            yield w, w.toolTip()
        elif isinstance(w, QGroupBox):
            yield w, w.title()
        elif isinstance(w, QComboBox) and w.objectName() not in {"unit"} \
                and not w.objectName().startswith("panel_"):
            yield from ((w, w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            yield w, w.placeholderText()
        if isinstance(w, (QTableView, QTableWidget)) and w.model() is not None:
            model = w.model()
            from PySide6.QtCore import Qt

            yield from ((w, str(model.headerData(c, Qt.Orientation.Horizontal)))
                        for c in range(model.columnCount()))


def _clipped(w: QWidget) -> bool:
    if isinstance(w, QLineEdit) and not isinstance(w.parent(), QComboBox):
        return w.width() < min(w.maximumWidth(), 60)  # room for a value
    if isinstance(w, QLabel) and not w.wordWrap() and w.text():
        return w.width() < w.minimumSizeHint().width()
    if isinstance(w, QAbstractButton) and w.text():
        return w.width() < w.minimumSizeHint().width()
    return False


def test_pseudo_localised_forms_translate_everything_and_clip_nothing(tmp_path, qtbot,
                                                                     english_after):
    language.install("nl", qm=_pseudo_qm(tmp_path))
    w = shown(open_window(study_with_users(tmp_path / "ui.jdm")), qtbot)
    try:
        untranslated, clipped = set(), set()
        for menu_action in w.menuBar().actions():
            untranslated |= {a.text() for a in [menu_action, *menu_action.menu().actions()]
                             if a.text() and _untranslated(a.text())}
        tabs = w.workspace.tabs
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(10)
            untranslated |= {tabs.tabText(i)} if _untranslated(tabs.tabText(i)) else set()
            for widget, text in _texts(w):
                if text and _untranslated(text):
                    untranslated.add(f"{widget.objectName() or type(widget).__name__}: {text}")
                if _clipped(widget):
                    clipped.add(f"{tabs.tabText(i)} / {widget.objectName()}: {text}")
        lab = w.workspace.forms["lab"]
        w.workspace.show_section("lab")
        lab.panel_toggle.setChecked(True)
        for widget, text in _texts(lab):
            if text and _untranslated(text):
                untranslated.add(f"lab panel {widget.objectName()}: {text}")
        assert not untranslated, sorted(untranslated)
        assert not clipped, sorted(clipped)
    finally:
        close_window(w)


def test_language_choice_is_remembered_and_the_environment_wins(tmp_path, qtbot, monkeypatch,
                                                                english_after):
    w = shown(open_window(study_with_users(tmp_path / "choice.jdm")), qtbot)
    try:
        menu = w.findChild(type(w.tools_menu), "language_menu")
        assert menu is not None
        dutch = next(a for a in menu.actions() if a.objectName() == "language_nl_action")
        dutch.trigger()
        assert language.saved_choice() == "nl"
        monkeypatch.delenv(language.ENV)
        assert language.chosen_language() == "nl"  # remembered for this user
        monkeypatch.setenv(language.ENV, "en")
        assert language.chosen_language() == "en"  # scripts and tests decide
        next(a for a in menu.actions() if a.objectName() == "language_system_action").trigger()
        monkeypatch.delenv(language.ENV)
        assert language.saved_choice() == "" and \
            language.chosen_language() == language.system_language()
    finally:
        language.save_choice("")
        close_window(w)


def test_service_refusals_are_shown_in_dutch(study, users, english_after):
    """A refused login, a lockout and a role refusal reach the user in Dutch: the services
    return Message texts (English as str) and the UI translates them."""
    from jdmdesk.domain.access import Role
    from jdmdesk.services.accounts import AccountError, AccountService
    from jdmdesk.services.maintenance import MaintenanceService
    from jdmdesk.ui.i18n import error_message
    from tests.conftest import FAST

    accounts = AccountService(study, hasher=FAST)
    reviewer = users[Role.REVIEWER]
    refused = MaintenanceService(study, reviewer).backup_to(study.path.parent / "b.jdm")
    language.install("nl")
    with pytest.raises(AccountError) as err:
        accounts.login(reviewer.username, "not the password")
    assert error_message(err.value) == "onbekende gebruikersnaam of verkeerd wachtwoord"
    assert str(err.value) == "unknown user name or wrong password"  # the CLI's English
    waits = []
    for _ in range(6):
        with pytest.raises(AccountError) as err:
            accounts.login(reviewer.username, "not the password")
        waits.append(error_message(err.value))
    assert any(w.startswith("te veel mislukte pogingen: probeer het over ") for w in waits)
    assert refused.message == "Reviewer accounts may not back up or restore the study."
    assert message(refused.message) == ("Met de rol Beoordelaar mag u dit niet: een back-up van "
                                        "de studie maken of terugzetten.")


def test_lab_import_problem_lines_are_shown_in_dutch(english_after):
    from jdmdesk.domain.lab_mapping import guess_mapping
    from jdmdesk.domain.lab_rows import RowChecker

    header = ["patient", "test", "value", "unit", "sample_date"]
    checker = RowChecker(header, guess_mapping(header), today=TODAY,
                         find_patient=lambda text: None, stored_at=lambda *a: {},
                         default_range=lambda *a: (None, None))
    row = checker.check(2, ["", "CK", "120", "U/L", "2024-01-05"])
    assert [str(p) for p in row.problems] == ["line 2, column 'patient': no patient given"]
    language.install("nl")
    assert [message(p.text()) for p in row.problems] == [
        "regel 2, kolom 'patient': geen patiënt opgegeven"]


def test_blood_pressure_flag_is_shown_in_dutch(english_after):
    from jdmdesk.domain.safety import safety_flags

    (flag,) = safety_flags(sbp=150, dbp=70, age_years=10, sex="M", height_cm=140)
    assert str(flag.message).startswith("blood pressure 150/70 mmHg: stage 2 hypertension")
    language.install("nl")
    shown = message(flag.message)
    assert shown.startswith("bloeddruk 150/70 mmHg: hypertensie stadium 2 — systolisch 150 ≥ ")
    assert "voor leeftijd 10, jongen, lengte 140 cm (AAP 2017)" in shown


def test_chart_hover_text_is_shown_in_dutch(english_after):
    from datetime import date

    from jdmdesk.domain.chart_series import point_tooltip
    from jdmdesk.domain.labs import LabResult

    p = LabResult("r", "ASAT", date(2025, 2, 1), 1.5, "\u00b5kat/L", 90.0, 0.0, 0.5, "08:30")
    language.install("nl")
    assert message(point_tooltip(p, 19)).splitlines() == [
        "ASAT: 1,5 \u00b5kat/L (90 U/L)", "ULN: 0,5 \u00b5kat/L \u2014 3,00 \u00d7 ULN",
        "01-02-2025 08:30 \u00b7 dag 19"]


# --- the language changes at once -----------------------------------------------------------


def _patient(w, code: str) -> str:
    saved = w.writer.save("patient", {"study_code": code, "sex": "F",
                                      "birth_date": "2015-04-02", "onset_date": "2020-01-10"})
    assert saved.ok, saved
    return saved.record_id


def _language_action(w, code: str):
    from PySide6.QtGui import QAction

    action = w.findChild(QAction, f"language_{code}_action")
    assert action is not None
    return action


def test_language_changes_at_once_keeping_patient_and_tab(tmp_path, qtbot, english_after):
    language.install("en")
    w = shown(open_window(study_with_users(tmp_path / "live.jdm")), qtbot)
    try:
        _patient(w, "P-001")
        pid = _patient(w, "P-002")
        w.choose_patient(pid)
        w.workspace.show_section("lab")
        assert w.menuBar().actions()[0].text() == "&File"
        _language_action(w, "nl").trigger()
        assert language.current() == "nl" and language.saved_choice() == "nl"
        assert [a.text() for a in w.menuBar().actions()][:2] == ["&Bestand", "&Patiënt"]
        space = w.workspace
        assert space.patient_id == pid and w.patients.model.ids[
            w.patients.view.currentIndex().row()] == pid  # still the open patient
        assert space.tabs.currentWidget() is space.sections["lab"]  # still the lab tab
        lab = space.forms["lab"]
        assert lab.labels["analyte"].text() == "Bepaling" and lab.save_button.text() == "Opslaan"
        assert space.header.text().startswith("P-002 · Vrouw")
        assert _language_action(w, "nl").isChecked()
        w.lock()  # the rebuilt lock screen speaks Dutch too
        assert w.lock_screen.findChild(type(lab.save_button), "unlock_screen_button").text() \
            == "Ontgrendelen"
        w.lock_screen.password.setText("not the password")
        w.lock_screen.try_unlock()
        assert w.locked
        # the rebuilt views follow the one refresh path: a save shows in the list at once
        assert _patient(w, "P-003") in w.patients.model.ids
        _language_action(w, "en").trigger()  # locked: nothing changes under the lock screen
    finally:
        language.save_choice("")
        close_window(w)


def test_unsaved_input_is_never_lost_by_a_language_change(tmp_path, qtbot, english_after):
    from tests.ui.helpers import install_prompts

    language.install("en")
    w = shown(open_window(study_with_users(tmp_path / "dirty.jdm")), qtbot)
    try:
        pid = _patient(w, "P-001")
        w.choose_patient(pid)
        w.workspace.show_section("visit")
        prompts = install_prompts(w)
        visit = w.workspace.forms["visit"]
        visit.inputs["visit_date"].set_text("2024-05-01")
        visit._on_changed()
        assert visit.dirty
        prompts.unsaved_answers = ["cancel"]
        assert not w.choose_language("nl")
        assert language.current() == "en" and language.saved_choice() == ""
        assert w.workspace.forms["visit"] is visit and visit.dirty
        assert visit.inputs["visit_date"].text() == "2024-05-01"
        assert w.menuBar().actions()[0].text() == "&File"
        assert _language_action(w, "system").isChecked()  # the menu shows what is spoken
        prompts.unsaved_answers = ["discard"]
        assert w.choose_language("nl")
        assert w.menuBar().actions()[0].text() == "&Bestand"
    finally:
        language.save_choice("")
        close_window(w)
