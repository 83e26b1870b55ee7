"""Validation of study settings changes (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.labs import reference_limit_problems
from jdmdesk.domain.parse import text_problem
from jdmdesk.domain.settings import (
    BASELINE_RULES,
    DEFAULT_SETTINGS,
    MMT_VERSIONS,
    RETIRED_SETTINGS,
    TIS_ENZYME_METHODS,
)

# The study name is shown in the title bar, the PDF and every export: one line of text, far
# below Excel's 32 767 characters per cell (an export never has to cut it).
MAX_STUDY_NAME_LENGTH = 200


# The settings a study has; anything else is refused (a typo would otherwise be stored, audited
# and silently ignored).
SETTING_KEYS = frozenset(DEFAULT_SETTINGS)


def unknown_setting_problems(changes: Mapping[str, Any]) -> dict[str, str]:
    """Per-key errors for the keys of ``changes`` that are not study settings."""
    return {key: "not a study setting" for key in changes if key not in SETTING_KEYS}


def validate_settings(values: Mapping[str, Any]) -> dict[str, str]:
    """Per-key error messages; empty when the settings can be stored."""
    errors: dict[str, str] = {}
    choices = {"baseline_rule": BASELINE_RULES, "tis_enzyme_method": TIS_ENZYME_METHODS,
               "mmt_version": MMT_VERSIONS}
    for key, options in choices.items():
        if key in values and values[key] not in dict(options):
            retired = RETIRED_SETTINGS.get((key, values[key])) \
                if isinstance(values[key], str) else None
            errors[key] = "not one of the allowed choices" if retired is None else retired[1]
    low, high = values.get("tacrolimus_target_low"), values.get("tacrolimus_target_high")
    for key, v in (("tacrolimus_target_low", low), ("tacrolimus_target_high", high)):
        if key in values and (not isinstance(v, (int, float)) or not 0 <= v <= 60):
            errors[key] = "must be a number between 0 and 60 ng/mL"
    if "tacrolimus_target_high" not in errors and isinstance(low, (int, float)) \
            and isinstance(high, (int, float)) and high <= low:
        errors["tacrolimus_target_high"] = "must be above the lower target"
    interval = values.get("visit_interval_days")
    if "visit_interval_days" in values and (not isinstance(interval, int)
                                            or not 7 <= interval <= 730):
        errors["visit_interval_days"] = "must be a whole number of days, 7–730"
    minutes = values.get("auto_lock_minutes")
    if "auto_lock_minutes" in values and (not isinstance(minutes, int) or isinstance(minutes, bool)
                                          or not 1 <= minutes <= 120):
        errors["auto_lock_minutes"] = "must be a whole number of minutes, 1–120"
    if "study_name" in values:
        name = str(values["study_name"]).strip()
        if not name:
            errors["study_name"] = "required"
        elif len(name) > MAX_STUDY_NAME_LENGTH:
            errors["study_name"] = (f"too long: {len(name):,} characters, "
                                    f"at most {MAX_STUDY_NAME_LENGTH}")
        elif (problem := text_problem(name, multiline=False)) is not None:
            errors["study_name"] = problem  # the text rule of notes
    for code, rng in (values.get("reference_ranges") or {}).items():
        if code not in ANALYTES:
            errors[f"reference_ranges.{code}"] = "unknown analyte"
            continue
        lo, hi = rng
        problems = reference_limit_problems(code, ANALYTES[code].canonical_unit, lo, hi)
        if problems:
            errors[f"reference_ranges.{code}"] = "; ".join(
                f"{'lower' if name == 'ref_low' else 'upper'} limit: {problem}"
                for name, problem in problems.items())
    return errors
