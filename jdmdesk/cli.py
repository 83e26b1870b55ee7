"""Command line: ``jdmdesk [STUDY]`` opens the window; sub-commands are the headless face.

Commands that read a study (check, report, export, backup, restore) log in first: with
``JDMDESK_USER`` and ``JDMDESK_PASSWORD`` set, or by asking in the terminal; the user's role
must allow the command (export, backup and restore are a data manager's).

Every command exits 0 on success and otherwise non-zero with a one-line message on stderr:
1 when the command ran and found or hit a problem, 2 for a usage error or an unusable file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jdmdesk.domain.access import Session

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user-facing failure: printed as one line, never as a traceback."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jdmdesk", description="JDM Desk study data capture. "
                                "Commands: demo, check, report, case-series, export, backup, "
                                "restore, recover, encrypt, import-labs "
                                "(see 'jdmdesk COMMAND --help'). Commands that read a study "
                                "log in with JDMDESK_USER and JDMDESK_PASSWORD, or ask.")
    p.add_argument("study", nargs="?", type=Path, help="study file (.jdm) to open")
    p.add_argument("--read-only", action="store_true", help="open for review, allow no edit")
    p.add_argument("--version", action=_VersionAction, nargs=0,
                   help="show the version, the study schema it writes and the versions of Qt, "
                        "SQLite/SQLCipher and Python, and exit")
    return p


class _VersionAction(argparse.Action):
    """``--version``: built only when asked (it loads Qt and the database driver)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from jdmdesk.version_info import version_text

        print(version_text())
        parser.exit()


def _cmd_gui(args: argparse.Namespace) -> int:
    from jdmdesk.paths import default_study
    from jdmdesk.ui import window_state

    last = window_state.load_text("last_study")
    path = args.study or (Path(last) if last and Path(last).exists() else default_study())
    from jdmdesk.ui.launch import run_gui  # the login dialog before the rest is imported

    return run_gui(path, read_only=args.read_only)


def _cmd_demo(args: argparse.Namespace) -> int:
    from jdmdesk.demo import write_demo

    out: Path = args.out
    if out.exists():
        raise CliError(f"{out} already exists: choose a new file name")
    if args.patients is not None and args.patients < 1:
        raise CliError("--patients must be at least 1")
    from jdmdesk.demo import DEMO_ACCOUNTS
    from jdmdesk.domain.access import ROLE_LABELS

    recovery: list[str] = []
    counts = write_demo(out, args.patients, on_recovery_key=recovery.append)
    print(f"wrote {out}: {counts['patient']} patients, {counts['visit']} visits, "
          f"{counts['medication']} medication segments, {counts['lab_result']} lab results")
    print(f"encrypted; its key file is {out}.keys (keep the two together)")
    if recovery:
        print(f"recovery key (opens the study without its key file or any password; print it "
              f"and keep it apart from the study): {recovery[0]}")
    print("demo accounts (user name / password): " + "; ".join(
        f"{ROLE_LABELS[role]}: {user} / {password}" for user, _, role, password in DEMO_ACCOUNTS))
    return EXIT_OK


def _session(study: Path, action: str, *, record: bool = True) -> Session:
    from jdmdesk.cli_auth import LoginRefused, log_in
    from jdmdesk.domain.access import Action

    try:
        return log_in(study, Action(action), record=record)
    except LoginRefused as err:
        raise CliError(str(err), EXIT_FAILED) from None


def _cmd_check(args: argparse.Namespace) -> int:
    from jdmdesk.db.check import check_study
    from jdmdesk.db.studyfile import open_study

    _session(args.study, "read")
    study = open_study(args.study, read_only=True)
    try:
        report = check_study(study.db, args.study)
    finally:
        study.close()
    print(f"{args.study}:")
    for line in report.lines:
        print("  " + line)
    if not report.ok:
        print(f"jdmdesk: check failed: {report.failures} problem(s) in {args.study}",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from jdmdesk.db.backup import BackupError, backup_study

    if args.output.exists():
        raise CliError(f"{args.output} already exists: choose a new file name")
    session = _session(args.study, "backup")
    if args.plain:
        return _plain_backup(args, session.username)
    try:
        out = backup_study(args.study, args.output)
    except BackupError as err:
        raise CliError(f"backup failed: {err}", EXIT_FAILED) from None
    print(f"wrote {out}: verified backup of {args.study}")
    return EXIT_OK


def _plain_backup(args: argparse.Namespace, actor: str) -> int:
    """An unencrypted copy (data manager, audited in the study)."""
    from jdmdesk.db.backup import BackupError
    from jdmdesk.db.backup.plain_copy import plain_copy
    from jdmdesk.db.lock import open_locked, os_user

    opened = open_locked(args.study, user=os_user())
    try:
        if opened.study.key is None:
            raise CliError(f"{args.study} is not encrypted: use backup without --plain")
        out = plain_copy(opened.study, args.output, actor)
    except BackupError as err:
        raise CliError(f"plain copy failed: {err}", EXIT_FAILED) from None
    finally:
        opened.close()
    print(f"wrote {out}: verified UNENCRYPTED copy of {args.study} (personal data: keep it "
          "safe; recorded in the audit trail)")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from jdmdesk.db.backup import BackupError, UnverifiedBackup, restore_checked

    if args.output.exists():
        raise CliError(f"{args.output} already exists: restore into a new file name")
    if not args.backup.is_file():
        raise CliError(f"{args.backup}: no such backup file")
    session = _session(args.backup, "backup", record=False)  # a backup file is never written
    try:
        done = restore_checked(args.backup, args.output,
                               accept_unverified=args.accept_unverified,
                               actor=session.username)
    except UnverifiedBackup as err:
        raise CliError(f"restore refused: {err} (--accept-unverified)", EXIT_FAILED) from None
    except BackupError as err:
        raise CliError(f"restore failed: {err}", EXIT_FAILED) from None
    if done.unverified:
        _err(f"warning: restored although it does not verify: {'; '.join(done.unverified)}")
    print(f"restored {args.backup} into the new study file {done.path}")
    return EXIT_OK


def _cmd_encrypt(args: argparse.Namespace) -> int:
    """An encrypted copy of a study made before encryption (never converted in place)."""
    from jdmdesk.cli_auth import LoginRefused, log_in, read_credentials
    from jdmdesk.crypto.keys import KdfParams
    from jdmdesk.db.backup import BackupError, UnverifiedBackup
    from jdmdesk.db.backup.encrypt_plain import encrypt_plain_study
    from jdmdesk.db.connection import looks_encrypted
    from jdmdesk.domain.access import Action

    if args.output.exists():
        raise CliError(f"{args.output} already exists: choose a new file name")
    if looks_encrypted(args.study):
        raise CliError(f"{args.study} is already encrypted")
    try:
        given = read_credentials()
        session = log_in(args.study, Action.BACKUP, record=False, given=given)
    except LoginRefused as err:
        raise CliError(str(err), EXIT_FAILED) from None
    try:
        done = encrypt_plain_study(args.study, args.output, username=session.username,
                                   password=given.password, kdf=KdfParams(),
                                   accept_unverified=args.accept_unverified)
    except UnverifiedBackup as err:
        raise CliError(f"encryption refused: {err} (--accept-unverified)", EXIT_FAILED) \
            from None
    except BackupError as err:
        raise CliError(f"encryption failed: {err}", EXIT_FAILED) from None
    print(f"wrote {done.path}: an encrypted copy of {args.study} (which is unchanged); its key "
          f"file is {done.path}.keys (keep the two together)")
    print(f"recovery key (opens the study without its key file or any password; print it and "
          f"keep it apart from the study; it is not shown again): {done.recovery_key}")
    if done.without_key:
        print("these accounts open it once a data manager has set them a new password: "
              + ", ".join(done.without_key))
    return EXIT_OK


def _cmd_recover(args: argparse.Namespace) -> int:
    """Every password lost: the recovery key opens the study and a data manager gets a new
    password (``JDMDESK_RECOVERY_KEY`` and ``JDMDESK_NEW_PASSWORD``, or asked)."""
    from jdmdesk.cli_auth import LoginRefused, open_with_recovery_key, read_new_password
    from jdmdesk.services.accounts import AccountService

    try:
        opened = open_with_recovery_key(args.study)
    except LoginRefused as err:
        raise CliError(str(err), EXIT_FAILED) from None
    study = opened.study
    try:
        try:
            password = read_new_password(args.user)
        except LoginRefused as err:
            raise CliError(str(err), EXIT_FAILED) from None
        result = AccountService(study).reset_with_recovery_key(args.user, password)
    finally:
        opened.close()
    if not result.ok:
        raise CliError(result.message, EXIT_FAILED)
    print(result.message)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from jdmdesk.export import ExportError, ExportOptions
    from jdmdesk.services.exports import run_export

    session = _session(args.study, "export")
    try:
        options = ExportOptions(args.format, identified=args.identified,
                                include_free_text=args.include_free_text, force=args.force)
        result = run_export(args.study, args.output, options, session=session)
    except ExportError as err:
        raise CliError(f"export failed: {err}", err.code) from None
    print(result.summary())
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from jdmdesk.report import ReportError, write_report

    session = _session(args.study, "read")
    try:
        out = write_report(args.study, args.patient, args.output, session=session,
                           force=args.force)
    except ReportError as err:
        raise CliError(str(err), EXIT_FAILED) from None
    print(f"wrote {out}")
    return EXIT_OK


def _cmd_case_series(args: argparse.Namespace) -> int:
    from jdmdesk.report import prepare_headless_qt
    from jdmdesk.services.case_series import CaseSeriesError, parse_codes

    codes = parse_codes(args.patients)
    if codes is not None and not codes:
        raise CliError("--patients: no study codes given (leave it out for every patient)")
    session = _session(args.study, "read")
    prepare_headless_qt()
    from jdmdesk.ui.case_series.job import run_case_series

    try:
        result = run_case_series(args.study, args.output, session, study_codes=codes,
                                 force=args.force)
    except CaseSeriesError as err:
        raise CliError(str(err), EXIT_FAILED) from None
    print(result.summary())
    return EXIT_OK


def _sub_parsers() -> dict[str, tuple[argparse.ArgumentParser, Callable[..., int]]]:
    from jdmdesk.cli_labs import cmd_import_labs, cmd_undo_import
    from jdmdesk.cli_lock import cmd_break_lock
    from jdmdesk.cli_parsers import command_parsers

    handlers: dict[str, Callable[..., int]] = {
        "demo": _cmd_demo, "check": _cmd_check, "report": _cmd_report,
        "case-series": _cmd_case_series, "import-labs": cmd_import_labs,
        "undo-import": cmd_undo_import, "break-lock": cmd_break_lock,
        "backup": _cmd_backup, "restore": _cmd_restore, "export": _cmd_export,
        "recover": _cmd_recover, "encrypt": _cmd_encrypt}
    return {name: (parser, handlers[name]) for name, parser in command_parsers().items()}


def _one_line(text: str, limit: int = 500) -> str:
    """An error message safe for a terminal: one line, no control, bidi or invisible characters
    (escaped as \\uXXXX), at most ``limit`` characters (paths come from the user)."""
    import unicodedata

    out = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
                  else ch for ch in text)
    return out if len(out) <= limit else out[:limit] + "…"


def _err(text: str) -> None:
    print(f"jdmdesk: {_one_line(text)}", file=sys.stderr)


class _LazyErrors:
    """The database's exception classes, imported on first use (an ``except`` clause's class
    is looked up only when an exception is being matched)."""

    @property
    def StudyFileError(self) -> type[Exception]:
        from jdmdesk.db.connection import StudyFileError

        return StudyFileError

    @property
    def DatabaseFault(self) -> type[Exception]:
        from jdmdesk.db.errors import DatabaseFault

        return DatabaseFault


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # the window's path imports the database code only after its login dialog is painted: the
    # classes below are imported (by _errors) only when an exception is being matched
    errors = _LazyErrors()
    subs = _sub_parsers()
    try:
        if any("\x00" in a for a in args_list):
            raise CliError("an argument contains a NUL character")
        if args_list and args_list[0] in subs:
            parser, run = subs[args_list[0]]
            return run(parser.parse_args(args_list[1:]))
        return _cmd_gui(_gui_parser().parse_args(args_list))
    except CliError as err:
        _err(str(err))
        return err.code
    except errors.StudyFileError as err:
        from jdmdesk.db.backup import hint_for

        hint = hint_for(err)
        _err(f"{err}" + (f". {hint}" if hint else ""))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("jdmdesk: interrupted", file=sys.stderr)
        return 130
    except UnicodeError:  # a file name that cannot be encoded (e.g. a lone surrogate)
        _err("a file name contains characters that cannot be used in a file name")
        return EXIT_USAGE
    except errors.DatabaseFault as err:  # a full disk or an I/O error under a command: one line
        from jdmdesk.db.errors import describe_storage_error

        _err(describe_storage_error(err))
        return EXIT_FAILED
    except OSError as err:
        _err(f"{err.strerror or err}: {err.filename or ''}".rstrip(": "))
        return EXIT_FAILED
