"""Plain-text formatting of a patient review, shared by the review view and the PDF."""

from __future__ import annotations

from jdmdesk.domain import mdi, parse
from jdmdesk.domain.chart_series import DAYS_PER_MONTH
from jdmdesk.domain.codes import DRUGS, FREQUENCIES, RELATEDNESS, SEX, label_of
from jdmdesk.domain.fields import field_label
from jdmdesk.domain.review import PatientReview, VisitReview, pulse_text
from jdmdesk.domain.tis import TisResult
from jdmdesk.ui.i18n import catalogue, message, translate
from jdmdesk.ui.locale_format import show_date, show_number

VISIT_COLUMNS = ("Date", "Day", "PhGA", "Parent", "Extram.", "CMAS", "MMT8", "CHAQ", "DAS",
                 "CDASI", "MDI", "CK", "LD", "ASAT", "TIS", "PRINTO", "Signed")  # catalogue() them
_MEASURE_COLUMNS = ("phga", "ptga", "extramuscular_ga", "cmas_total", "mmt8_total", "chaq_di",
                    "das_total")


def num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return show_number(parse.format_number(round(value, digits)))


def with_change(r: VisitReview, name: str) -> str:
    value, delta = r.measures.get(name), r.change.get(name)
    if value is None:
        return "—"
    if r.is_baseline or delta is None or delta == 0:
        return num(value, 2)
    return f"{num(value, 2)} ({'+' if delta > 0 else '−'}{num(abs(delta), 2)})"


def tis_text(tis: TisResult | None, baseline: bool) -> str:
    if baseline:
        return translate("ReviewText", "baseline")
    if tis is None:
        return "—"
    if tis.score is None:
        return translate("ReviewText", "not computable")
    return f"{num(tis.score)} {catalogue(tis.category)}"


def _measure(name: str, source: str | None) -> str:
    """'Muscle strength (MMT8 total)': the measure, and the one used when it has a choice."""
    label = catalogue(field_label(name))
    if source is None:
        return f"{label} (—)"
    used = source if source.isupper() else catalogue(field_label(source, "visit"))  # a code
    return label if used == label else f"{label} ({used})"


def tis_detail(tis: TisResult | None) -> str:
    if tis is None:
        return ""
    missing = translate("ReviewText", "missing")
    lines = [translate("ReviewText", "{measure}: {percent} → {points} points").format(
        measure=_measure(i.name, i.source),
        percent=missing if i.percent is None else num(i.percent) + " %",
        points="—" if i.points is None else num(i.points)) for i in tis.items]
    if tis.missing:
        if tis.reason:
            lines.append(translate("ReviewText", "Not computable: ") + message(tis.reason))
        lines.append(translate("ReviewText", "Missing: ")
                     + ", ".join(catalogue(field_label(m)) for m in tis.missing))
    return "\n".join(lines)


def printo_text(r: VisitReview) -> str:
    met = [c.label for c in r.printo.criteria if c.met]
    status = catalogue(r.printo.status.replace("_", " "))
    return f"{status} ({r.printo.n_met}/{r.printo.n_available})" if met or \
        r.printo.n_available else status


def visit_row(r: VisitReview) -> list[str]:
    return [show_date(r.visit_date.isoformat()), "—" if r.study_day is None else str(r.study_day),
            *(with_change(r, m) for m in _MEASURE_COLUMNS), num(r.measures.get("cdasi_activity")),
            mdi_cell(r.damage), *(_enzyme(r, code) for code in ("CK", "LD", "ASAT")),
            tis_text(r.tis, r.is_baseline), printo_text(r), signed_text(r)]


def _enzyme(r: VisitReview, code: str) -> str:
    """The enzyme nearest the visit, with its censoring flag ('<5') when the lab gave one."""
    text = num(r.ck if code == "CK" else r.enzymes.get(code), 0)
    result = r.enzyme_results.get(code)
    flag = result.censored if result is not None else None
    return f"{flag}{text}" if flag and text not in ("", "—") else text


def signature_invalid_text() -> str:
    return translate("ReviewText", "signature invalid")


def signature_invalid(r: VisitReview) -> bool:
    return r.signed_by is not None and r.signature_state == "invalid"


def signed_text(r: VisitReview) -> str:
    """Signature status of a visit: who signed and the UTC date, "signature invalid" when it
    no longer matches the visit, or "not signed"."""
    if r.signed_by is None:
        return translate("ReviewText", "not signed")
    if signature_invalid(r):
        return f"{signature_invalid_text()} ({r.signed_by})"
    text = f"\u2713 {r.signed_by} {show_date((r.signed_at or '')[:10])}".rstrip()
    return text + (translate("ReviewText", " (not content-bound)")
                   if r.signature_state == "not_bound" else "")


def header_lines(rv: PatientReview) -> list[str]:
    """Who (current age apart), the course on tacrolimus (age at start, follow-up to the last
    record, never to today), and the baseline."""
    parts = [rv.study_code, catalogue(label_of(SEX, rv.sex))]
    if rv.age is not None:
        parts.append(translate("ReviewText", "current age {age} y").format(
            age=show_number(f"{rv.age:.1f}")))
    if rv.disease_years is not None:
        parts.append(translate("ReviewText", "disease duration {years} y").format(
            years=show_number(f"{rv.disease_years:.1f}")))
    lines = [" · ".join(p for p in parts if p)]
    if rv.tacrolimus_start is not None:
        course = message(rv.tacrolimus_text)
        if rv.age_at_tacrolimus_start is not None:
            course += " · " + translate("ReviewText", "started at age {age} y").format(
                age=show_number(f"{rv.age_at_tacrolimus_start:.1f}"))
        lines.append(course + " · " + follow_up_text(rv))
    else:
        lines.append(message(rv.tacrolimus_text))
    baseline = message(rv.baseline_rule) if rv.baseline_rule else (
        translate("ReviewText", "baseline visit {date}").format(
            date=show_date(rv.baseline_date.isoformat())) if rv.baseline_date else
        translate("ReviewText", "no baseline visit (none on or before the tacrolimus start)"))
    lines.append(" ".join([baseline, *map(message, rv.settings_notes)]))
    return lines


def follow_up_text(rv: PatientReview) -> str:
    if rv.follow_up_days is None or rv.last_record is None:
        return translate("ReviewText", "no follow-up recorded since the start")
    return translate("ReviewText", "follow-up {days} days ({months} months) to the last record "
                     "on {date}").format(days=rv.follow_up_days,
                                         months=show_number(
                                             f"{rv.follow_up_days / DAYS_PER_MONTH:.1f}"),
                                         date=show_date(rv.last_record.isoformat()))


def treatment_lines(rv: PatientReview) -> list[str]:
    out = []
    s = rv.steroids
    if s is not None:
        now = translate("ReviewText", "unknown (a dose cannot be converted)") \
            if s.current_mg_day is None else f"{num(s.current_mg_day)} {catalogue('mg/day')}"
        text = translate("ReviewText", "Steroid (prednisolone equivalent): now {now}").format(
            now=now)
        if s.current_mg_kg_day is not None:
            text += f" = {num(s.current_mg_kg_day, 2)} {catalogue('mg/kg/day')}"
        if s.cumulative_mg is not None:
            text += translate("ReviewText", "; cumulative since tacrolimus start {mg} mg").format(
                mg=num(s.cumulative_mg, 0))
        if s.percent_reduction is not None:
            text += translate("ReviewText", "; reduced {percent} % since then").format(
                percent=num(s.percent_reduction, 0))
        out.append(text)
    out.append(message(pulse_text(rv.pulses)))
    lo, hi = rv.trough_band
    if rv.troughs:
        outside = [t for t in rv.troughs if t[2] != "in_range"]
        last = rv.troughs[-1]
        out.append(translate("ReviewText", "Tacrolimus trough: last {value} ng/mL on {date} "
                             "({where}); target {low}–{high}; {outside} of {n} outside the "
                             "target").format(
            value=num(last[1]), date=show_date(last[0].isoformat()),
            where=catalogue(last[2].replace("_", " ")), low=num(lo), high=num(hi),
            outside=len(outside), n=len(rv.troughs)))
    if rv.egfr:
        out.append(translate("ReviewText", "eGFR ({formula}): last {value} mL/min/1.73 m² on "
                             "{date}, trend {trend}").format(
            formula=rv.egfr_formula, value=num(rv.egfr[-1][1], 0),
            date=show_date(rv.egfr[-1][0].isoformat()), trend=catalogue(rv.egfr_trend)))
    if rv.egfr_note:
        out.append(message(rv.egfr_note))
    out.append(translate("ReviewText", "Safety flags: ")
               + ("; ".join(message(f.message) for f in rv.flags) if rv.flags
                  else translate("ReviewText", "none (K, Mg, glucose, blood pressure)")))
    return out


def medication_lines(rv: PatientReview) -> list[str]:
    return [translate("ReviewText", "{drug} {dose} {unit} {frequency} since {date}").format(
        drug=catalogue(label_of(DRUGS, m["drug"])), dose=num(m["dose_amount"], 3),
        unit=m["dose_unit"], frequency=catalogue(label_of(FREQUENCIES, m["frequency"])).lower(),
        date=show_date(str(m["start_date"])))
        for m in rv.current_medications] or [translate("ReviewText", "none")]


def adverse_event_lines(rv: PatientReview) -> list[str]:
    return [translate("ReviewText", "{date} {term} (grade {grade}, {serious}, {related})").format(
        date=show_date(str(a["onset_date"])), term=a["term"], grade=a["grade"],
        serious=translate("ReviewText", "serious") if a["serious"]
        else translate("ReviewText", "not serious"),
        related=catalogue(label_of(RELATEDNESS, a["relatedness"]) or str(a["relatedness"])))
        for a in rv.adverse_events] or [translate("ReviewText", "none recorded")]


def mdi_cell(d: mdi.DamageSummary | None) -> str:
    """A visit's damage in the table: 'extent · severity' ('—' for a part not recorded)."""
    if d is None:
        return "—"
    return f"{'—' if d.extent is None else d.extent} · {num(d.severity)}"


def mdi_tooltip(d: mdi.DamageSummary | None) -> str:
    if d is None:
        return translate("ReviewText", "Myositis Damage Index not recorded at this visit")
    return "\n".join(damage_detail(d))


def damage_detail(d: mdi.DamageSummary) -> list[str]:
    """Extent per system (items present) and its damage VAS, then the items present."""
    systems = "; ".join(
        translate("ReviewText", "{system} {extent} (VAS {vas})").format(
            system=catalogue(label), extent="—" if n is None else n, vas=num(vas))
        for label, n, vas in d.systems if n or (vas is not None and vas > 0))
    lines = [translate("ReviewText", "MDI extent {extent} of {top} items; severity {severity} of "
                       "{smax} cm; physician global damage {glob} cm").format(
        extent="—" if d.extent is None else d.extent, top=mdi.EXTENT_MAX,
        severity=num(d.severity), smax=mdi.SEVERITY_MAX, glob=num(d.global_vas))]
    if systems:
        lines.append(translate("ReviewText", "By system: {systems}").format(systems=systems))
    if d.present:
        lines.append(translate("ReviewText", "Present: {items}").format(
            items=", ".join(catalogue(item) for item in d.present)))
    return lines


def damage_lines(rv: PatientReview) -> list[str]:
    """The latest Myositis Damage Index and, when it differs, the first one recorded."""
    assessed = [v for v in rv.visits if v.damage is not None]
    if not assessed:
        return [translate("ReviewText", "Damage (MDI): not recorded")]
    last = assessed[-1]
    assert last.damage is not None
    lines = damage_detail(last.damage)
    out = [translate("ReviewText", "Damage (MDI) on {date}: {text}").format(
        date=show_date(last.visit_date.isoformat()), text=lines[0]), *lines[1:]]
    first = assessed[0]
    if first is not last and first.damage is not None:
        out.append(translate("ReviewText", "First recorded {date}: extent {extent}, severity "
                             "{severity} cm, global damage {glob} cm").format(
            date=show_date(first.visit_date.isoformat()),
            extent="—" if first.damage.extent is None else first.damage.extent,
            severity=num(first.damage.severity), glob=num(first.damage.global_vas)))
    return out
