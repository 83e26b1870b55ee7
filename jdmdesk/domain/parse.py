"""Parse what a person typed into typed values, or explain why not.

Every parser takes the raw text of one field and returns the value or raises
:class:`FieldError` with a message fit to show beside the field. Empty stays empty (``None``),
never 0.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache

from jdmdesk.domain.codes import MISSING_SHORTHANDS
from jdmdesk.domain.texts import Message


class FieldError(ValueError):
    """A value that cannot be accepted; ``str(err)`` is the message for the user (in English;
    :attr:`message` keeps the :class:`Message` the UI translates)."""

    @property
    def message(self) -> str:
        first = self.args[0] if self.args else ""
        return first if isinstance(first, str) else str(self)


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_STUDY_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
# Bidirectional embedding/override/isolate controls and marks (LRM, RLM, ALM) can make stored
# text read differently from what it is ("Trojan source"); they have no place in clinical notes.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                   0x200E, 0x200F, 0x061C)}
# Joiners are format characters too, but emoji sequences and joining scripts need them: they are
# kept only between two characters outside ASCII (never hiding inside Latin words).
_JOINERS = {"\u200c", "\u200d"}


def is_blank(text: str | None) -> bool:
    return text is None or text.strip() == ""


def missing_reason(text: str | None) -> str | None:
    """The missing-value reason a typed shorthand stands for (``ND`` -> ``not_done``)."""
    if text is None:
        return None
    return MISSING_SHORTHANDS.get(text.strip().lower())


def parse_number(text: str) -> float:
    """A decimal number; a decimal comma is accepted ("1,5" = 1.5)."""
    s = text.strip().replace("\u2212", "-")  # MINUS SIGN as typed by some keyboards/pastes
    if s.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise FieldError(Message("not a number (NaN and infinity are not values)"))
    if s.count(",") + s.count(".") > 1:
        raise FieldError(Message("use one decimal separator and no thousands separator"))
    if not _NUMBER.match(s):
        raise FieldError(Message("'{value}' is not a number", value=_shorten(text)))
    value = float(s.replace(",", "."))
    if not math.isfinite(value):
        raise FieldError(Message("number out of range"))
    return value


_CENSOR_PREFIXES = {"<": "<", ">": ">", "\u2264": "<", "\u2265": ">", "<=": "<", ">=": ">"}


def split_censored(text: str) -> tuple[str | None, str]:
    """A result reported beyond a limit of the method: ``'<5'`` -> ``('<', '5')``,
    ``'> 2000'`` -> ``('>', '2000')`` (also ``≤``/``≥``, ``<=``/``>=``, which labs print for
    the same limit); any other text -> ``(None, text)``. The number itself is parsed by
    :func:`parse_number` like any other value."""
    s = text.strip()
    for prefix in sorted(_CENSOR_PREFIXES, key=len, reverse=True):
        if s.startswith(prefix):
            rest = s[len(prefix):].strip()
            if rest[:1] in ("<", ">", "\u2264", "\u2265"):
                raise FieldError(Message("use one '<' or '>' before the number"))
            return _CENSOR_PREFIXES[prefix], rest
    return None, text


def parse_censored_number(text: str) -> tuple[float, str | None]:
    """A number with an optional censoring flag: ``'<5'`` -> ``(5.0, '<')``."""
    flag, rest = split_censored(text)
    if flag is not None and not rest:
        raise FieldError(Message("give the limit after '{flag}', e.g. {flag}5", flag=flag))
    return parse_number(rest), flag


def parse_integer(text: str) -> int:
    value = parse_number(text)
    if value != int(value):
        raise FieldError(Message("must be a whole number"))
    return int(value)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date:
    """ISO ``yyyy-mm-dd`` or ``dd-mm-yyyy`` (also with ``/`` or ``.``). Cached: an imported
    file repeats the same dates thousands of times (a refusal is not cached)."""
    s = text.strip()
    m = _DATE_ISO.match(s)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _DATE_DMY.match(s)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise FieldError(Message("'{value}' is not a calendar date", value=_shorten(text))) \
            from None
    raise FieldError(Message("type a date as yyyy-mm-dd or dd-mm-yyyy"))


@lru_cache(maxsize=4096)
def parse_time(text: str) -> time:
    m = _TIME.match(text.strip())
    if not m:
        raise FieldError(Message("type a time as hh:mm"))
    try:
        return time(int(m[1]), int(m[2]))
    except ValueError:
        raise FieldError(Message("'{value}' is not a time of day", value=_shorten(text))) \
            from None


def _joins(text: str, i: int) -> bool:
    """Whether the joiner at ``i`` stands between two characters outside ASCII."""
    return 0 < i < len(text) - 1 and not text[i - 1].isascii() and not text[i + 1].isascii() \
        and text[i - 1] not in _JOINERS and text[i + 1] not in _JOINERS


def text_problem(text: str, *, multiline: bool) -> str | None:
    """Why ``text`` carries characters that corrupt or disguise it, or None: unpaired
    surrogates, NUL and other controls (tab and line breaks only in multi-line text), line and
    paragraph separators (U+2028/U+2029), text-direction controls and marks, and invisible
    format characters (zero-width space, word joiner, BOM, soft hyphen, tags, …)."""
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if cat == "Cs":
            return Message("contains an invalid character (unpaired surrogate)")
        if ch == "\x00":
            return Message("contains a NUL character")
        if cat == "Cc" and not (multiline and ch in "\n\t\r"):
            return Message("contains a control character (U+{code:04X})", code=ord(ch))
        if cat in ("Zl", "Zp"):
            return (Message("contains a line or paragraph separator (U+{code:04X}): use a plain "
                            "line break", code=ord(ch)) if multiline else
                    Message("contains a line or paragraph separator (U+{code:04X})", code=ord(ch)))
        if ch in _BIDI_CONTROLS:
            return Message("contains a text-direction control character (U+{code:04X})",
                           code=ord(ch))
        if cat == "Cf" and not (ch in _JOINERS and _joins(text, i)):
            return Message("contains an invisible formatting character (U+{code:04X})",
                           code=ord(ch))
    return None


def clean_text(text: str, *, max_length: int, multiline: bool) -> str:
    """Accept text verbatim unless it carries characters that corrupt or disguise it
    (``text_problem``): the one text rule of notes, terms, user names and the study name."""
    if len(text) > max_length:
        raise FieldError(Message("too long: {length:,} characters, at most {limit:,}",
                                 length=len(text), limit=max_length))
    if (problem := text_problem(text, multiline=multiline)) is not None:
        raise FieldError(problem)
    return text.replace("\r\n", "\n") if multiline else text.strip()


def parse_study_code(text: str) -> str:
    s = clean_text(text, max_length=32, multiline=False)
    if not _STUDY_CODE.match(s):
        raise FieldError(Message("use 1-32 letters, digits, '-' or '_', starting with a letter "
                                 "or digit"))
    return s


def format_number(value: float | int | None) -> str:
    """Shortest plain text for a stored number (12.0 -> '12', 0.1 -> '0.1')."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.6g}" if abs(value) < 1e6 else repr(float(value))


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def today() -> date:
    return datetime.now().date()


def _shorten(text: str, n: int = 24) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in text[: n + 1])
    return printable if len(printable) <= n else printable[:n] + "…"
