"""The UI language: the operating system's by default, a per-user choice remembered in the
window, ``JDMDESK_LANGUAGE=nl|en`` for scripts and tests (issue 21)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jdmdesk.ui import window_state

LANGUAGES = {"en": "English", "nl": "Nederlands"}
SOURCE_LANGUAGE = "en"
ENV = "JDMDESK_LANGUAGE"
SETTING = "language"  # "" = follow the operating system
QM_DIR = Path(__file__).resolve().parent.parent / "i18n"

_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def saved_choice() -> str:
    """The language this user chose in the window, or "" to follow the operating system."""
    value = window_state.load_text(SETTING)
    return value if value in LANGUAGES else ""


def save_choice(language: str) -> None:
    window_state.save_text(SETTING, language if language in LANGUAGES else "")


def chosen_language() -> str:
    env = os.environ.get(ENV, "").strip().lower()
    if env in LANGUAGES:
        return env
    return saved_choice() or system_language()


def current() -> str:
    """The language installed last (what the window speaks now)."""
    return _current[0]


def locale() -> QLocale:
    """The locale dates and numbers are shown in: Dutch (Netherlands) for nl. English keeps ISO
    dates and a decimal point (the study's English readers are statisticians)."""
    if _current[0] == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def qm_path(language: str) -> Path:
    return QM_DIR / f"jdmdesk_{language}.qm"


def install(language: str | None = None, app: QCoreApplication | None = None,
            qm: Path | None = None) -> str:
    """Install the translators for ``language`` (default: :func:`chosen_language`) on ``app``;
    returns the language. ``qm`` replaces JDM Desk's own compiled file (pseudo-localisation)."""
    app = app or QCoreApplication.instance()
    language = language or chosen_language()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    while _installed:
        app.removeTranslator(_installed.pop())
    if language != SOURCE_LANGUAGE or qm is not None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in (Path(qt_dir) / f"qtbase_{language}.qm", qm or qm_path(language)):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
    if language != _current[0]:
        QLocale.setDefault(locale() if language != SOURCE_LANGUAGE else QLocale.system())
    _current[0] = language
    return language
