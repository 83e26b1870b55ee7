"""The lab import's commands: ``jdmdesk import-labs`` and ``jdmdesk undo-import`` (issue 20)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jdmdesk.cli import EXIT_FAILED, EXIT_OK, CliError, _err, _session

if TYPE_CHECKING:
    from jdmdesk.db.connection import Study


def _open(path: Path, *, write: bool) -> tuple[Study, Callable[[], None]]:
    """The study read-only, or as its one writer under the lock; with the function that
    closes it (and frees the lock)."""
    if not write:
        from jdmdesk.db.studyfile import open_study

        study = open_study(path, read_only=True)
        return study, study.close
    from jdmdesk.db.lock import open_locked, os_user

    opened = open_locked(path, user=os_user())
    return opened.study, opened.close


def cmd_import_labs(args: argparse.Namespace) -> int:
    """Lab results from a hospital CSV or xlsx file (issue 20); exit 1 when nothing could be
    imported because of problems, each printed on stderr with its line and column."""
    from jdmdesk.domain.lab_mapping import LabMapping, MappingError
    from jdmdesk.importing.lab_file import LabFileError
    from jdmdesk.services.lab_import import LabImportService, conflict_text
    from jdmdesk.services.results import Status

    mapping = None
    if args.mapping is not None:
        try:
            mapping = LabMapping.from_json(args.mapping.read_text(encoding="utf-8"))
        except (OSError, UnicodeError) as err:
            raise CliError(f"cannot read the mapping {args.mapping}: {err}") from None
        except MappingError as err:
            raise CliError(f"{args.mapping}: {err}") from None
    from jdmdesk.domain.access import Action, refusal

    session = _session(args.study, "read")  # the login itself reads; the role is checked here
    if not session.can(Action.IMPORT_LABS):
        raise CliError(refusal(session.role, Action.IMPORT_LABS), EXIT_FAILED)
    study, close = _open(args.study, write=not args.dry_run)
    try:
        service = LabImportService(study, session)
        if args.dry_run:
            try:
                check = service.check(args.input, mapping)
            except LabFileError as err:
                raise CliError(str(err), EXIT_FAILED) from None
            result = None
        else:
            result, check = service.run(args.input, mapping, skip_invalid=args.skip_invalid)
    finally:
        close()
    if check is not None:
        for problem in check.problems:
            _err(str(problem))
        for row in check.conflicts:
            _err("conflict, not imported: " + conflict_text(row))
    if result is None:
        assert check is not None
        print(f"dry run, nothing stored: {check.summary()}")
        return EXIT_FAILED if check.blocking else EXIT_OK
    if result.status is Status.FORBIDDEN:
        raise CliError(result.message, EXIT_FAILED)
    if not result.ok:
        raise CliError(result.message, EXIT_FAILED)
    print(result.message)
    if check is not None and check.report_path is not None:
        print(f"report: {check.report_path}")
    return EXIT_OK


def cmd_undo_import(args: argparse.Namespace) -> int:
    """Without ``--import``: the study's lab imports, newest first. With ``--import ID`` (or a
    unique start of it) and ``--reason``: soft-delete every result of that import (a data
    manager's; audited with the reason). Exit 1 when refused or nothing matches."""
    from jdmdesk.domain.access import Action, refusal
    from jdmdesk.services.lab_import import LabImportService

    listing = args.import_id is None
    if not listing and not (args.reason or "").strip():
        raise CliError("give a reason with --reason to undo an import")
    session = _session(args.study, "read")
    if not listing and not session.can(Action.UNDO_IMPORT):
        raise CliError(refusal(session.role, Action.UNDO_IMPORT), EXIT_FAILED)
    study, close = _open(args.study, write=not listing)
    try:
        service = LabImportService(study, session)
        imports = service.imports()
        if listing:
            if not imports:
                print("no lab imports in this study")
            for row in imports:
                counts = ", ".join(f"{n} {k}" for k, n in row.counts.items())
                state = f"undone: {row.undone_reason}" if row.undone else "active"
                print(f"{row.id}  {row.imported_at}  {row.imported_by}  {row.file_name}  "
                      f"({counts})  {state}")
            return EXIT_OK
        matches = [r for r in imports if r.id.startswith(args.import_id.strip())]
        if len(matches) != 1:
            raise CliError(f"no lab import starts with '{args.import_id}'" if not matches else
                           f"'{args.import_id}' matches {len(matches)} imports: give more of "
                           "its id", EXIT_FAILED)
        result = service.undo(matches[0].id, args.reason)
    finally:
        close()
    if not result.ok:
        raise CliError(str(result.message), EXIT_FAILED)
    print(result.message)
    return EXIT_OK
