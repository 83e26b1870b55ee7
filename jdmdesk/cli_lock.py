"""``jdmdesk break-lock``: a data manager breaks the lock of an instance that stopped."""

from __future__ import annotations

import argparse
import sys

from jdmdesk.cli import EXIT_FAILED, EXIT_OK, CliError, _session


def _ask_terminal(text: str) -> bool:
    print(text, file=sys.stderr)
    if not sys.stdin.isatty():
        raise CliError("not confirmed: run it in a terminal, or add --yes once you are sure "
                       "nobody is working on the study", EXIT_FAILED)
    return input("Break the lock? [y/N] ").strip().lower() in ("y", "yes")


def cmd_break_lock(args: argparse.Namespace) -> int:
    """Exit 0 when the lock was broken (and recorded in the audit trail), 1 when it was left
    in place (still in use, not confirmed, nothing to break) or the role may not."""
    from jdmdesk.services.lock_break import break_study_lock

    # the password is checked without writing: the study is another instance's until broken
    session = _session(args.study, "break_lock", record=False)

    def confirm(text: str) -> bool:
        if args.yes:
            print(text, file=sys.stderr)
            return True
        return _ask_terminal(text)

    result, opened = break_study_lock(None, args.study, session, confirm)
    if opened is not None:
        opened.close()
    if not result.ok or opened is None:
        raise CliError(str(result.message), EXIT_FAILED)
    print(result.message)
    return EXIT_OK
