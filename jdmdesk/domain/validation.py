"""Validate a draft (field name -> typed text) into storable values, per-field errors and warnings.

Hard limits block saving; soft limits produce warnings that the user may override with a reason.
The same limits are CHECK constraints in the schema (defence in depth).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jdmdesk.domain import labs, mdi, parse
from jdmdesk.domain.analytes import ANALYTES, normalise_unit
from jdmdesk.domain.fields import FieldSpec, Kind, RecordType, record_type
from jdmdesk.domain.growth import Measured, growth_warnings
from jdmdesk.domain.parse import FieldError
from jdmdesk.domain.texts import Message

Draft = Mapping[str, str | None]
EARLIEST_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class Context:
    """What validation needs to know beyond the draft itself."""

    today: date
    birth_date: date | None = None  # the patient's, for clinical records
    earlier_visits: tuple[Measured, ...] = ()  # the patient's other visits, for a visit


@dataclass
class Validated:
    values: dict[str, Any] = field(default_factory=dict)  # storable: ISO dates, 0/1, numbers
    missing: dict[str, str] = field(default_factory=dict)  # field -> missing reason code
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_field(spec: FieldSpec, text: str | None, ctx: Context) -> tuple[Any, str | None]:
    """Parse one field. Returns (value, warning) or raises FieldError. Blank gives (None, None)."""
    if parse.is_blank(text):
        if spec.required:
            raise FieldError(Message("required"))
        return None, None
    assert text is not None
    value: Any
    if spec.kind in (Kind.TEXT, Kind.LONGTEXT):
        if spec.name == "study_code":
            return parse.parse_study_code(text), None
        value = parse.clean_text(text, max_length=spec.max_length,
                                 multiline=spec.kind is Kind.LONGTEXT)
        return (value or None), None
    if spec.kind is Kind.CODE or spec.kind is Kind.BOOLEAN:
        code = text.strip()
        if spec.codes and code not in dict(spec.codes):
            raise FieldError(Message("'{value}' is not one of the allowed values",
                                     value=parse._shorten(text)))
        return (int(code) if spec.kind is Kind.BOOLEAN else code), None
    if spec.kind is Kind.DATE:
        d = parse.parse_date(text)
        if d < EARLIEST_DATE:
            raise FieldError(Message("date before 1900"))
        if d > ctx.today:
            raise FieldError(Message("date in the future"))
        if ctx.birth_date is not None and d < ctx.birth_date and spec.name != "birth_date":
            raise FieldError(Message("before the patient's birth date ({date})",
                                     date=ctx.birth_date.isoformat()))
        return d.isoformat(), None
    if spec.kind is Kind.TIME:
        return parse.parse_time(text).strftime("%H:%M"), None
    number: float | int = (
        parse.parse_integer(text) if spec.kind is Kind.INTEGER else parse.parse_number(text)
    )
    return number, _check_range(spec, number)


def _check_range(spec: FieldSpec, number: float) -> str | None:
    unit = spec.unit if spec.unit and spec.unit not in {"points", "score", "grade"} else ""
    if spec.hard is not None:
        lo, hi = spec.hard
        if not lo <= number <= hi:
            low, high = parse.format_number(lo), parse.format_number(hi)
            raise FieldError(Message("must be between {low} and {high} {unit_label}", low=low,
                                     high=high, unit_label=unit) if unit else
                             Message("must be between {low} and {high}", low=low, high=high))
    if spec.step is not None and abs(round(number / spec.step) * spec.step - number) > 1e-9:
        raise FieldError(Message("use steps of {step}", step=parse.format_number(spec.step)))
    if spec.soft is not None:
        lo, hi = spec.soft
        if not lo <= number <= hi:
            low, high = parse.format_number(lo), parse.format_number(hi)
            return (Message("unusual value (expected {low}–{high} {unit_label}): please confirm",
                            low=low, high=high, unit_label=unit) if unit else
                    Message("unusual value (expected {low}–{high}): please confirm", low=low,
                            high=high))
    return None


def validate(kind: str | RecordType, draft: Draft, ctx: Context) -> Validated:
    """Validate every field of a draft, then the rules that join fields."""
    rt = record_type(kind) if isinstance(kind, str) else kind
    out = Validated()
    censor_problem = None
    if rt.name == "lab":
        draft, censor_problem = labs.split_censored_draft(draft)
    for spec in rt.fields:
        text = draft.get(spec.name)
        reason = parse.missing_reason(text) if spec.numeric else None
        if reason is not None:
            out.missing[spec.name] = reason
            out.values[spec.name] = None
            continue
        try:
            value, warning = validate_field(spec, text, ctx)
        except FieldError as err:
            out.errors[spec.name] = err.message
            continue
        out.values[spec.name] = value
        if warning:
            out.warnings[spec.name] = warning
    unknown = set(draft) - set(rt.field_names)
    for name in sorted(unknown):
        out.errors[name] = Message("{record_label} has no field '{name}'", record_label=rt.label,
                                   name=name)
    if censor_problem is not None:
        out.errors["value"] = censor_problem
    _CROSS_RULES.get(rt.name, lambda v: None)(out)
    if rt.name == "visit":
        _growth_rules(out, ctx)
    return out


def _both(out: Validated, a: str, b: str) -> bool:
    return (out.values.get(a) is not None and out.values.get(b) is not None
            and a not in out.errors and b not in out.errors)


def _patient_rules(out: Validated) -> None:
    v = out.values
    for name in ("onset_date", "diagnosis_date"):
        if _both(out, "birth_date", name) and v[name] < v["birth_date"]:
            out.errors[name] = Message("before the date of birth")
    if _both(out, "onset_date", "diagnosis_date") and v["diagnosis_date"] < v["onset_date"]:
        out.errors["diagnosis_date"] = Message("before disease onset")


def _visit_rules(out: Validated) -> None:
    v = out.values
    if _both(out, "sbp", "dbp") and v["dbp"] >= v["sbp"]:
        out.errors["dbp"] = Message("diastolic must be lower than systolic")
    # who rated the parent/patient global qualifies that global only: asked for with it
    if (v.get("ptga") is not None and "ptga" not in out.errors
            and v.get("ptga_rater") is None and "ptga_rater" not in out.errors):
        out.errors["ptga_rater"] = Message(
            "say who rated the parent/patient global (parent or patient)")
    _mdi_rules(out)


def _mdi_rules(out: Validated) -> None:
    """Each system's damage severity against its items (domain/mdi.py), as warnings."""
    clean = {k: v for k, v in out.values.items() if k not in out.errors}
    for name, text in mdi.consistency_warnings(clean).items():
        out.warnings[name] = Message("{first}; {second}", first=out.warnings[name], second=text) \
            if name in out.warnings else text


def _growth_rules(out: Validated, ctx: Context) -> None:
    """Height and weight against the patient's earlier visits (domain/growth.py)."""
    v = out.values
    if "visit_date" in out.errors or v.get("visit_date") is None:
        return
    found = growth_warnings(date.fromisoformat(v["visit_date"]),
                            None if "weight_kg" in out.errors else v.get("weight_kg"),
                            None if "height_cm" in out.errors else v.get("height_cm"),
                            ctx.earlier_visits)
    for name, text in found.items():
        out.warnings[name] = Message("{first}; {second}", first=out.warnings[name], second=text) \
            if name in out.warnings else text


def _medication_rules(out: Validated) -> None:
    v = out.values
    if _both(out, "start_date", "end_date") and v["end_date"] < v["start_date"]:
        out.errors["end_date"] = Message("before the start date")
    if v.get("dose_amount") == 0 and v.get("change_reason") != "stop":
        out.errors["dose_amount"] = Message(
            "a dose of 0 is only for a 'stop' segment; set an end date")


def _adverse_event_rules(out: Validated) -> None:
    v = out.values
    if _both(out, "onset_date", "end_date") and v["end_date"] < v["onset_date"]:
        out.errors["end_date"] = Message("before the onset date")


def _lab_rules(out: Validated) -> None:
    v = out.values
    code = v.get("analyte")
    if code is None or "analyte" in out.errors:
        return
    if code not in ANALYTES:
        out.errors["analyte"] = Message("unknown analyte '{code}'",
                                         code=parse._shorten(str(code)))
        return
    a = ANALYTES[code]
    unit = v.get("unit")
    if unit is not None:
        unit = normalise_unit(unit)
        if not a.accepts(unit):
            allowed = ", ".join(a.units)
            out.errors["unit"] = Message("{code} is reported in {units}", code=a.code,
                                         units=allowed)
            return
        v["unit"] = unit
    value = v.get("value")
    if value is not None and unit is not None and "value" not in out.errors:
        canonical = a.to_canonical(value, unit)
        if not a.hard_min <= canonical <= a.hard_max:
            lo = parse.format_number(a.from_canonical(a.hard_min, unit))
            hi = parse.format_number(a.from_canonical(a.hard_max, unit))
            out.errors["value"] = Message("implausible for {code}: must be {low}–{high} {unit}",
                                          code=a.code, low=lo, high=hi, unit=unit)
        elif not a.soft_min <= canonical <= a.soft_max:
            out.warnings["value"] = Message("unusual {code} value: please confirm", code=a.code)
    if unit is not None:
        refs = [None if name in out.errors else v.get(name) for name in ("ref_low", "ref_high")]
        for name, problem in labs.reference_limit_problems(code, unit, *refs).items():
            out.errors.setdefault(name, problem)


_CROSS_RULES = {
    "patient": _patient_rules,
    "visit": _visit_rules,
    "medication": _medication_rules,
    "lab": _lab_rules,
    "adverse_event": _adverse_event_rules,
}
