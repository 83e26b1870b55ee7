"""Derived totals of the core set measures (clinical-reference.md §2). Missing stays missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jdmdesk.domain.fields import CHAQ_DOMAINS, CMAS_ITEMS, MMT8_GROUPS

CHAQ_MIN_DOMAINS = 6  # [verify] in the reference: kept here as the documented default


def cmas_total(v: Mapping[str, Any]) -> int | None:
    items = [v.get(f"cmas_{i}") for i in range(1, len(CMAS_ITEMS) + 1)]
    return None if any(x is None for x in items) else int(sum(items))


def mmt8_total(v: Mapping[str, Any]) -> int | None:
    items = [v.get(f"mmt8_{key}") for key, _ in MMT8_GROUPS]
    return None if any(x is None for x in items) else int(sum(items))


def chaq_di(v: Mapping[str, Any], min_domains: int = CHAQ_MIN_DOMAINS) -> float | None:
    answered = [v[f"chaq_{k}"] for k, _ in CHAQ_DOMAINS if v.get(f"chaq_{k}") is not None]
    if len(answered) < min_domains:
        return None
    return round(sum(answered) / len(answered), 3)


def das_total(v: Mapping[str, Any]) -> int | None:
    skin, muscle = v.get("das_skin"), v.get("das_muscle")
    return None if skin is None or muscle is None else int(skin + muscle)


def visit_totals(v: Mapping[str, Any]) -> dict[str, int | float | None]:
    return {
        "cmas_total": cmas_total(v),
        "mmt8_total": mmt8_total(v),
        "chaq_di": chaq_di(v),
        "das_total": das_total(v),
    }
