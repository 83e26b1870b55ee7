"""Lengths limited at entry (issue 15, item 4): study name, user names and display names.

The limits live in the domain (``settings_rules.MAX_STUDY_NAME_LENGTH``, ``access``'s user name
and display name limits); the services call the domain check. All stay far below Excel's cell
limit of 32 767 characters, so an export never has to cut a value typed through the app.
"""

from __future__ import annotations

import pytest

from jdmdesk.domain import access
from jdmdesk.domain.settings_rules import MAX_STUDY_NAME_LENGTH, validate_settings

EXCEL_CELL_MAX = 32_767


def test_a_study_name_longer_than_the_limit_is_refused():
    assert validate_settings({"study_name": "S" * MAX_STUDY_NAME_LENGTH}) == {}
    errors = validate_settings({"study_name": "S" * (MAX_STUDY_NAME_LENGTH + 1)})
    assert str(MAX_STUDY_NAME_LENGTH) in errors["study_name"]
    assert validate_settings({"study_name": "Study " * 8_000})["study_name"]
    assert validate_settings({"study_name": "  "})["study_name"] == "required"


@pytest.mark.parametrize(("username", "display_name", "ok"), [
    ("ab", "A", True), ("a" * access.MAX_USERNAME_LENGTH, "N" * access.MAX_DISPLAY_NAME_LENGTH,
                        True),
    ("a", "Name", False), ("a" * (access.MAX_USERNAME_LENGTH + 1), "Name", False),
    ("has space", "Name", False), ("nurse", "", False),
    ("nurse", "N" * (access.MAX_DISPLAY_NAME_LENGTH + 1), False), ("x" * 40_000, "Name", False),
])
def test_account_name_rules(username, display_name, ok):
    assert (access.account_name_problem(username, display_name) is None) == ok


def test_every_limit_is_far_below_an_excel_cell():
    assert max(MAX_STUDY_NAME_LENGTH, access.MAX_USERNAME_LENGTH,
               access.MAX_DISPLAY_NAME_LENGTH) * 2 < EXCEL_CELL_MAX
