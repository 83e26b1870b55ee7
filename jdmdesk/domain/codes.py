"""Controlled vocabularies (code lists) shared by forms, validation and every export format."""

from __future__ import annotations

CodeList = tuple[tuple[str, str], ...]

SEX: CodeList = (("F", "Female"), ("M", "Male"), ("U", "Unknown"))

# clinical-reference.md §8: a value that was not obtained carries a reason, never a magic number.
MISSING_REASONS: CodeList = (
    ("not_done", "Not done"),
    ("not_applicable", "Not applicable"),
    ("unknown", "Unknown"),
    ("refused", "Refused"),
    ("lost", "Lost"),
)
# In every export a missing reason is written in its own vocabulary (issue 18, point 8): some
# value code lists use the same words (adverse event action "not_applicable", outcome
# "unknown"), and "action=not_applicable" must not read like "action_missing=not_applicable".
# The study file keeps the reasons above; the exports write "missing_not_done", … instead.
MISSING_EXPORT_PREFIX = "missing_"


def missing_export_code(reason: str) -> str:
    """The export's code for a stored missing reason (``not_done`` -> ``missing_not_done``)."""
    return MISSING_EXPORT_PREFIX + reason


MISSING_REASONS_EXPORT: CodeList = tuple((missing_export_code(code), label)
                                         for code, label in MISSING_REASONS)

# What a nurse may type into a numeric field to record a missing reason instead of a value.
MISSING_SHORTHANDS: dict[str, str] = {
    "nd": "not_done",
    "not done": "not_done",
    "na": "not_applicable",
    "n/a": "not_applicable",
    "unk": "unknown",
    "unknown": "unknown",
    "ref": "refused",
    "refused": "refused",
    "lost": "lost",
}

GLOBAL_RATER: CodeList = (("parent", "Parent"), ("patient", "Patient"))

PHYSICAL_ACTIVITY: CodeList = (
    ("0", "0 Bed- or chair-bound"),
    ("1", "1 Walks indoors only"),
    ("2", "2 Limited outdoor activity, no sport"),
    ("3", "3 Normal school activity, adapted sport"),
    ("4", "4 Unrestricted, including sport"),
)

# clinical-reference.md §6
DRUGS: CodeList = (
    ("tacrolimus", "Tacrolimus"),
    ("prednisolone", "Prednisolone"),
    ("prednisone", "Prednisone"),
    ("methylprednisolone", "Methylprednisolone"),
    ("dexamethasone", "Dexamethasone"),
    ("hydrocortisone", "Hydrocortisone"),
    ("methotrexate", "Methotrexate"),
    ("hydroxychloroquine", "Hydroxychloroquine"),
    ("ivig", "Intravenous immunoglobulin"),
    ("mycophenolate", "Mycophenolate mofetil"),
    ("ciclosporin", "Ciclosporin"),
    ("rituximab", "Rituximab"),
    ("cyclophosphamide", "Cyclophosphamide"),
    ("topical_tacrolimus", "Topical tacrolimus"),
    ("topical_steroid", "Topical corticosteroid"),
)
ROUTES: CodeList = (
    ("oral", "Oral"),
    ("iv", "Intravenous"),
    ("sc", "Subcutaneous"),
    ("im", "Intramuscular"),
    ("topical", "Topical"),
)
DOSE_UNITS: CodeList = (
    ("mg", "mg"),
    ("g", "g"),
    ("mg/kg", "mg/kg"),
    ("g/kg", "g/kg"),
    ("mg/m2", "mg/m²"),
    ("application", "application"),
)
FREQUENCIES: CodeList = (
    ("od", "Once daily"),
    ("bd", "Twice daily"),
    ("tds", "Three times daily"),
    ("qds", "Four times daily"),
    ("alt", "Alternate days"),
    ("weekly", "Weekly"),
    ("every_4_weeks", "Every 4 weeks"),
    ("once", "Single dose / pulse"),
)
# administrations per day; a single dose has no daily rate
DOSES_PER_DAY: dict[str, float] = {
    "od": 1.0,
    "bd": 2.0,
    "tds": 3.0,
    "qds": 4.0,
    "alt": 0.5,
    "weekly": 1 / 7,
    "every_4_weeks": 1 / 28,
}
CHANGE_REASONS: CodeList = (
    ("start", "Start"),
    ("increase", "Increase"),
    ("decrease", "Decrease"),
    ("taper", "Taper"),
    ("stop", "Stop"),
    ("adverse_event", "Adverse event"),
    ("inefficacy", "Inefficacy"),
    ("other", "Other"),
)

AE_CATEGORIES: CodeList = (
    ("infection", "Infection"),
    ("renal", "Renal"),
    ("electrolyte", "Electrolyte disturbance"),
    ("hypertension", "Hypertension"),
    ("metabolic", "Metabolic / glucose"),
    ("neurological", "Neurological (tremor, headache)"),
    ("gastrointestinal", "Gastrointestinal"),
    ("skin", "Skin"),
    ("haematological", "Haematological"),
    ("other", "Other"),
)
AE_GRADES: CodeList = (
    ("1", "1 Mild"),
    ("2", "2 Moderate"),
    ("3", "3 Severe"),
    ("4", "4 Life-threatening"),
    ("5", "5 Death"),
)
RELATEDNESS: CodeList = (
    ("unrelated", "Unrelated"),
    ("unlikely", "Unlikely"),
    ("possible", "Possible"),
    ("probable", "Probable"),
    ("definite", "Definite"),
)
AE_ACTIONS: CodeList = (
    ("none", "None"),
    ("dose_reduced", "Dose reduced"),
    ("interrupted", "Interrupted"),
    ("withdrawn", "Withdrawn"),
    ("not_applicable", "Not applicable"),
)
AE_OUTCOMES: CodeList = (
    ("resolved", "Resolved"),
    ("resolving", "Resolving"),
    ("not_resolved", "Not resolved"),
    ("resolved_sequelae", "Resolved with sequelae"),
    ("fatal", "Fatal"),
    ("unknown", "Unknown"),
)
YES_NO: CodeList = (("1", "Yes"), ("0", "No"))

# A lab result reported beyond a limit of the method (issue 17 A7): the value stored is the limit.
CENSORING: CodeList = (
    ("<", "Below the limit: the true value is lower than the value given"),
    (">", "Above the limit: the true value is higher than the value given"),
)


def label_of(codes: CodeList, code: str | None) -> str:
    return dict(codes).get(code or "", code or "")
