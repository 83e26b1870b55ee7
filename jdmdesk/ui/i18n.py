"""Translate the domain's marked texts at the UI edge (issue 21; jdmdesk/domain/texts.py).

Field names, codes and exported column names are never translated: only what people read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from jdmdesk.domain.texts import CATALOGUE, MESSAGES, Message, with_lowered
from jdmdesk.ui.locale_format import show


def catalogue(text: str) -> str:
    """A field label, help text, section title, unit or code-list label in the UI language."""
    return QCoreApplication.translate(CATALOGUE, text) if text else text


def message(text: str) -> str:
    """A domain message in the UI language; a :class:`Message`'s values are filled in after
    its template is translated."""
    if isinstance(text, Message):
        params = {key: _value(key, value) for key, value in text.params.items()}
        return QCoreApplication.translate(MESSAGES, text.template).format(
            **with_lowered(params))
    return QCoreApplication.translate(MESSAGES, text) if text else text


def _value(key: str, value: object) -> object:
    """A message's value as the UI shows it: labels translated, dates and decimals local."""
    if isinstance(value, Message):
        return message(value)
    if not isinstance(value, str):
        return value
    return catalogue(value) if key.endswith("label") else show(value)


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for module-level code (pyside6-lupdate knows the name)."""
    return QCoreApplication.translate(context, text)


def error_message(err: BaseException) -> str:
    """An exception's message in the UI language (its first argument a :class:`Message`)."""
    first = err.args[0] if len(err.args) == 1 else None
    return message(first) if isinstance(first, str) else str(err)


def sentence(text: str) -> str:
    """A message shown on its own: its first letter upper case and a full stop at the end
    (the rest untouched, so names such as "JDM Desk" keep their capitals)."""
    text = text.strip()
    if not text:
        return text
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
