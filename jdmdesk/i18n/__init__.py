"""Compiled translations (``jdmdesk_<lang>.qm``, read by the UI through Qt) and, for the
exports, which have no Qt, the Dutch of the catalogue and the domain's messages as plain JSON
(``texts_nl.json``). Both are made by ``python3 tasks.py i18n`` from resources/i18n/*.ts."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jdmdesk.domain.texts import CATALOGUE, MESSAGES, Message, with_lowered

HERE = Path(__file__).resolve().parent
TEXTS_NL = HERE / "texts_nl.json"


@cache
def _nl() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(TEXTS_NL.read_text(encoding="utf-8"))
    return loaded


def dutch(text: str) -> str:
    """The Dutch of a catalogue label or a domain :class:`Message` (English when none)."""
    nl = _nl()
    if isinstance(text, Message):
        params: dict[str, Any] = {
            k: dutch(v) if isinstance(v, Message) else nl[CATALOGUE].get(v, v)
            if k.endswith("label") and isinstance(v, str) else v
            for k, v in text.params.items()}
        return nl[MESSAGES].get(text.template, text.template).format(**with_lowered(params))
    return nl[CATALOGUE].get(text) or nl[MESSAGES].get(text) or text
