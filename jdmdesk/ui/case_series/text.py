"""The report's words: the methods paragraph generated from the study settings, the cell
texts of its tables. Wrapped for translation (context ``CaseSeriesReport``)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from jdmdesk.domain.case_series import (
    FINAL_OUTCOMES,
    SECOND_LINE_AGENTS,
    TIMED_OUTCOMES,
    CaseSeries,
    Characteristics,
    Spread,
)
from jdmdesk.domain.codes import AE_CATEGORIES, AE_GRADES, DRUGS
from jdmdesk.domain.medication import (
    PULSE_MAX_DOSES,
    PULSE_MIN_MG,
    PULSE_MIN_MG_KG,
    STEROID_FACTORS,
)
from jdmdesk.domain.review import LAB_WINDOW_DAYS
from jdmdesk.domain.settings import BASELINE_RULES, MMT_VERSIONS, TIS_ENZYME_METHODS
from jdmdesk.ui.case_series.figures import tr
from jdmdesk.ui.i18n import catalogue
from jdmdesk.ui.locale_format import show_number
from jdmdesk.ui.review.review_text import num

ENZYMES = ("CK", "LD", "ASAT")


def reference_ranges(cs: CaseSeries) -> dict[str, tuple[float | None, float | None]]:
    return {code: cs.settings.reference_range(code) for code in ENZYMES}


def methods(cs: CaseSeries) -> str:
    s = cs.settings
    drugs = {code: catalogue(label) for code, label in DRUGS}
    rule = catalogue(dict(BASELINE_RULES).get(s.baseline_rule, s.baseline_rule))
    method = catalogue(dict(TIS_ENZYME_METHODS).get(s.tis_enzyme_method, s.tis_enzyme_method))
    mmt = catalogue(dict(MMT_VERSIONS).get(s.mmt_version, s.mmt_version))
    ranges = ", ".join(f"{code} {num(lo, 0)}\u2013{num(hi, 0)} U/L"
                       for code, (lo, hi) in reference_ranges(cs).items())
    factors = ", ".join(f"{drugs.get(d, d).lower()} {show_number(f'{f:g}')}"
                        for d, f in STEROID_FACTORS.items())
    agents = ", ".join(drugs.get(d, d).lower() for d in SECOND_LINE_AGENTS)
    return tr(
        "Methods. Day 0 is the start of the first systemic tacrolimus segment; times are study "
        "days since day 0 and follow-up runs from day 0 to the patient's last visit or "
        "laboratory sample. Ages and disease duration are computed from the recorded dates "
        "(days / 365.25, one decimal). Prior second-line agents are {agents} started before "
        "day 0. Baseline: {rule} (study setting); outcomes compare the baseline visit with the "
        "last visit after it. A visit's laboratory results are the samples nearest to it "
        "within \u00b1{window} days; baseline enzymes are the latest sample on or before day 0 "
        "within that window when the baseline is the last visit on or before the tacrolimus "
        "start. Enzyme values are shown against each result's own upper limit of normal "
        "(ULN); the study's reference ranges are {ranges}. The ACR/EULAR 2016 Total "
        "Improvement Score (TIS) uses the enzyme most abnormal at baseline with the method "
        "'{method}' and {mmt}; it is not computed when a core-set measure is missing. "
        "Clinically inactive disease follows the PRINTO criteria (at least 3 of 4: CK "
        "\u2264 150 U/L, CMAS \u2265 48, MMT8 \u2265 78, physician global \u2264 0.2). "
        "Corticosteroid doses are prednisolone equivalents ({factors}) per kg of the latest "
        "weight on or before the day; IV methylprednisolone pulses (\u2265 {mg:g} mg or "
        "\u2265 {mgkg:g} mg/kg per dose, 1\u2013{doses} daily doses) are counted apart and "
        "not in the daily dose. Adverse events are counted from day 0 by category and CTCAE "
        "grade.").format(agents=agents, rule=rule.lower(), window=LAB_WINDOW_DAYS,
                         ranges=ranges, method=method, mmt=mmt, factors=factors,
                         mg=PULSE_MIN_MG, mgkg=PULSE_MIN_MG_KG, doses=PULSE_MAX_DOSES)


def sex_text(code: str) -> str:
    return {"F": tr("girl"), "M": tr("boy")}.get(code, code or "\u2014")


def table1_headers() -> list[tuple[str, str]]:
    return [(tr("Patient"), tr("study code")), (tr("Sex"), ""),
            (tr("Age at start"), tr("years")), (tr("Age at onset"), tr("years")),
            (tr("Disease duration"), tr("at start, years")),
            (tr("Prior second-line"), tr("agents")),
            (tr("Follow-up"), tr("on tacrolimus, months"))]


def fixed(value: float | None, digits: int = 1) -> str:
    """A number with exactly ``digits`` decimals (11.0, not 11): table cells line up."""
    return "\u2014" if value is None else show_number(f"{value:.{digits}f}")


def table1_cells(c: Characteristics) -> list[tuple[str, str]]:
    return [(c.study_code, ""), (sex_text(c.sex), ""), (fixed(c.age_at_start_y), ""),
            (fixed(c.age_at_onset_y), ""), (fixed(c.disease_duration_at_start_y), ""),
            (", ".join(map(catalogue, c.prior_second_line)) or tr("none"), ""),
            (fixed(c.follow_up_months), "")]


def table1_summary(rows: Sequence[Characteristics]) -> list[tuple[str, str]]:
    """The last row of Table 1: counts of sex, median (range) of each number."""
    def spread(values: list[float | None]) -> str:
        known = sorted(v for v in values if v is not None)
        if not known:
            return "\u2014"
        return f"{fixed(statistics.median(known))} ({fixed(known[0])}\u2013{fixed(known[-1])})"

    sexes = {code: sum(1 for c in rows if c.sex == code) for code in ("M", "F")}
    agents = sum(1 for c in rows if c.prior_second_line)
    return [(tr("All ({n})").format(n=len(rows)), tr("median (range)")),
            (tr("boys {m}, girls {f}").format(m=sexes["M"], f=sexes["F"]), ""),
            (spread([c.age_at_start_y for c in rows]), ""),
            (spread([c.age_at_onset_y for c in rows]), ""),
            (spread([c.disease_duration_at_start_y for c in rows]), ""),
            (tr("{n} of {all}").format(n=agents, all=len(rows)), ""),
            (spread([c.follow_up_months for c in rows]), "")]


_DIGITS = {"ck": 0, "ld": 0, "asat": 0, "cmas": 0, "mmt8": 0, "chaq": 2, "das_skin": 0,
           "cdasi_activity": 0, "phga": 1, "pred_mg_kg_day": 2, "physical_activity": 0,
           "study_day": 0, "pred_reduction_pct": 0, "tis": 1}
_FIXED = ("chaq", "pred_mg_kg_day", "phga", "tis")  # always shown with their decimals


def cell(key: str, value: Any) -> str:
    if value is None or value == "":
        return "\u2014"
    if isinstance(value, str):  # a status word or TIS category
        return catalogue(value.replace("_", " "))
    if key.endswith("_uln"):
        return f"{fixed(value)}\u00d7"
    if key == "pred_reduction_pct":
        return f"{value:.0f} %"
    if key in _FIXED:
        return fixed(value, _DIGITS[key])
    return num(value, _DIGITS.get(key, 1))


def outcome_labels() -> list[tuple[str, str, str]]:
    labels = {"study_day": tr("Study day"), "printo": tr("PRINTO inactive disease"),
              "physical_activity": tr("Physical activity"),
              "pred_mg_kg_day": tr("Prednisolone eq."), "phga": tr("Physician global"),
              "pred_reduction_pct": tr("Prednisolone eq. reduction"),
              "tis_category": tr("TIS category"), "cmas": tr("CMAS"), "mmt8": tr("MMT8"),
              "chaq": tr("CHAQ DI"), "das_skin": tr("DAS skin"),
              "cdasi_activity": tr("CDASI activity"), "tis": tr("TIS")}
    units = {"study_day": tr("day 0 = tacrolimus start"), "printo": tr("status"),
             "pred_reduction_pct": "%", "tis_category": "ACR/EULAR 2016"}
    return [(key, labels.get(key, catalogue(label)), units.get(key, catalogue(unit)))
            for key, label, unit in (*TIMED_OUTCOMES, *FINAL_OUTCOMES)]


def plain(key: str, value: float) -> str:
    """A number as its cell shows it, without the × or % of a single value (the row says)."""
    if key.endswith("_uln"):
        return fixed(value)
    if key == "pred_reduction_pct":
        return f"{value:.0f}"
    return cell(key, value)


def summary_cell(key: str, value: Any) -> str:
    """A cell of the all-patients table: median (range), n; inactive of evaluable; counts."""
    if value is None:
        return "" if key in ("tis_category", "pred_reduction_pct", "tis") else "\u2014"
    if isinstance(value, Spread):
        if key == "study_day":
            return tr("{median} ({low} to {high}), {n}").format(
                median=f"{value.median:g}", low=f"{value.low:g}", high=f"{value.high:g}",
                n=value.n)
        return f"{plain(key, value.median)} ({plain(key, value.low)}\u2013" \
               f"{plain(key, value.high)}), {value.n}"
    if isinstance(value, tuple):  # PRINTO: inactive of evaluable
        return tr("{k} of {n} inactive").format(k=value[0], n=value[1])
    if isinstance(value, dict):  # TIS categories
        return ", ".join(f"{cell(key, c)} {n}" for c, n in value.items()) or "\u2014"
    return cell(key, value)


def ae_labels() -> tuple[dict[str, str], list[tuple[str, str]]]:
    return ({code: catalogue(label) for code, label in AE_CATEGORIES},
            [(grade, catalogue(label)) for grade, label in AE_GRADES])


def excluded_line(c: Characteristics) -> str:
    return tr("{code}: not in the case series ({reason}).").format(
        code=c.study_code, reason=tr(c.excluded))
