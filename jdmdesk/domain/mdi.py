"""The Myositis Damage Index (IMACS MDI): extent of damage per organ system and its severity.

Source: IMACS Form 08, Myositis Damage Index (MDI) 2001 (International Myositis Assessment and
Clinical Studies Group; the form's muscle, skeletal and cutaneous items as printed there), and
the published instrument: Isenberg DA et al., Rheumatology 2004;43:49-54; Rider LG et al.,
Arthritis Rheum 2009;60:3425-35 (validation in juvenile and adult myositis); Rider LG et al.,
Arthritis Care Res 2011;63 Suppl 11:S118-57 (measures review).

Scoring as published:
- **Extent**: each item is scored present (1) or absent (0) — damage is a persistent change for
  at least 6 months since onset, whatever its cause; an item left blank was not assessed. The
  extent of a system is its number of items present; the MDI extent score is the sum over all
  items (here 0-45: the juvenile items recorded by this form).
- **Severity**: one 0-10 cm visual analogue scale per organ system (0 = no damage, 10 = the most
  severe damage of that system); the MDI severity score is the sum of the 11 organ-system VAS
  (0-110). "Other" damage has its VAS too, shown and exported beside the others but, as in the
  publication's 0-110 range, not in the sum.
- **Global damage**: the physician's global damage VAS (0-10 cm), a separate core-set measure.

Pure rules: no Qt, no SQL. Field names stay within REDCap's 26 characters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from jdmdesk.domain.texts import Message

PREFIX = "mdi_"


@dataclass(frozen=True)
class DamageSystem:
    key: str  # short: field names are mdi_<key>_<item> and mdi_<key>_vas
    label: str
    items: tuple[tuple[str, str], ...]  # (item key, label)
    in_severity_total: bool = True

    @cached_property  # read for every visit of every export and review: built once
    def item_fields(self) -> tuple[str, ...]:
        return tuple(f"{PREFIX}{self.key}_{item}" for item, _ in self.items)

    @cached_property
    def vas_field(self) -> str:
        return f"{PREFIX}{self.key}_vas"


SYSTEMS: tuple[DamageSystem, ...] = (
    DamageSystem("mus", "Muscle", (
        ("atrophy", "Muscle atrophy (clinical)"),
        ("weakness", "Muscle weakness not due to active disease"),
        ("dysfunction", "Muscle dysfunction: less aerobic capacity"),
        ("atrophy_img", "Muscle atrophy on imaging"),
        ("low_creat", "Low serum creatinine"),
    )),
    DamageSystem("skel", "Skeletal", (
        ("contractures", "Joint contractures"),
        ("osteop_fract", "Osteoporosis with fracture or vertebral collapse"),
        ("avn", "Avascular necrosis"),
        ("arthropathy", "Deforming arthropathy"),
        ("osteop_treat", "Osteoporosis without fracture, treated"),
        ("motion", "Limitation of joint motion (passive)"),
    )),
    DamageSystem("cut", "Cutaneous", (
        ("calcinosis", "Calcinosis"),
        ("alopecia", "Alopecia"),
        ("scarring", "Cutaneous scarring or atrophy"),
        ("poikiloderma", "Poikiloderma"),
        ("lipodystrophy", "Lipodystrophy"),
    )),
    DamageSystem("gi", "Gastrointestinal", (
        ("dysphagia", "Dysphagia"),
        ("dysmotility", "Gastrointestinal dysmotility"),
        ("infarction", "Infarction or resection of bowel or other GI organ"),
        ("liver", "Liver fibrosis or cirrhosis"),
    )),
    DamageSystem("pulm", "Pulmonary", (
        ("dysphonia", "Dysphonia"),
        ("lung_function", "Impaired lung function"),
        ("fibrosis", "Pulmonary fibrosis"),
        ("hypertension", "Pulmonary hypertension"),
    )),
    DamageSystem("cv", "Cardiovascular", (
        ("hypertension", "Hypertension treated for more than 6 months"),
        ("ventricular", "Ventricular dysfunction or cardiomyopathy"),
        ("angina", "Angina or coronary artery disease"),
        ("infarction", "Myocardial infarction"),
    )),
    DamageSystem("pv", "Peripheral vascular", (
        ("tissue_loss", "Tissue or pulp loss"),
        ("digit_loss", "Digit loss"),
        ("limb_loss", "Limb loss"),
        ("venous", "Venous thrombosis with swelling, ulcer or stasis"),
        ("arterial", "Arterial thrombosis or claudication"),
    )),
    DamageSystem("endo", "Endocrine", (
        ("growth", "Growth failure"),
        ("puberty", "Delay in secondary sexual characteristics"),
        ("hirsutism", "Hirsutism or abnormal fat distribution"),
        ("menses", "Irregular menses or amenorrhoea"),
        ("diabetes", "Diabetes mellitus"),
        ("infertility", "Infertility"),
    )),
    DamageSystem("ocul", "Ocular", (
        ("cataract", "Cataract"),
        ("vision", "Vision loss"),
    )),
    DamageSystem("infect", "Infection", (
        ("chronic", "Chronic infection"),
        ("multiple", "Multiple infections"),
    )),
    DamageSystem("malig", "Malignancy", (
        ("malignancy", "Malignancy"),
    )),
    DamageSystem("other", "Other", (
        ("other", "Other damage (say which in the note)"),
    ), in_severity_total=False),
)
GLOBAL_FIELD = f"{PREFIX}global_vas"
EXTENT_MAX = sum(len(s.items) for s in SYSTEMS)
SEVERITY_MAX = 10 * sum(1 for s in SYSTEMS if s.in_severity_total)
SYSTEMS_BY_KEY: dict[str, DamageSystem] = {s.key: s for s in SYSTEMS}


@cache
def item_fields() -> tuple[str, ...]:
    return tuple(name for s in SYSTEMS for name in s.item_fields)


@cache
def vas_fields() -> tuple[str, ...]:
    return tuple(s.vas_field for s in SYSTEMS)


@cache
def all_fields() -> tuple[str, ...]:
    return (*item_fields(), *vas_fields(), GLOBAL_FIELD)


def recorded(v: Mapping[str, Any]) -> bool:
    """Whether any part of the MDI was recorded at this visit."""
    return any(v.get(name) is not None for name in all_fields())


def system_extent(v: Mapping[str, Any], system: DamageSystem) -> int | None:
    """Items present in ``system``; None when none of its items was assessed."""
    values = [v.get(name) for name in system.item_fields]
    assessed = [x for x in values if x is not None]
    return None if not assessed else int(sum(1 for x in assessed if x == 1))


def extent(v: Mapping[str, Any]) -> int | None:
    """The MDI extent score: items present over all systems; None when no item was assessed
    (MDI not done at this visit). Items left blank count as not assessed, not as absent."""
    per = [system_extent(v, s) for s in SYSTEMS]
    known = [x for x in per if x is not None]
    return None if not known else sum(known)


def severity(v: Mapping[str, Any]) -> float | None:
    """The MDI severity score: the sum of the 11 organ-system VAS (0-110), only when all 11
    are recorded (a system without damage is scored 0)."""
    parts = [v.get(s.vas_field) for s in SYSTEMS if s.in_severity_total]
    present = [float(x) for x in parts if x is not None]
    if len(present) < len(parts):
        return None
    return round(sum(present), 1)


def totals(v: Mapping[str, Any]) -> dict[str, int | float | None]:
    return {"mdi_extent": extent(v), "mdi_severity": severity(v)}


def consistency_warnings(v: Mapping[str, Any]) -> dict[str, str]:
    """Per system: a severity above 0 with every assessed item absent, or an item present with
    a severity of 0 (the form's instructions score severity from the items present)."""
    out: dict[str, str] = {}
    for s in SYSTEMS:
        vas = v.get(s.vas_field)
        n = system_extent(v, s)
        if vas is None or n is None:
            continue
        if vas > 0 and n == 0:
            out[s.vas_field] = Message("{system_label_lower} damage severity is above 0 but no "
                                       "{system_label_lower} item is present",
                                       system_label=s.label)
        elif vas == 0 and n > 0:
            out[s.vas_field] = Message("{n} {system_label_lower} item(s) present but the damage "
                                       "severity is 0", n=n, system_label=s.label)
    return out


@dataclass(frozen=True)
class DamageSummary:
    extent: int | None
    severity: float | None
    global_vas: float | None
    systems: tuple[tuple[str, int | None, float | None], ...]  # label, extent, VAS
    present: tuple[str, ...]  # item labels present


def summary(v: Mapping[str, Any]) -> DamageSummary | None:
    """What a reader needs from one visit's MDI; None when it was not recorded."""
    if not recorded(v):
        return None
    systems = tuple((s.label, system_extent(v, s), v.get(s.vas_field)) for s in SYSTEMS)
    present = tuple(label for s in SYSTEMS for (item, label), name
                    in zip(s.items, s.item_fields, strict=True) if v.get(name) == 1)
    return DamageSummary(extent(v), severity(v), v.get(GLOBAL_FIELD), systems, present)
