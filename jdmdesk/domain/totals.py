"""Derived totals of the core set measures (clinical-reference.md §2). Missing stays missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jdmdesk.domain import mdi
from jdmdesk.domain.fields import CHAQ_DOMAINS, CMAS_ITEMS, MMT8_GROUPS

CHAQ_MIN_DOMAINS = 6  # [verify] in the reference: kept here as the documented default


def _sum_of_all(v: Mapping[str, Any], names: list[str]) -> int | None:
    """The sum of the named items as an integer, or None when any of them is missing."""
    items: list[float | None] = [v.get(name) for name in names]
    present = [x for x in items if x is not None]
    return None if len(present) < len(items) else int(sum(present))


def cmas_total(v: Mapping[str, Any]) -> int | None:
    return _sum_of_all(v, [f"cmas_{i}" for i in range(1, len(CMAS_ITEMS) + 1)])


def mmt8_total(v: Mapping[str, Any]) -> int | None:
    return _sum_of_all(v, [f"mmt8_{key}" for key, _ in MMT8_GROUPS])


def chaq_di(v: Mapping[str, Any], min_domains: int = CHAQ_MIN_DOMAINS) -> float | None:
    answered: list[float] = [v[f"chaq_{k}"] for k, _ in CHAQ_DOMAINS
                             if v.get(f"chaq_{k}") is not None]
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
        **mdi.totals(v),
    }
