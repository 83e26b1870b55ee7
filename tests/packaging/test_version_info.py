"""``jdmdesk --version``: the app, the schema it writes, Qt, SQLite/SQLCipher and Python."""

from __future__ import annotations

import platform

import pytest
from PySide6.QtCore import qVersion

from jdmdesk import APP_NAME, __version__, cli
from jdmdesk.db import driver
from jdmdesk.db.migrations import LATEST_VERSION
from jdmdesk.version_info import VersionInfo, collect, version_text


def test_the_facts_are_asked_at_run_time():
    info = collect()
    assert info.app == __version__ and info.schema == LATEST_VERSION
    assert info.qt == qVersion() and info.sqlite == driver.driver.sqlite_version
    assert info.sqlcipher  # the study driver is SQLCipher
    assert info.python.endswith(platform.python_version()) and not info.bundled


def test_the_text_names_every_version():
    text = version_text(VersionInfo(app="9.8.7", schema=42, qt="6.11.3", pyside="6.11.3",
                                    sqlite="3.53.4", sqlcipher="4.19.0 community",
                                    python="CPython 3.12.1", system="Windows 11 (AMD64)",
                                    bundled=True))
    assert text.splitlines() == [
        f"{APP_NAME} 9.8.7 (bundled application)", "study file schema version 42",
        "Qt 6.11.3 (PySide6 6.11.3)", "SQLCipher 4.19.0 community (SQLite 3.53.4)",
        "Python 3.12.1 (CPython)", "on Windows 11 (AMD64)"]


def test_plain_sqlite_is_said_so():
    info = VersionInfo(app="1", schema=1, qt="6", pyside="6", sqlite="3.45.0", sqlcipher=None,
                       python="CPython 3.11.7", system="Linux", bundled=False)
    assert "SQLite 3.45.0" in version_text(info) and "SQLCipher" not in version_text(info)
    assert "(Python package)" in version_text(info)


def test_cli_version_prints_it_and_exits_0(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out == version_text() + "\n"
    assert f"{APP_NAME} {__version__}" in out and f"schema version {LATEST_VERSION}" in out
