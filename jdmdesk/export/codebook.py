"""The codebook: a Markdown file that explains the bundle's files, columns and codes."""

from __future__ import annotations

from jdmdesk.domain import codes
from jdmdesk.domain.review import LAB_WINDOW_DAYS
from jdmdesk.export.rows import NO_TACROLIMUS, Table
from jdmdesk.i18n import dutch


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def codebook(tables: list[Table], audit_columns: list[str], steps: list[str],
             *, pseudonymised: bool, study_name: str, holds: str = "") -> str:
    out = [f"# Codebook: {study_name}", ""]
    if holds:
        out += [f"**This export holds:** {holds}", ""]
    out += [
        "## Files", "",
        "| file | content |", "|---|---|",
        *(f"| {t.name}.csv | {_md(t.description)} |" for t in tables),
        "| audit_trail.csv | Every change made in the study file, in order (seq). |",
        "| data_dictionary.csv | One row per column of every table (audit trail included): "
        "label in English and Dutch (label_en, label_nl), type, value type, unit, allowed "
        "range or codes, code list, entered or "
        "derived. |",
        "| code_lists.csv | One row per code: list, code, label_en, label_nl, order. |",
        "| datapackage.json | Frictionless Data Package: a Table Schema per CSV (types, "
        "formats, code lists, ranges, keys, missing-value marker), size and SHA-256. |",
        "| README.txt | How to open the bundle (Excel: use the xlsx export). |",
        "| codebook.md | This file. |",
        "| manifest.json | App and schema version, export time (UTC), options, "
        "de-identification steps, row counts and the SHA-256 of every other file. |",
        "",
        "## Conventions", "",
        "- UTF-8, comma-separated, RFC 4180 quoting, `.` as the decimal separator.",
        "- A missing value is an empty cell. Why it is missing is in the column "
        "`<field>_missing`: " + ", ".join(f"`{c}` ({label.lower()})"
                                            for c, label in codes.MISSING_REASONS_EXPORT)
        + ". The `missing_` prefix keeps these reasons apart from value codes that use the "
        "same words (an adverse event's action `not_applicable`, outcome `unknown`).",
        "- Numeric columns hold numbers only, never codes for missing values.",
        "- Every value is written exactly as stored: a text that begins with `=`, `+`, `-` or "
        "`@` is not altered. Do not open these CSV files in a spreadsheet (it may run such "
        "text as a formula); open the study in Excel through the xlsx export instead.",
        "- Codes are stored as codes; their meanings are in code_lists.csv (the list named "
        "in data_dictionary.csv `code_list`).",
        "- `study_code` is the patient key in every table; `record_id` is the record's random "
        "UUID, also used by the audit trail.",
        "",
        "## Time", "",
        "- Day 0 is the start date of the patient's first systemic tacrolimus segment; "
        "`<field>_day` counts days from it (negative before it).",
        "- `<field>_age` is the age in years at that date, one decimal (days / 365.25).",
        f"- A patient without tacrolimus has no study days: `<field>_day` is empty and "
        f"`<field>_day_missing` is `{NO_TACROLIMUS}`.",
    ]
    out += [
        "- In analysis_visits, `days_since_first_visit` is a time axis for every patient "
        "(also without tacrolimus); `visit_date_day` is the days since tacrolimus start.",
        "",
        "## Laboratory values of a visit (analysis_visits)", "",
        f"- One rule, the review's: for each analyte, the sample closest to the visit date "
        f"within ±{LAB_WINDOW_DAYS} days; on a tie the earlier sample. `lab_<analyte>` is its "
        "value in the canonical unit, `lab_<analyte>_offset_days` the sample day minus the "
        "visit day, `lab_<analyte>_uln_multiple` the value over that result's own upper limit "
        "of normal. `lab_tacrolimus` is the nearest trough.",
        "- Baseline, change from baseline, TIS, PRINTO and the steroid and tacrolimus doses "
        "are the physician's review's own numbers for that visit.",
        "",
    ]
    if pseudonymised:
        out.append("- This export is pseudonymised: it holds no calendar dates.")
    else:
        out.append("- This export is IDENTIFIED: calendar dates (ISO 8601, YYYY-MM-DD) and "
                   "identifying fields are kept. Handle it as personal data.")
    out += ["", "## De-identification applied", "", *(f"- {s}" for s in steps), ""]
    for t in tables:
        out += [f"## {t.name}.csv", "", _md(t.description), "",
                "| column | label_en | label_nl | type | unit | allowed | origin |",
                "|---|---|---|---|---|---|---|"]
        for c in t.columns:
            out.append(f"| {c.name} | {_md(c.label)} | {_md(dutch(c.label))} | {c.kind} | "
                       f"{_md(c.unit)} | "
                       f"{_md(c.allowed)} | {c.origin} |")
        out.append("")
    out += ["## audit_trail.csv", "",
            "Columns: " + ", ".join(f"`{c}`" for c in audit_columns) + ".", ""]
    return "\n".join(out)


def bundle_readme(study_name: str, *, pseudonymised: bool) -> str:
    """README.txt of the bundle: what is in it and how to open it safely."""
    kind = "pseudonymised" if pseudonymised else "IDENTIFIED (personal data)"
    return "\n".join([
        f"JDM Desk export of {study_name}, {kind} (time of export: manifest.json).",
        "",
        "Read codebook.md first: files, columns, codes, time axis and de-identification.",
        "datapackage.json describes every CSV as a Frictionless Data Package (types, formats,",
        "code lists, ranges, keys, missing-value markers, size and SHA-256 of each file);",
        "load with frictionless, or pass its types to pandas / R.",
        "",
        "The CSV files hold every value exactly as entered, including text that begins with",
        "= + - or @. A spreadsheet may run such text as a formula: to open the data in",
        "Excel, use the xlsx export of the study (File > Export study file..., format xlsx,",
        "or `jdmdesk export STUDY --format xlsx --output FILE`), which stores text as text.",
        "",
    ])
