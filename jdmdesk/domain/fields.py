"""The data dictionary: every field of every record type, with its limits and code list.

This catalogue is the single description that validation, the forms, the exports (CSV data
dictionary, Excel, ODM metadata, REDCap dictionary) and the schema consistency test all read.
Field names follow architecture.md "Contracts".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jdmdesk.domain import codes, mdi
from jdmdesk.domain.codes import CodeList


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # free text, several lines
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    TIME = "time"
    CODE = "code"  # one value of a code list
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: Kind
    unit: str = ""
    hard: tuple[float, float] | None = None  # inclusive; outside blocks saving
    soft: tuple[float, float] | None = None  # inclusive; outside asks for a reason
    step: float | None = None  # e.g. 0.1 for a VAS
    codes: CodeList = ()
    required: bool = False
    identifying: bool = False  # dropped from pseudonymised exports
    free_text: bool = False  # dropped from exports unless asked for
    max_length: int = 200
    section: str = ""  # where the field sits on the paper form
    help: str = ""

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.INTEGER, Kind.DECIMAL)


@dataclass(frozen=True)
class DerivedSpec:
    name: str
    label: str
    kind: Kind
    unit: str = ""
    range: tuple[float, float] | None = None
    help: str = ""


@dataclass(frozen=True)
class RecordType:
    name: str  # record type and form name stem: patient, visit, medication, lab, adverse_event
    table: str
    label: str
    fields: tuple[FieldSpec, ...]
    derived: tuple[DerivedSpec, ...] = ()

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


# --- patient ---------------------------------------------------------------------------------

PATIENT = RecordType(
    "patient",
    "patient",
    "Patient",
    (
        FieldSpec("study_code", "Study code", Kind.TEXT, required=True, max_length=32,
                  help="Letters, digits, '-' and '_'; unique in the study"),
        FieldSpec("initials", "Initials", Kind.TEXT, identifying=True, max_length=8),
        FieldSpec("sex", "Sex", Kind.CODE, codes=codes.SEX, required=True),
        FieldSpec("birth_date", "Date of birth", Kind.DATE, required=True, identifying=True),
        FieldSpec("onset_date", "Disease onset", Kind.DATE),
        FieldSpec("diagnosis_date", "Diagnosis", Kind.DATE),
        FieldSpec("hospital_number", "Hospital number", Kind.TEXT, identifying=True,
                  max_length=32, help="The hospital's patient number, to match lab files; "
                  "never exported pseudonymised"),
        FieldSpec("note", "Note", Kind.LONGTEXT, free_text=True, max_length=20_000),
    ),
)

# --- visit -----------------------------------------------------------------------------------

CMAS_ITEMS: tuple[tuple[str, int], ...] = (
    ("Head elevation", 5),
    ("Leg raise / touch object", 2),
    ("Straight leg lift", 5),
    ("Supine to prone", 3),
    ("Sit-ups", 6),
    ("Supine to sit", 3),
    ("Arm raise / straighten", 3),
    ("Arm raise duration", 4),
    ("Floor sit", 3),
    ("All-fours manoeuvre", 4),
    ("Floor rise", 4),
    ("Chair rise", 4),
    ("Stool step", 3),
    ("Pick-up", 3),
)
CMAS_TIMED = (1, 3, 8)
MMT8_GROUPS: tuple[tuple[str, str], ...] = (
    ("neck_flexors", "Neck flexors"),
    ("deltoid", "Middle deltoid"),
    ("biceps", "Biceps brachii"),
    ("gluteus_maximus", "Gluteus maximus"),
    ("gluteus_medius", "Gluteus medius"),
    ("quadriceps", "Quadriceps"),
    ("wrist_extensors", "Wrist extensors"),
    ("ankle_dorsiflexors", "Ankle dorsiflexors"),
)
CHAQ_DOMAINS: tuple[tuple[str, str], ...] = (
    ("dressing", "Dressing and grooming"),
    ("arising", "Arising"),
    ("eating", "Eating"),
    ("walking", "Walking"),
    ("hygiene", "Hygiene"),
    ("reach", "Reach"),
    ("grip", "Grip"),
    ("activities", "Activities"),
)
SKIN_FINDINGS: tuple[tuple[str, str], ...] = (
    ("heliotrope", "Heliotrope rash"),
    ("gottron", "Gottron papules / sign"),
    ("malar", "Malar or facial erythema"),
    ("nailfold", "Nailfold capillary changes"),
    ("ulceration", "Skin ulceration"),
    ("calcinosis", "Calcinosis"),
)


def _vas(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, Kind.DECIMAL, "cm", (0, 10), step=0.1, section="globals",
                     help="0-10 cm visual analogue scale, higher = worse")


def _cmas_fields() -> list[FieldSpec]:
    out: list[FieldSpec] = []
    for i, (label, top) in enumerate(CMAS_ITEMS, start=1):
        out.append(FieldSpec(f"cmas_{i}", f"CMAS {i} {label}", Kind.INTEGER, "points", (0, top),
                             section="cmas", help=f"0-{top}"))
        if i in CMAS_TIMED:
            out.append(FieldSpec(f"cmas_{i}_seconds", f"CMAS {i} seconds", Kind.DECIMAL, "s",
                                 (0, 600), section="cmas"))
    return out


def _mdi_fields() -> list[FieldSpec]:
    """The Myositis Damage Index (domain/mdi.py): per organ system its items (present /
    absent; blank = not assessed) and its damage severity VAS, then the global damage VAS."""
    out: list[FieldSpec] = []
    for system in mdi.SYSTEMS:
        section = f"mdi_{system.key}"
        for (_, label), name in zip(system.items, system.item_fields, strict=True):
            out.append(FieldSpec(name, f"MDI {system.label.lower()}: {label}", Kind.BOOLEAN,
                                 codes=codes.YES_NO, section=section,
                                 help="Damage present for at least 6 months (Yes/No); "
                                      "blank = not assessed"))
        out.append(FieldSpec(system.vas_field, f"MDI {system.label.lower()} damage severity",
                             Kind.DECIMAL, "cm", (0, 10), step=0.1, section=section,
                             help="0-10 cm VAS: 0 = no damage, 10 = most severe damage"))
    out.append(FieldSpec(mdi.GLOBAL_FIELD, "MDI physician global damage", Kind.DECIMAL, "cm",
                         (0, 10), step=0.1, section="mdi_global",
                         help="0-10 cm VAS of overall damage, higher = worse"))
    return out


VISIT = RecordType(
    "visit",
    "visit",
    "Visit",
    (
        FieldSpec("visit_date", "Visit date", Kind.DATE, required=True, section="visit"),
        FieldSpec("weight_kg", "Weight", Kind.DECIMAL, "kg", (1, 250), (8, 120), section="visit"),
        FieldSpec("height_cm", "Height", Kind.DECIMAL, "cm", (30, 250), (70, 200),
                  section="visit"),
        FieldSpec("sbp", "Systolic blood pressure", Kind.INTEGER, "mmHg", (40, 260), (70, 150),
                  section="visit"),
        FieldSpec("dbp", "Diastolic blood pressure", Kind.INTEGER, "mmHg", (20, 180), (35, 100),
                  section="visit"),
        _vas("phga", "Physician global activity"),
        _vas("ptga", "Parent/patient global activity"),
        FieldSpec("ptga_rater", "Global rated by", Kind.CODE, codes=codes.GLOBAL_RATER,
                  section="globals"),
        _vas("extramuscular_ga", "Extramuscular global activity"),
        *_cmas_fields(),
        *(FieldSpec(f"mmt8_{key}", f"MMT8 {label}", Kind.INTEGER, "grade", (0, 10),
                    section="mmt8", help="Kendall 0-10") for key, label in MMT8_GROUPS),
        *(FieldSpec(f"chaq_{key}", f"CHAQ {label}", Kind.INTEGER, "score", (0, 3),
                    section="chaq", help="0-3, worst item; at least 2 with aids or help")
          for key, label in CHAQ_DOMAINS),
        FieldSpec("das_skin", "DAS skin", Kind.INTEGER, "points", (0, 9), section="das"),
        FieldSpec("das_muscle", "DAS muscle", Kind.INTEGER, "points", (0, 11), section="das"),
        FieldSpec("cdasi_activity", "CDASI activity", Kind.INTEGER, "points", (0, 100),
                  section="cdasi"),
        FieldSpec("cdasi_damage", "CDASI damage", Kind.INTEGER, "points", (0, 32),
                  section="cdasi"),
        *(FieldSpec(f"skin_{key}", label, Kind.BOOLEAN, codes=codes.YES_NO, section="skin")
          for key, label in SKIN_FINDINGS),
        FieldSpec("physical_activity", "Physical activity", Kind.CODE,
                  codes=codes.PHYSICAL_ACTIVITY, section="activity"),
        *_mdi_fields(),
        FieldSpec("note", "Note", Kind.LONGTEXT, free_text=True, max_length=20_000,
                  section="note"),
    ),
    (
        DerivedSpec("cmas_total", "CMAS total", Kind.INTEGER, "points", (0, 52),
                    "Sum of the 14 items; only when all are present"),
        DerivedSpec("mmt8_total", "MMT8 total", Kind.INTEGER, "points", (0, 80),
                    "Sum of the 8 groups; only when all are present"),
        DerivedSpec("chaq_di", "CHAQ disability index", Kind.DECIMAL, "score", (0, 3),
                    "Mean of the answered domains; at least 6 of 8"),
        DerivedSpec("das_total", "DAS total", Kind.INTEGER, "points", (0, 20),
                    "DAS skin + DAS muscle"),
        DerivedSpec("mdi_extent", "MDI extent of damage", Kind.INTEGER, "items",
                    (0, mdi.EXTENT_MAX), "Myositis Damage Index items present; blank items "
                    "are not assessed; empty when no item was assessed"),
        DerivedSpec("mdi_severity", "MDI severity of damage", Kind.DECIMAL, "cm",
                    (0, mdi.SEVERITY_MAX), "Sum of the 11 organ-system damage VAS; only when "
                    "all 11 are present"),
    ),
)

# --- medication dose segment -----------------------------------------------------------------

MEDICATION = RecordType(
    "medication",
    "medication",
    "Medication dose segment",
    (
        FieldSpec("drug", "Drug", Kind.CODE, codes=codes.DRUGS, required=True),
        FieldSpec("route", "Route", Kind.CODE, codes=codes.ROUTES, required=True),
        FieldSpec("dose_amount", "Dose", Kind.DECIMAL, hard=(0, 100_000), required=True),
        FieldSpec("dose_unit", "Dose unit", Kind.CODE, codes=codes.DOSE_UNITS, required=True),
        FieldSpec("frequency", "Frequency", Kind.CODE, codes=codes.FREQUENCIES, required=True),
        FieldSpec("start_date", "Start date", Kind.DATE, required=True),
        FieldSpec("end_date", "End date", Kind.DATE),
        FieldSpec("change_reason", "Reason for change", Kind.CODE, codes=codes.CHANGE_REASONS,
                  required=True),
        FieldSpec("note", "Note", Kind.LONGTEXT, free_text=True, max_length=20_000),
    ),
    (
        DerivedSpec("daily_dose_mg", "Daily dose", Kind.DECIMAL, "mg/day"),
        DerivedSpec("dose_mg_kg_day", "Dose per kg (the drug's own mg)", Kind.DECIMAL,
                    "mg/kg/day"),
        DerivedSpec("pred_eq_mg_day", "Prednisolone equivalent", Kind.DECIMAL, "mg/day"),
        DerivedSpec("pred_eq_mg_kg_day", "Prednisolone equivalent per kg", Kind.DECIMAL,
                    "mg/kg/day"),
    ),
)

# --- lab result ------------------------------------------------------------------------------

LAB = RecordType(
    "lab",
    "lab_result",
    "Laboratory result",
    (
        FieldSpec("sample_date", "Sample date", Kind.DATE, required=True),
        FieldSpec("sample_time", "Sample time", Kind.TIME),
        FieldSpec("analyte", "Analyte", Kind.CODE, required=True),  # codes: analytes catalogue
        FieldSpec("value", "Value", Kind.DECIMAL, required=True,
                  help="As reported, in the unit chosen; '<5' or '>2000' for a result "
                  "beyond a limit of the method"),
        FieldSpec("censored", "Censored", Kind.CODE, codes=codes.CENSORING,
                  help="'<' or '>' when the lab reported the value as beyond a limit; the "
                  "value is then that limit"),
        FieldSpec("unit", "Unit", Kind.CODE, required=True, max_length=16,
                  help="One of the analyte's accepted units"),  # codes: per analyte
        FieldSpec("ref_low", "Reference low", Kind.DECIMAL,
                  help="Lower limit of the lab's reference range, in the result's unit"),
        FieldSpec("ref_high", "Reference high", Kind.DECIMAL,
                  help="Upper limit of normal, in the result's unit"),
        FieldSpec("note", "Note", Kind.LONGTEXT, free_text=True, max_length=20_000),
    ),
    (
        DerivedSpec("value_canonical", "Value in canonical unit", Kind.DECIMAL),
        DerivedSpec("uln_multiple", "Multiple of upper limit of normal", Kind.DECIMAL),
    ),
)

# --- adverse event ---------------------------------------------------------------------------

ADVERSE_EVENT = RecordType(
    "adverse_event",
    "adverse_event",
    "Adverse event",
    (
        FieldSpec("onset_date", "Onset date", Kind.DATE, required=True),
        # typed text that can name people or dates: free text for the exports (issue 18)
        FieldSpec("term", "Term", Kind.TEXT, required=True, max_length=200, free_text=True,
                  help="Short description, e.g. 'tremor'"),
        FieldSpec("category", "Category", Kind.CODE, codes=codes.AE_CATEGORIES, required=True),
        FieldSpec("grade", "Grade (CTCAE)", Kind.CODE, codes=codes.AE_GRADES, required=True),
        FieldSpec("serious", "Serious", Kind.BOOLEAN, codes=codes.YES_NO, required=True),
        FieldSpec("relatedness", "Related to tacrolimus", Kind.CODE, codes=codes.RELATEDNESS,
                  required=True),
        FieldSpec("action", "Action taken", Kind.CODE, codes=codes.AE_ACTIONS),
        FieldSpec("outcome", "Outcome", Kind.CODE, codes=codes.AE_OUTCOMES),
        FieldSpec("end_date", "End date", Kind.DATE),
        FieldSpec("note", "Note", Kind.LONGTEXT, free_text=True, max_length=20_000),
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt for rt in (PATIENT, VISIT, MEDICATION, LAB, ADVERSE_EVENT)
}
CLINICAL_TYPES: tuple[str, ...] = ("visit", "medication", "lab", "adverse_event")


def record_type(name: str) -> RecordType:
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise KeyError(f"unknown record type {name!r}") from None


# --- labels people read ------------------------------------------------------------------------

# The Total Improvement Score's measures (domain/tis.py TIS_MEASURES) by name.
MEASURE_LABELS: dict[str, str] = {
    "phga": "Physician global activity", "ptga": "Parent/patient global activity",
    "strength": "Muscle strength", "chaq": "CHAQ", "enzyme": "Muscle enzymes",
    "extramuscular": "Extramuscular activity",
}
# Stored columns that are not catalogue fields but appear in the audit trail.
COLUMN_LABELS: dict[str, str] = {
    "deleted": "Deleted", "value_canonical": "Value in canonical unit",
    "sample_id": "Sample", "patient_id": "Patient", "missing": "Missing-value reasons",
}


def field_label(name: str, kind: str | None = None) -> str:
    """What people read for a field, derived measure, TIS measure or stored column ``name``
    (the catalogue's label; ``kind``'s own field first where names repeat across record
    types). Never the internal code: an unknown name is spelled as words."""
    rts = [RECORD_TYPES[kind]] if kind in RECORD_TYPES else []
    rts += [rt for rt in RECORD_TYPES.values() if rt.name != kind]
    for rt in rts:
        for spec in rt.fields:
            if spec.name == name:
                return spec.label
        for derived in rt.derived:
            if derived.name == name:
                return derived.label
    if name in MEASURE_LABELS:
        return MEASURE_LABELS[name]
    if name in COLUMN_LABELS:
        return COLUMN_LABELS[name]
    return name.replace("_", " ").capitalize()
