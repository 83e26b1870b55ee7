"""Dates and decimals shown as the UI language's locale writes them (issue 21).

Dutch: 05-03-2024 and 1,5. English keeps ISO dates and a decimal point. Typing stays free:
domain/parse.py accepts 2024-03-05 and 05-03-2024, 1.5 and 1,5 in either language.
"""

from __future__ import annotations

import re

from jdmdesk.ui import language

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")


def show_date(text: str) -> str:
    """An ISO date as the locale writes it; anything else unchanged."""
    m = _ISO_DATE.match(text)
    if m and language.current() == "nl":
        return f"{m[3]}-{m[2]}-{m[1]}"
    return text


def show_number(text: str) -> str:
    """A decimal number with the locale's separator; anything else unchanged."""
    if language.current() == "nl" and _DECIMAL.match(text):
        return text.replace(".", ",")
    return text


_DECIMAL_IN_TEXT = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def show_numbers_in(text: str) -> str:
    """Every decimal number inside a text (a label such as "PhGA ≤ 0.2 cm") with the locale's
    separator; version-like runs such as 1.2.3 are left alone."""
    if language.current() != "nl":
        return text
    return _DECIMAL_IN_TEXT.sub(r"\1,\2", text)


def show(text: str) -> str:
    return show_number(show_date(text))
