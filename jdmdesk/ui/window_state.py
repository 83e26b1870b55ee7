"""Window state remembered between sessions: size, splitters, last study, last patient."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "JDM Desk", "jdmdesk")


def study_key(path: str) -> str:
    import hashlib

    return "study_" + hashlib.sha1(path.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def splitter_key(user: str, name: str) -> str:
    """A splitter's remembered state, per user (a nurse's chart size is not a doctor's)."""
    return f"splitters/{user}/{name}"


def save_bytes(key: str, value: QByteArray) -> None:
    settings().setValue(key, value)


def load_bytes(key: str) -> QByteArray | None:
    value = settings().value(key)
    return value if isinstance(value, QByteArray) else None


def save_text(key: str, value: str | None) -> None:
    settings().setValue(key, value or "")


def load_text(key: str) -> str:
    value = settings().value(key, "")
    return value if isinstance(value, str) else ""
