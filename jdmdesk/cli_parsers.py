"""The sub-commands' argument parsers (``jdmdesk COMMAND --help``): what each command takes.

What each command does is in :mod:`jdmdesk.cli`, which pairs these parsers with their handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    demo = argparse.ArgumentParser(prog="jdmdesk demo", description="Write a synthetic study.")
    demo.add_argument("out", type=Path, help="new study file to write")
    demo.add_argument("--patients", type=int, default=None,
                      help="synthetic registry of N patients (default: the 3-patient case series)")
    check = argparse.ArgumentParser(prog="jdmdesk check",
                                    description="Check integrity, foreign keys and audit chain.")
    check.add_argument("study", type=Path)
    backup = argparse.ArgumentParser(prog="jdmdesk backup",
                                     description="Write a verified copy of a study file.")
    backup.add_argument("study", type=Path)
    backup.add_argument("--output", type=Path, required=True, help="new file to write")
    backup.add_argument("--plain", action="store_true",
                        help="an unencrypted SQLite copy (data manager; audited)")
    restore = argparse.ArgumentParser(
        prog="jdmdesk restore",
        description="Restore a backup, or a plain copy made by 'backup --plain', into a new "
                    "study file (a plain copy becomes a new encrypted study). Signatures, the "
                    "keyed audit trail and the account rows are verified first.")
    restore.add_argument("backup", type=Path)
    restore.add_argument("--output", type=Path, required=True,
                         help="new study file (never an existing file)")
    restore.add_argument("--accept-unverified", action="store_true",
                         help="restore a backup whose audit trail, signatures, account rows, "
                              "schema or references do not verify (refused otherwise; "
                              "recorded in the new study)")
    encrypt = argparse.ArgumentParser(
        prog="jdmdesk encrypt",
        description="Write an encrypted copy of a study made before encryption (data "
                    "manager); the plain study is never changed.")
    encrypt.add_argument("study", type=Path)
    encrypt.add_argument("--output", type=Path, required=True, help="new study file to write")
    encrypt.add_argument("--accept-unverified", action="store_true",
                         help="encrypt although its audit trail or schema does not verify "
                              "(recorded in the new study)")
    recover = argparse.ArgumentParser(
        prog="jdmdesk recover",
        description="Every password lost: open the study with its recovery key "
                    "(JDMDESK_RECOVERY_KEY, or asked) and set a new password for a data "
                    "manager (JDMDESK_NEW_PASSWORD, or asked).")
    recover.add_argument("study", type=Path)
    recover.add_argument("--user", required=True, help="an active data manager's user name")
    export = argparse.ArgumentParser(
        prog="jdmdesk export",
        description="Export the study: pseudonymised unless --identified is given.")
    export.add_argument("study", type=Path)
    export.add_argument("--format", required=True,
                        choices=("bundle", "xlsx", "odm", "redcap", "stata", "spss"),
                        help="bundle (ZIP of CSVs), xlsx, odm (CDISC ODM 1.3.2), redcap (ZIP), "
                             "stata or spss (ZIP of .dta / .sav files)")
    export.add_argument("--output", type=Path, required=True, help="file to write")
    export.add_argument("--identified", action="store_true",
                        help="keep calendar dates, birth dates and initials (personal data)")
    export.add_argument("--include-free-text", action="store_true",
                        help="keep free text: notes, reasons for change and adverse-event "
                             "terms (typed text that can name people and dates)")
    export.add_argument("--force", action="store_true", help="replace an existing output")
    report = argparse.ArgumentParser(prog="jdmdesk report",
                                     description="One-page A4 PDF summary of a patient.")
    report.add_argument("study", type=Path)
    report.add_argument("--patient", required=True, help="study code of the patient")
    report.add_argument("--output", type=Path, required=True, help="PDF file to write")
    report.add_argument("--force", action="store_true", help="replace an existing output")
    case_series = argparse.ArgumentParser(
        prog="jdmdesk case-series",
        description="Case series report (PDF, CSV tables, SVG/PNG figures) into a folder; "
                    "pseudonymised: study codes and study days only.")
    case_series.add_argument("study", type=Path)
    case_series.add_argument("--output", type=Path, required=True,
                             help="folder to write into (made when missing)")
    case_series.add_argument("--patients", default=None,
                             help="study codes, comma-separated (default: every patient)")
    case_series.add_argument("--force", action="store_true",
                             help="replace the report files already in the folder")
    import_labs = argparse.ArgumentParser(
        prog="jdmdesk import-labs",
        description="Import lab results from a hospital CSV or xlsx file (data entry or data "
                    "manager). All or nothing unless --skip-invalid.")
    import_labs.add_argument("study", type=Path)
    import_labs.add_argument("--input", type=Path, required=True, help="CSV or xlsx file")
    import_labs.add_argument("--mapping", type=Path,
                             help="mapping JSON (as exported by File > Import lab results); "
                                  "default: the study's saved mapping for the file's header, "
                                  "or JDM Desk's own column names")
    import_labs.add_argument("--dry-run", action="store_true",
                             help="check and count only; store nothing")
    import_labs.add_argument("--skip-invalid", action="store_true",
                             help="import the valid rows and write a report beside the file")
    undo_import = argparse.ArgumentParser(
        prog="jdmdesk undo-import",
        description="List the study's lab imports, or undo one (data manager): every result "
                    "it stored is deleted with the reason, and the deletion is audited.")
    undo_import.add_argument("study", type=Path)
    undo_import.add_argument("--import", dest="import_id", metavar="ID",
                             help="the import to undo (its id or a unique start of it, as "
                                  "listed without this option)")
    undo_import.add_argument("--reason",
                             help="why the import is undone (required with --import)")
    break_lock = argparse.ArgumentParser(
        prog="jdmdesk break-lock",
        description="Break the lock of a JDM Desk that stopped (a crash, a computer switched "
                    "off) once its heartbeat is silent (data manager); recorded in the audit "
                    "trail. A lock whose holder still runs is never broken.")
    break_lock.add_argument("study", type=Path)
    break_lock.add_argument("--yes", action="store_true",
                            help="do not ask for confirmation (the lock is still only broken "
                                 "when its holder is silent)")
    return {"demo": demo, "check": check, "report": report, "case-series": case_series,
            "break-lock": break_lock, "import-labs": import_labs, "undo-import": undo_import,
            "backup": backup, "restore": restore, "export": export, "recover": recover,
            "encrypt": encrypt}
