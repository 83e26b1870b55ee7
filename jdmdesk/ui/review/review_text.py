"""Plain-text formatting of a patient review, shared by the review view and the PDF."""

from __future__ import annotations

from jdmdesk.domain import parse
from jdmdesk.domain.chart_series import DAYS_PER_MONTH
from jdmdesk.domain.codes import DRUGS, FREQUENCIES, SEX, label_of
from jdmdesk.domain.fields import field_label
from jdmdesk.domain.review import PatientReview, VisitReview, pulse_text
from jdmdesk.domain.tis import TisResult

VISIT_COLUMNS = ("Date", "Day", "PhGA", "Parent", "Extram.", "CMAS", "MMT8", "CHAQ", "DAS",
                 "CDASI", "CK", "LD", "ASAT", "TIS", "PRINTO", "Signed")
_MEASURE_COLUMNS = ("phga", "ptga", "extramuscular_ga", "cmas_total", "mmt8_total", "chaq_di",
                    "das_total")


def num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return parse.format_number(round(value, digits))


def with_change(r: VisitReview, name: str) -> str:
    value, delta = r.measures.get(name), r.change.get(name)
    if value is None:
        return "—"
    if r.is_baseline or delta is None or delta == 0:
        return num(value, 2)
    return f"{num(value, 2)} ({'+' if delta > 0 else '−'}{num(abs(delta), 2)})"


def tis_text(tis: TisResult | None, baseline: bool) -> str:
    if baseline:
        return "baseline"
    if tis is None:
        return "—"
    if tis.score is None:
        return "not computable"
    return f"{num(tis.score)} {tis.category}"


def _measure(name: str, source: str | None) -> str:
    """'Muscle strength (MMT8 total)': the measure, and the one used when it has a choice."""
    label = field_label(name)
    if source is None:
        return f"{label} (—)"
    used = source if source.isupper() else field_label(source, "visit")  # an analyte code
    return label if used == label else f"{label} ({used})"


def tis_detail(tis: TisResult | None) -> str:
    if tis is None:
        return ""
    lines = [f"{_measure(i.name, i.source)}: "
             f"{'missing' if i.percent is None else num(i.percent) + ' %'} → "
             f"{'—' if i.points is None else num(i.points)} points" for i in tis.items]
    if tis.missing:
        if tis.reason:
            lines.append("Not computable: " + tis.reason)
        lines.append("Missing: " + ", ".join(field_label(m) for m in tis.missing))
    return "\n".join(lines)


def printo_text(r: VisitReview) -> str:
    met = [c.label for c in r.printo.criteria if c.met]
    status = r.printo.status.replace("_", " ")
    return f"{status} ({r.printo.n_met}/{r.printo.n_available})" if met or \
        r.printo.n_available else status


def visit_row(r: VisitReview) -> list[str]:
    return [r.visit_date.isoformat(), "—" if r.study_day is None else str(r.study_day),
            *(with_change(r, m) for m in _MEASURE_COLUMNS), num(r.measures.get("cdasi_activity")),
            num(r.ck, 0), num(r.enzymes.get("LD"), 0), num(r.enzymes.get("ASAT"), 0),
            tis_text(r.tis, r.is_baseline), printo_text(r), signed_text(r)]


SIGNATURE_INVALID = "signature invalid"


def signature_invalid(r: VisitReview) -> bool:
    return r.signed_by is not None and r.signature_state == "invalid"


def signed_text(r: VisitReview) -> str:
    """Signature status of a visit: who signed and the UTC date, "signature invalid" when it
    no longer matches the visit, or "not signed"."""
    if r.signed_by is None:
        return "not signed"
    if signature_invalid(r):
        return f"{SIGNATURE_INVALID} ({r.signed_by})"
    text = f"\u2713 {r.signed_by} {(r.signed_at or '')[:10]}".rstrip()
    return text + (" (not content-bound)" if r.signature_state == "not_bound" else "")


def header_lines(rv: PatientReview) -> list[str]:
    """Who (current age apart), the course on tacrolimus (age at start, follow-up to the last
    record, never to today), and the baseline."""
    parts = [rv.study_code, label_of(SEX, rv.sex)]
    if rv.age is not None:
        parts.append(f"current age {rv.age:.1f} y")
    if rv.disease_years is not None:
        parts.append(f"disease duration {rv.disease_years:.1f} y")
    lines = [" · ".join(p for p in parts if p)]
    if rv.tacrolimus_start is not None:
        course = rv.tacrolimus_text
        if rv.age_at_tacrolimus_start is not None:
            course += f" · started at age {rv.age_at_tacrolimus_start:.1f} y"
        lines.append(course + " · " + follow_up_text(rv))
    else:
        lines.append(rv.tacrolimus_text)
    baseline = rv.baseline_rule or (
        f"baseline visit {rv.baseline_date.isoformat()}" if rv.baseline_date else
        "no baseline visit (none on or before the tacrolimus start)")
    lines.append(" ".join([baseline, *rv.settings_notes]))
    return lines


def follow_up_text(rv: PatientReview) -> str:
    if rv.follow_up_days is None or rv.last_record is None:
        return "no follow-up recorded since the start"
    return (f"follow-up {rv.follow_up_days} days ({rv.follow_up_days / DAYS_PER_MONTH:.1f} "
            f"months) to the last record on {rv.last_record.isoformat()}")


def treatment_lines(rv: PatientReview) -> list[str]:
    out = []
    s = rv.steroids
    if s is not None:
        now = "unknown (a dose cannot be converted)" if s.current_mg_day is None \
            else f"{num(s.current_mg_day)} mg/day"
        text = f"Steroid (prednisolone equivalent): now {now}"
        if s.current_mg_kg_day is not None:
            text += f" = {num(s.current_mg_kg_day, 2)} mg/kg/day"
        if s.cumulative_mg is not None:
            text += f"; cumulative since tacrolimus start {num(s.cumulative_mg, 0)} mg"
        if s.percent_reduction is not None:
            text += f"; reduced {num(s.percent_reduction, 0)} % since then"
        out.append(text)
    out.append(pulse_text(rv.pulses))
    lo, hi = rv.trough_band
    if rv.troughs:
        outside = [t for t in rv.troughs if t[2] != "in_range"]
        last = rv.troughs[-1]
        out.append(f"Tacrolimus trough: last {num(last[1])} ng/mL on {last[0].isoformat()} "
                   f"({last[2].replace('_', ' ')}); target {num(lo)}–{num(hi)}; "
                   f"{len(outside)} of {len(rv.troughs)} outside the target")
    if rv.egfr:
        out.append(f"eGFR ({rv.egfr_formula}): last {num(rv.egfr[-1][1], 0)} mL/min/1.73 m² "
                   f"on {rv.egfr[-1][0].isoformat()}, trend {rv.egfr_trend}")
    if rv.egfr_note:
        out.append(rv.egfr_note)
    out.append("Safety flags: " + ("; ".join(f.message for f in rv.flags) if rv.flags
                                   else "none (K, Mg, glucose, blood pressure)"))
    return out


def medication_lines(rv: PatientReview) -> list[str]:
    return [f"{label_of(DRUGS, m['drug'])} {num(m['dose_amount'], 3)} {m['dose_unit']} "
            f"{label_of(FREQUENCIES, m['frequency']).lower()} since {m['start_date']}"
            for m in rv.current_medications] or ["none"]


def adverse_event_lines(rv: PatientReview) -> list[str]:
    return [f"{a['onset_date']} {a['term']} (grade {a['grade']}, "
            f"{'serious' if a['serious'] else 'not serious'}, {a['relatedness']})"
            for a in rv.adverse_events] or ["none recorded"]
