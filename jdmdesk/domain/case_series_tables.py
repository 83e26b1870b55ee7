"""The case series report's CSV tables and their data dictionary (pure).

``table1.csv``: one row per patient, the columns the issue names, then the prior second-line
agents and, for a patient not in the series, why. ``outcomes.csv``: ``study_code`` and one
column per outcome and time point (``<outcome>_baseline``, ``<outcome>_last``, then the
outcomes reported once); ``outcomes_dictionary.csv`` says what each column holds. Numbers are
written unrounded, except ages and durations in years (one decimal, as the review shows them).
"""

from __future__ import annotations

import re
from typing import Any

from jdmdesk.domain.case_series import FINAL_OUTCOMES, TIMED_OUTCOMES, CaseSeries

TABLE1_COLUMNS = ("study_code", "sex", "age_at_tacrolimus_start_y", "age_at_onset_y",
                  "disease_duration_at_start_y", "follow_up_months", "prior_second_line_agents",
                  "not_included_reason")
TABLE1_NUMERIC = (False, False, True, True, True, True, False, False)
DICTIONARY_COLUMNS = ("column", "label", "unit_or_codes", "time_point", "definition")


def file_stem(study_code: str) -> str:
    """A study code as a safe part of a file name (other characters become ``_``)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", study_code).strip(".") or "patient"


def one_decimal(value: float | None) -> str | None:
    """Years and months as the review shows them: one decimal, kept when it is 0 (11.0)."""
    return None if value is None else f"{value:.1f}"


def table1_rows(cs: CaseSeries) -> list[list[Any]]:
    return [[c.study_code, c.sex, one_decimal(c.age_at_start_y), one_decimal(c.age_at_onset_y),
             one_decimal(c.disease_duration_at_start_y), one_decimal(c.follow_up_months),
             "; ".join(c.prior_second_line), c.excluded] for c in cs.table1]


def outcome_columns() -> list[tuple[str, str, str, str]]:
    """(column, label, unit, time point) in file order, after ``study_code``."""
    out = []
    for key, label, unit in TIMED_OUTCOMES:
        out.append((f"{key}_baseline", label, unit, "baseline"))
        out.append((f"{key}_last", label, unit, "last"))
    out += [(f"{key}_last", label, unit, "last") for key, label, unit in FINAL_OUTCOMES]
    out.append(("note", "Note", "text", ""))
    return out


def outcome_numeric() -> list[bool]:
    text = {"printo_baseline", "printo_last", "tis_category_last", "note"}
    return [False] + [c not in text for c, *_ in outcome_columns()]


def outcome_rows(cs: CaseSeries) -> list[list[Any]]:
    rows = []
    for o in cs.outcomes:
        row: list[Any] = [o.study_code]
        for key, _, _ in TIMED_OUTCOMES:
            row += [o.baseline.get(key), o.last.get(key)]
        row += [o.final.get(key) for key, _, _ in FINAL_OUTCOMES]
        row.append(o.note)
        rows.append(row)
    return rows


_DEFINITIONS = {
    "study_day": "Days since tacrolimus start (day 0) of the visit",
    "ck": "CK of the visit in U/L (baseline: latest sample on or before day 0 within ±14 days "
          "of the baseline visit under the tacrolimus baseline rule; last: nearest within "
          "±14 days)",
    "ck_uln": "CK divided by that result's own upper limit of normal",
    "ld": "LD in U/L, chosen as CK", "ld_uln": "LD divided by that result's ULN",
    "asat": "ASAT in U/L, chosen as CK", "asat_uln": "ASAT divided by that result's ULN",
    "cmas": "CMAS total (all 14 items present)", "mmt8": "MMT8 total, one side",
    "chaq": "CHAQ disability index", "das_skin": "DAS skin score",
    "cdasi_activity": "CDASI activity score", "phga": "Physician global activity (VAS)",
    "pred_mg_kg_day": "Daily prednisolone equivalent on the visit day per kg of the latest "
                      "weight on or before it (IV methylprednisolone pulses excluded)",
    "physical_activity": "Physical activity code: 0 bed- or chair-bound, 1 walks indoors only, "
                         "2 limited outdoor activity, 3 normal school activity, 4 unrestricted",
    "printo": "PRINTO clinically inactive disease: inactive, active or not_evaluable",
    "pred_reduction_pct": "Percent reduction of pred_mg_kg_day: 100 × (baseline − last) / "
                          "baseline",
    "tis": "ACR/EULAR 2016 Total Improvement Score of the last visit against the baseline "
           "(empty when not computable)",
    "tis_category": "major (≥ 70), moderate (≥ 45), minimal (≥ 30), none, or not computable",
}


def dictionary_rows() -> list[list[str]]:
    rows = [["study_code", "Study code", "text", "", "Pseudonymised patient code"]]
    for column, label, unit, when in outcome_columns():
        key = column.rsplit("_", 1)[0] if when else column
        definition = _DEFINITIONS.get(key, "Why a value is empty (no baseline, no later visit, "
                                           "TIS not computable)")
        time = {"baseline": "baseline visit", "last": "last visit after the baseline"}.get(
            when, "")
        rows.append([column, label, unit, time, definition])
    return rows
