"""Study settings: the study's choices where the reference leaves room ([verify] items)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jdmdesk.domain.analytes import ANALYTES

BASELINE_RULES = (
    ("last_on_or_before_tacrolimus", "Last assessment on or before the tacrolimus start"),
    ("first_visit", "First visit in the study"),
)
TIS_ENZYME_METHODS = (
    ("relative", "Relative change: 100 × (baseline − follow-up) / baseline"),
    ("uln_multiple", "Change in multiples of the upper limit of normal"),
)
# Only the MMT versions the visit form records: 8 muscle groups graded 0–10 on one side (0–80).
MMT_VERSIONS = (("mmt8_80", "MMT8, one side, 0-80"),)
MMT_MAX = {"mmt8_80": 80.0}
# Setting values no longer offered: (fallback, why). Saving one is refused with the why; a study
# that still holds one reads it as the fallback and shows the notice with the scores (issue 17 A2).
RETIRED_SETTINGS: dict[tuple[str, str], tuple[str, str]] = {
    ("mmt_version", "mmt8_150"): (
        "mmt8_80",
        "'MMT8, bilateral, 0-150' is not offered: the visit form records MMT8 as 8 grades "
        "0-10 on one side (0-80)"),
}


def retired_notice(key: str, value: str) -> str:
    """The note shown for a study that still holds a retired setting value."""
    fallback, why = RETIRED_SETTINGS[(key, value)]
    return (f"Note: the study setting {why}, so {fallback!r} is used instead; save the study "
            "settings once to clear this note.")

DEFAULT_SETTINGS: dict[str, Any] = {
    "study_name": "JDM tacrolimus study",
    "synthetic": False,
    "baseline_rule": "last_on_or_before_tacrolimus",
    "tis_enzyme_method": "relative",
    "mmt_version": "mmt8_80",
    "tacrolimus_target_low": 5.0,
    "tacrolimus_target_high": 10.0,
    "visit_interval_days": 90,
    "auto_lock_minutes": 10,
    "reference_ranges": {
        code: [a.default_ref_low, a.default_ref_high] for code, a in ANALYTES.items()
    },
}


@dataclass(frozen=True)
class StudySettings:
    study_name: str = DEFAULT_SETTINGS["study_name"]
    synthetic: bool = False
    baseline_rule: str = "last_on_or_before_tacrolimus"
    tis_enzyme_method: str = "relative"
    mmt_version: str = "mmt8_80"
    tacrolimus_target_low: float = 5.0
    tacrolimus_target_high: float = 10.0
    visit_interval_days: int = 90
    auto_lock_minutes: int = 10  # idle time before the window hides patient data
    reference_ranges: dict[str, list[float | None]] = field(
        default_factory=lambda: dict(DEFAULT_SETTINGS["reference_ranges"])
    )
    notices: tuple[str, ...] = ()  # retired values read as their fallback (RETIRED_SETTINGS)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> StudySettings:
        known = {k: v for k, v in values.items()
                 if k in cls.__dataclass_fields__ and k != "notices"}
        notices = []
        for key, value in list(known.items()):
            if isinstance(value, str) and (key, value) in RETIRED_SETTINGS:
                known[key] = RETIRED_SETTINGS[(key, value)][0]
                notices.append(retired_notice(key, value))
        return cls(**known, notices=tuple(notices))

    @property
    def mmt_max(self) -> float:
        return MMT_MAX.get(self.mmt_version, 80.0)

    def reference_range(self, code: str) -> tuple[float | None, float | None]:
        low, high = self.reference_ranges.get(code, [None, None])
        return low, high
