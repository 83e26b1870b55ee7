"""Shared fixtures. Qt runs offscreen; every study lives in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English unless a test asks for Dutch (issue 21): the assertions read the source language
os.environ.setdefault("JDMDESK_LANGUAGE", "en")

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from jdmdesk.crypto.keys import KdfParams
from jdmdesk.db import accounts as account_rows
from jdmdesk.db import keystore
from jdmdesk.db.connection import Study, write_transaction
from jdmdesk.db.studyfile import create_study
from jdmdesk.domain.access import Credentials, Role, Session
from jdmdesk.domain.clock import FixedClock

TODAY = date(2026, 11, 25)

# Tests use Argon2id at the OWASP minimum (m=19 MiB, t=2) so that logging in stays quick; the
# app's own hasher is stronger (tests/services/test_accounts.py checks it).
FAST = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
PASSWORD = "correct horse battery"
USERNAMES = {Role.DATA_ENTRY: "nurse", Role.REVIEWER: "doctor", Role.DATA_MANAGER: "manager"}
NAMES = {Role.DATA_ENTRY: "Rita Nurse", Role.REVIEWER: "Dr Paula Review",
         Role.DATA_MANAGER: "Dana Manager"}
_HASH: list[str] = []
# The seeded accounts' copies of the study key: Argon2id at a test-only cost (never in the app)
FAST_KDF = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)


def seed_users(study: Study) -> dict[Role, Session]:
    """One account per role (password ``PASSWORD``), written straight to the file."""
    if not _HASH:
        _HASH.append(FAST.hash(PASSWORD))
    with write_transaction(study.db) as db:
        for role, username in USERNAMES.items():
            account_rows.insert(db, "setup", username, NAMES[role], role.value, _HASH[0])
            if study.key is not None:
                keystore.put_user_copy(db, study.path, study.key, username, PASSWORD, FAST_KDF)
    return {role: Session(USERNAMES[role], NAMES[role], role) for role in Role}


def credentials(role: Role) -> Credentials:
    return Credentials(USERNAMES[role], PASSWORD)


class Argon2Runs:
    """Argon2id runs counted: key derivations of wrapped copies of the study key, and
    password-hash verifications."""

    def __init__(self) -> None:
        self.derivations: list[int] = []
        self.verifications: list[int] = []


@pytest.fixture
def argon2_runs(monkeypatch: pytest.MonkeyPatch) -> Argon2Runs:
    """Counts every Argon2id run from here on (issue 19: one per login or signature)."""
    from jdmdesk.crypto import keys as crypto_keys

    runs = Argon2Runs()
    derive, verify = crypto_keys.derive_kek, PasswordHasher.verify

    def derived(*args: object, **kwargs: object) -> bytes:
        runs.derivations.append(1)
        return derive(*args, **kwargs)  # type: ignore[arg-type]

    def verified(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        runs.verifications.append(1)
        return verify(self, hash, password)

    monkeypatch.setattr(crypto_keys, "derive_kek", derived)
    monkeypatch.setattr(keystore, "derive_kek", derived)
    monkeypatch.setattr(PasswordHasher, "verify", verified)
    return runs


def log_in_as(monkeypatch: pytest.MonkeyPatch, given: Credentials) -> None:
    """The command line's non-interactive login for the rest of the test."""
    monkeypatch.setenv("JDMDESK_USER", given.username)
    monkeypatch.setenv("JDMDESK_PASSWORD", given.password)


def raw_connect(path: Path | str, *, read_only: bool = False):
    """A connection straight to a study file, as an outsider's script would open it, keyed
    with the key this process has learnt for it (studies are SQLCipher-encrypted); autocommit.
    """
    from jdmdesk.db import keyring
    from jdmdesk.db.connection import open_keyed

    key = keyring.key_for(path)
    if read_only:
        return open_keyed(f"{Path(path).resolve().as_uri()}?mode=ro", key, uri=True)
    return open_keyed(str(path), key)


def study_with_users(path: Path) -> Path:
    s = create_study(path)
    try:
        seed_users(s)
    finally:
        s.close()
    return path


UI_TESTS = Path(__file__).resolve().parent / "ui"


def is_gui_test(path: Path, fixturenames: Iterable[str]) -> bool:
    """A test needs a Qt GUI when it lives under tests/ui or uses ``qtbot``."""
    return Path(path).resolve().is_relative_to(UI_TESTS) or "qtbot" in fixturenames


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark GUI tests ``gui`` (``-m "not gui"`` runs the rest without widgets)."""
    for item in items:
        if is_gui_test(item.path, getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window state goes to a temporary folder, never to the tester's own settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = create_study(tmp_path / "study.jdm")
    yield s
    s.close()


@pytest.fixture
def users(study: Study) -> dict[Role, Session]:
    return seed_users(study)


@pytest.fixture
def service(study: Study, users: dict[Role, Session], qapp):
    """Records written by the data entry user."""
    from jdmdesk.services.records import RecordService

    return RecordService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY))


@pytest.fixture
def patient_id(service) -> str:
    result = service.save("patient", {"study_code": "P-001", "sex": "F",
                                      "birth_date": "2015-04-02", "onset_date": "2020-01-10"})
    assert result.ok, result
    return result.record_id
