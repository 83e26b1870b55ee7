"""The services apply the domain's length rules (issue 15, item 4) before anything is stored."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from jdmdesk.domain.access import Role
from jdmdesk.domain.settings_rules import MAX_STUDY_NAME_LENGTH
from jdmdesk.services import accounts as accounts_service
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.services.results import Status
from jdmdesk.services.settings import SettingsService

FAST = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def test_a_study_name_of_forty_thousand_characters_is_not_stored(study, users, qtbot):
    svc = SettingsService(study, users[Role.DATA_MANAGER])
    before = svc.current().study_name
    r = svc.update({"study_name": "Renamed " * 5_000}, "protocol amendment")
    assert r.status is Status.INVALID and "study_name" in r.errors
    assert svc.current().study_name == before
    assert svc.update({"study_name": "N" * MAX_STUDY_NAME_LENGTH}, "amendment").ok


def test_accounts_use_the_domain_rule(study, monkeypatch):
    svc = AccountService(study, hasher=FAST)
    with pytest.raises(AccountError, match="the user name needs"):
        svc.create_first_user("x" * 40_000, "Data Manager", "long enough pw")
    monkeypatch.setattr(accounts_service, "account_name_problem",
                        lambda username, display_name: "refused by the domain rule")
    with pytest.raises(AccountError, match="refused by the domain rule"):
        svc.create_first_user("dm", "Data Manager", "long enough pw")
    assert not svc.has_accounts()
