"""One text rule for notes, terms, user names and the study name (issue 15 items 9 and 10):
controls, bidi marks, zero-width and separator characters are refused with a message, never a
traceback; user names never start like a formula; unknown settings keys are refused."""

from __future__ import annotations

import pytest

from jdmdesk.domain import access, parse, settings_rules
from jdmdesk.domain.access import Role
from jdmdesk.domain.clock import FixedClock
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.services.results import Status
from jdmdesk.services.settings import SettingsService
from tests.conftest import FAST, TODAY

HOSTILE_NAMES = {
    "nul": "ab\x00cd",
    "rlo": "ab\u202ecd",
    "rlm": "ab\u200fcd",
    "alm": "ab\u061ccd",
    "zero_width_space": "ab\u200bcd",
    "zero_width_joiner": "ab\u200dcd",
    "bom": "\ufeffabcd",
    "line_separator": "ab\u2028cd",
    "escape": "ab\x1b[31mcd",
    "lone_surrogate": "ab\ud800cd",
}
FORMULAS = ['=HYPERLINK("x")', "+cmd", "-2+3", "@SUM(1)"]


@pytest.fixture
def accounts(study, users) -> AccountService:
    return AccountService(study, FixedClock.on(TODAY), FAST)


def _names(study) -> list[str]:
    return [r[0] for r in study.conn.execute("SELECT username FROM user_account")]


@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_hostile_user_names_are_refused_with_a_message(accounts, study, users, case):
    before = _names(study)
    result = accounts.create_user(users[Role.DATA_MANAGER], HOSTILE_NAMES[case], "Some One",
                                  Role.DATA_ENTRY, "a long passphrase")
    assert result.status is Status.INVALID, (case, result)
    assert "user name" in result.message.lower()
    assert _names(study) == before


@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_hostile_full_names_are_refused(accounts, study, users, case):
    result = accounts.create_user(users[Role.DATA_MANAGER], "someone", HOSTILE_NAMES[case],
                                  Role.DATA_ENTRY, "a long passphrase")
    assert result.status is Status.INVALID and "full name" in result.message.lower(), case


@pytest.mark.parametrize("name", FORMULAS)
def test_formula_like_user_names_are_refused(accounts, study, users, name):
    result = accounts.create_user(users[Role.DATA_MANAGER], name, "Some One", Role.DATA_ENTRY,
                                  "a long passphrase")
    assert result.status is Status.INVALID and "must not start with" in result.message


def test_a_lone_surrogate_in_the_first_account_or_a_password_is_an_account_error(tmp_path):
    from jdmdesk.db.studyfile import create_study

    study = create_study(tmp_path / "new.jdm")
    try:
        svc = AccountService(study, hasher=FAST)
        with pytest.raises(AccountError, match="surrogate"):
            svc.create_first_user("dm\ud800", "Data Manager", "long enough pw")
        with pytest.raises(AccountError, match="surrogate"):
            svc.create_first_user("dm", "Data Manager", "long enough pw\udcff")
        assert not svc.has_accounts()
    finally:
        study.close()


def test_ordinary_names_still_work(accounts, users):
    for name in ("j.jansen", "müller", "o'neil", "dr_ahmed2"):
        assert accounts.create_user(users[Role.DATA_MANAGER], name, "Ähnlich Öztürk",
                                    Role.DATA_ENTRY, "a long passphrase").ok, name


@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_hostile_study_names_are_refused(study, users, case, qapp):
    svc = SettingsService(study, users[Role.DATA_MANAGER])
    before = svc.current().study_name
    result = svc.update({"study_name": f"Study {HOSTILE_NAMES[case]}"}, "rename")
    assert result.status is Status.INVALID and "study_name" in result.errors, case
    assert svc.current().study_name == before


def test_a_formula_like_study_name_is_kept_as_text(study, users, qapp):
    svc = SettingsService(study, users[Role.DATA_MANAGER])
    assert svc.update({"study_name": '=HYPERLINK("x")'}, "rename").ok
    assert svc.current().study_name == '=HYPERLINK("x")'


@pytest.mark.parametrize("key", ["study_nmae", "password", "x\ud800", "login.salt"])
def test_unknown_settings_keys_are_refused(study, users, key, qapp):
    svc = SettingsService(study, users[Role.DATA_MANAGER])
    before = study.conn.execute("SELECT count(*) FROM study_setting").fetchone()[0]
    result = svc.update({key: "x", "visit_interval_days": 60}, "typo")
    assert result.status is Status.INVALID and result.errors == {key: "not a study setting"}
    assert study.conn.execute("SELECT count(*) FROM study_setting").fetchone()[0] == before
    assert svc.current().visit_interval_days == 90


def test_the_known_keys_are_the_defaults():
    assert {"study_name", "reference_ranges", "auto_lock_minutes"} <= settings_rules.SETTING_KEYS
    assert settings_rules.unknown_setting_problems({"study_name": "x", "nope": 1}) == \
        {"nope": "not a study setting"}


@pytest.mark.parametrize("text", ["a\u200bb", "a\u200eb", "a\u200fb", "a\u061cb", "a\u2060b",
                                  "a\ufeffb", "a\u00adb", "a\u2028b", "a\u2029b", "a\u200db"])
def test_notes_refuse_invisible_and_direction_characters(text):
    for multiline in (False, True):
        with pytest.raises(parse.FieldError, match=r"U\+"):
            parse.clean_text(text, max_length=100, multiline=multiline)


def test_joiners_inside_emoji_and_joining_scripts_are_kept():
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    for text in ("\U0001f469\u200d\u2695\ufe0f", persian):
        assert parse.clean_text(text, max_length=100, multiline=True) == text


def test_user_names_use_the_note_rule():
    name = "ab\u2028cd"
    assert access.account_name_problem(name, "X") == \
        "the user name " + str(parse.text_problem(name, multiline=False))
