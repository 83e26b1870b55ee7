"""Texts people read, marked for translation without Qt (issue 21).

The domain never translates: it marks its texts so that ``pyside6-lupdate`` finds them, and the
UI translates them at the edge (jdmdesk/ui/i18n.py). A message that carries values is a
:class:`Message`: it reads as English wherever a plain string is expected, and keeps its template
and values so the UI can translate the template first and fill in the values after.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MESSAGES = ""  # the translation context of domain messages (lupdate gives Message(...) none)
CATALOGUE = "Catalogue"  # the context of field labels, help, sections and code-list labels


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Message(str):
    """An English message made from a template and values (``str(m)`` is the English).

    ``pyside6-lupdate`` is told that ``Message`` spells ``QT_TR_NOOP`` (jdmdesk/ui/
    translations.py), so every ``Message("...")`` in a module-level function is found, in the
    empty context; keep Message calls out of class bodies and methods."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        made = super().__new__(cls, template.format(**with_lowered(params)) if params
                               else template)
        made.template = template
        made.params = params
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.params))


def with_lowered(params: dict[str, Any]) -> dict[str, Any]:
    """A label value ``<key>`` (a key ending in "label") is also ``<key>_lower``, lower case:
    translators look the label up as written and lower it after. A ``problem`` value (a
    message put at the start of a sentence) is also ``problem_capitalized``, its first letter
    upper case (the rest untouched: "JDM Desk" keeps its capitals)."""
    return {**params, **{f"{k}_lower": v.lower() for k, v in params.items()
                         if k.endswith("label") and isinstance(v, str)},
            **{f"{k}_capitalized": v[:1].upper() + v[1:] for k, v in params.items()
               if k.endswith("problem") and isinstance(v, str)}}


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


# Status words the domain returns as values and the UI shows (underscores read as spaces):
# TIS "none", PRINTO status, eGFR trend (domain/renal.py), trough position (domain/safety.py).
WORDS = ("none", "inactive", "active", "not evaluable", "insufficient data", "stable", "rising",
         "falling", "below", "in range", "above",
         # a PRINTO criterion's status (domain/printo.py)
         "met", "not met", "missing",
         # the study overview's TIS column when a TIS is missing (services/review.py)
         "not computable",
         # the Go menu's record types
         "Patient", "Visit", "Medication", "Lab", "Adverse Event")


def catalogue_texts() -> Iterator[str]:
    """Every catalogue text people read: record-type and field labels, help, sections, units,
    code-list labels and the other label tables. Built from the catalogue itself (labels such as
    "CMAS 3 Straight leg lift" are made in code), so a new field cannot escape translation."""
    from jdmdesk.domain import codes
    from jdmdesk.domain.fields import COLUMN_LABELS, MEASURE_LABELS, RECORD_TYPES

    for rt in RECORD_TYPES.values():
        yield rt.label
        for spec in rt.fields:
            yield from (spec.label, spec.help, spec.unit)
            yield from (label for _, label in spec.codes)
        for derived in rt.derived:
            yield from (derived.label, derived.help, derived.unit)
    for value in vars(codes).values():
        if isinstance(value, tuple) and value and all(
                isinstance(pair, tuple) and len(pair) == 2 for pair in value):
            yield from (str(label) for _, label in value)
    from jdmdesk.domain.analytes import ANALYTES

    yield from (a.name for a in ANALYTES.values())
    from jdmdesk.domain.access import ROLE_LABELS
    from jdmdesk.domain.settings import BASELINE_RULES, MMT_VERSIONS, TIS_ENZYME_METHODS
    from jdmdesk.domain.tis import JDM_CATEGORY_THRESHOLDS

    for options in (BASELINE_RULES, TIS_ENZYME_METHODS, MMT_VERSIONS):
        yield from (label for _, label in options)
    yield from (category for category, _ in JDM_CATEGORY_THRESHOLDS)
    yield from WORDS

    yield from ROLE_LABELS.values()
    from jdmdesk.domain import mdi
    from jdmdesk.domain.lab_mapping import ROLES

    for system in mdi.SYSTEMS:  # the review's damage lines and the visit form's group boxes
        yield system.label
        yield from (label for _, label in system.items)
    yield from ROLES.values()
    yield from MEASURE_LABELS.values()
    yield from COLUMN_LABELS.values()


def text_of(err: BaseException) -> str:
    """What an exception says: its :class:`Message` when that is its one argument (so the UI
    can translate it inside another message), else its English text."""
    first = err.args[0] if len(err.args) == 1 else None
    return first if isinstance(first, Message) else str(err)
