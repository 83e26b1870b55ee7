"""Import lab results from a hospital file (issue 20): check, preview, import, undo.

:meth:`LabImportService.check` reads the file once (streaming) and says what an import would
do: counts of new, duplicate, conflict, invalid and unknown-patient rows, each problem with its
line and column, and the conflicts beside the stored results. :meth:`LabImportService.run`
reads it again in one write transaction: all or nothing by default; with ``skip_invalid`` the
valid rows are imported and the report is written beside the file. Duplicates are skipped
and counted, conflicts are never written. After the commit the views hear one ``changed``
per patient. A data manager can undo a whole import (:meth:`LabImportService.undo`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from jdmdesk.atomic_file import atomic_write
from jdmdesk.db import lab_import as repo
from jdmdesk.db.connection import Study
from jdmdesk.db.queries import read_settings
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.lab_mapping import (
    LabMapping,
    MappingError,
    guess_mapping,
    header_key,
    own_field_mapping,
)
from jdmdesk.domain.lab_rows import BLOCKING, STATUSES, Problem, RowChecker, RowResult
from jdmdesk.domain.parse import clean_text
from jdmdesk.domain.texts import Message
from jdmdesk.importing.lab_file import (
    FileFacts,
    LabFileError,
    Row,
    RowStream,
    inspect,
    read,
    sample,
)
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status, commit

BATCH = 5000
SHOWN_CONFLICTS = 500


@dataclass
class ImportCheck:
    """What importing a file would do (or did)."""

    facts: FileFacts
    header: list[str]
    mapping: LabMapping
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    problems: list[Problem] = field(default_factory=list)  # invalid and unknown patient
    conflicts: list[RowResult] = field(default_factory=list)  # the first SHOWN_CONFLICTS
    unusual: list[Problem] = field(default_factory=list)  # soft-limit warnings, imported
    unknown_tests: dict[str, int] = field(default_factory=dict)  # test name -> rows
    patients: dict[str, list[str]] = field(default_factory=dict)  # imported ids by patient
    import_id: str | None = None
    report_path: Path | None = None

    @property
    def blocking(self) -> int:
        return sum(self.counts[s] for s in BLOCKING)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        c = self.counts
        return Message("{rows} rows: {new} new, {duplicate} duplicate, {conflict} conflict, "
                       "{invalid} invalid, {unknown} unknown patient", rows=self.rows,
                       new=c["new"], duplicate=c["duplicate"], conflict=c["conflict"],
                       invalid=c["invalid"], unknown=c["unknown_patient"])

    def report_lines(self, render: Callable[[str], str] = str) -> Iterator[str]:
        """The report's lines, each :class:`Message` passed through ``render`` (the UI's
        translation; ``str``, the English, by default)."""
        yield render(Message("Lab import report: {file}", file=self.facts.path.name))
        yield f"SHA-256: {self.facts.sha256}"
        yield render(self.summary())
        if self.import_id:
            yield render(Message("imported {n} results (import {id})", n=self.counts["new"],
                                 id=self.import_id))
        for p in self.problems:
            yield render(Message("problem: {problem}", problem=p.text()))
        for r in self.conflicts:
            yield render(Message("conflict: {problem}", problem=conflict_text(r)))
        for p in self.unusual:
            yield render(Message("unusual (imported): {problem}", problem=p.text()))


def conflict_text(r: RowResult) -> str:
    """Why a row was not imported: its value beside the stored one (or the earlier line of the
    file with the same sample); a :class:`Message` (dates and decimals apart, so the UI shows
    them the locale's way)."""
    v = r.values
    place = {"line": r.line, "patient": r.patient_text, "analyte": v["analyte"],
             "date": v["sample_date"], "time": f" {v['sample_time']}" if v.get("sample_time")
             else "", "censored": v.get("censored") or "", "value": f"{v['value']:g}",
             "unit": v["unit"]}
    if r.stored is not None:
        s = r.stored
        return Message("line {line}: {patient} {analyte} {date}{time}: file {censored}{value} "
                       "{unit} ≠ stored {stored_censored}{stored_value} {stored_unit}",
                       stored_censored=s.censored or "", stored_value=f"{s.value:g}",
                       stored_unit=s.unit, **place)
    return Message("line {line}: {patient} {analyte} {date}{time}: file {censored}{value} {unit} "
                   "≠ line {other} of the file", other=r.same_as_line, **place)


class _Rollback(Exception):
    pass


class LabImportService(QObject):
    """Lab imports for ``session``'s user (data entry and data manager roles)."""

    imported = Signal(str)  # import id, after a commit

    def __init__(self, study: Study, session: Session, clock: Clock = SYSTEM_CLOCK,
                 announce: object = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self.session = session
        self.clock = clock
        self.announce = announce  # RecordService.announce(kind, patient_id, ids), if given

    def refusal(self, action: Action = Action.IMPORT_LABS) -> ServiceResult | None:
        return refusal(self.study, self.session, action)

    # --- the file's layout ----------------------------------------------------------------

    def preview(self, path: Path, n: int = 8) -> tuple[FileFacts, list[str], list[Row]]:
        """The header and first rows (raises LabFileError)."""
        return sample(Path(path), n)

    def mapping_for(self, header: list[str]) -> tuple[LabMapping, str]:
        """The mapping to offer for this header and where it comes from: ``own`` (JDM Desk's
        field names), ``saved`` (used before for the same header) or ``guess``."""
        own = own_field_mapping(header)
        if own is not None:
            return own, "own"
        saved = repo.saved_mapping(self.study.db, header_key(header))
        if saved is not None:
            try:
                return LabMapping.from_dict(saved), "saved"
            except MappingError:
                pass
        return guess_mapping(header), "guess"

    def save_mapping(self, header: list[str], mapping: LabMapping) -> ServiceResult:
        if (refused := self.refusal()) is not None:
            return refused
        def work(db: Database) -> ServiceResult:
            changed = repo.save_mapping(db, self.session.username, header_key(header),
                                        _mapping_dict(mapping))
            return ServiceResult(Status.SAVED if changed else Status.UNCHANGED,
                                 message=Message("Mapping saved.") if changed
                                 else Message("Mapping unchanged."))

        return commit(self.study, work)

    # --- check and import -----------------------------------------------------------------

    def _checker(self, header: list[str], mapping: LabMapping) -> RowChecker:
        db = self.study.db
        settings = read_settings(db)

        def default_range(code: str, unit: str) -> tuple[float | None, float | None]:
            low, high = settings.reference_range(code)
            a = ANALYTES[code]
            return tuple(None if x is None else round(a.from_canonical(x, unit), 4)
                         for x in (low, high))  # type: ignore[return-value]

        return RowChecker(header, mapping, today=self.clock.today(),
                          find_patient=lambda t: repo.find_patient(db, t, mapping.patient_key),
                          stored_at=lambda pid: repo.stored_results(db, pid),
                          default_range=default_range)

    def _open(self, path: Path, mapping: LabMapping | None
              ) -> tuple[FileFacts, list[str], RowStream, LabMapping]:
        facts = inspect(Path(path))
        header, rows = read(facts)
        if mapping is None:
            mapping, _ = self.mapping_for(header)
        problems = mapping.problems(header)
        if problems:
            rows.close()
            raise LabFileError("the mapping does not fit this file: " + "; ".join(problems))
        return facts, header, rows, mapping

    def _walk(self, check: ImportCheck, rows: RowStream,
              on_new: object = None) -> None:
        checker = self._checker(check.header, check.mapping)
        for row in rows:
            if row.problems:
                check.counts["invalid"] += 1
                check.problems += [Problem(p.line, p.column, p.message) for p in row.problems]
                continue
            result = checker.check(row.line, row.cells)
            check.counts[result.status] += 1
            if result.status in BLOCKING:
                check.problems += result.problems
            elif result.status == "conflict" and len(check.conflicts) < SHOWN_CONFLICTS:
                check.conflicts.append(result)
            elif result.status == "new":
                check.unusual += [Problem(row.line, check.header[checker.col["value"][0]], w)
                                  for w in result.warnings.values()]
                if callable(on_new):
                    on_new(result)
        check.unknown_tests = dict(checker.unknown_tests)

    def check(self, path: Path, mapping: LabMapping | None = None) -> ImportCheck:
        """A dry run: what an import of the file would do; raises LabFileError."""
        facts, header, rows, mapping = self._open(path, mapping)
        check = ImportCheck(facts, header, mapping)
        self._walk(check, rows)
        return check

    def run(self, path: Path, mapping: LabMapping | None = None, *, skip_invalid: bool = False,
            expected_sha256: str | None = None, save_mapping: bool = True,
            render: Callable[[str], str] = str) -> tuple[ServiceResult, ImportCheck | None]:
        """Import the file in one transaction (see the module's doc). ``render`` writes the
        report's texts in the user's language (the UI passes its translation)."""
        refused = self.refusal()
        if refused is not None:
            return refused, None
        try:
            facts, header, rows, mapping = self._open(path, mapping)
        except LabFileError as err:
            return ServiceResult(Status.INVALID, message=_error_text(err)), None
        if expected_sha256 is not None and facts.sha256 != expected_sha256:
            return ServiceResult(Status.INVALID, message=Message(
                "{file} changed since it was checked: check it again before importing",
                file=facts.path.name)), None
        check = ImportCheck(facts, header, mapping, import_id=str(uuid.uuid4()))
        user = self.session.username
        pending: list[repo.NewResult] = []
        samples: dict[tuple[str, str, str], str] = {}

        def flush(_db: object) -> None:
            ids = repo.insert_results(self.study.db, user, check.import_id or "",
                                      facts.path.name, facts.sha256, pending, samples)
            for r, rid in zip(pending, ids, strict=True):
                check.patients.setdefault(r.patient_id, []).append(rid)
            pending.clear()

        def on_new(result: RowResult) -> None:
            assert result.patient_id is not None and result.value_canonical is not None
            pending.append(repo.NewResult(result.patient_id, result.line, result.values,
                                          result.value_canonical, result.warnings))
            if len(pending) >= BATCH:
                flush(None)

        def work(db: Database) -> ServiceResult:
            self._walk(check, rows, on_new)
            if check.blocking and not skip_invalid:
                raise _Rollback
            flush(db)
            if check.counts["new"] == 0:
                raise _Rollback
            repo.record_import(db, user, check.import_id or "", facts.path.name,
                               facts.sha256, check.counts)
            if save_mapping and own_field_mapping(header) is None:
                repo.save_mapping(db, user, header_key(header), _mapping_dict(mapping))
            return ServiceResult(Status.SAVED)

        try:
            written = commit(self.study, work)
        except _Rollback:
            check.patients.clear()
            imported = None
        else:
            if not written.ok:
                rows.close()
                return written, check
            imported = check.import_id
        if imported is None:
            check.import_id = None
            if check.blocking and not skip_invalid:
                return ServiceResult(Status.INVALID, message=Message(
                    "Nothing imported: {n} row(s) with problems ({summary}). Correct the file, "
                    "or import the valid rows only.", n=check.blocking,
                    summary=check.summary())), check
            return ServiceResult(Status.UNCHANGED, message=Message(
                "Nothing new to import ({summary}).", summary=check.summary())), check
        if skip_invalid and check.blocking:
            check.report_path = self._write_report(check, render)
        if callable(self.announce):
            for pid, ids in check.patients.items():
                self.announce("lab", pid, ids)
        self.imported.emit(imported)
        new_ids = tuple(i for ids in check.patients.values() for i in ids)
        return ServiceResult(Status.SAVED, new_ids, message=Message(
            "Imported {n} lab results from {file} ({summary}).", n=check.counts["new"],
            file=facts.path.name, summary=check.summary())), check

    def _write_report(self, check: ImportCheck, render: Callable[[str], str]) -> Path | None:
        path = check.facts.path
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.name}.import-report-{stamp}.txt")
        try:
            with atomic_write(target, replace=False, create=True) as tmp, \
                    open(tmp, "w", encoding="utf-8") as fh:
                for line in check.report_lines(render):
                    fh.write(line + "\n")
        except OSError:
            return None
        return target

    # --- undo -----------------------------------------------------------------------------

    def imports(self) -> list[repo.ImportRow]:
        return repo.list_imports(self.study.db)

    def undo(self, import_id: str, reason: str) -> ServiceResult:
        """Soft-delete every result of the import, with ``reason`` (data manager)."""
        if (refused := self.refusal(Action.UNDO_IMPORT)) is not None:
            return refused
        try:
            reason = clean_text(reason or "", max_length=500, multiline=False)
        except ValueError as err:
            return ServiceResult(Status.INVALID, errors={"reason": str(err)}, message=str(err))
        if not reason:
            return ServiceResult(Status.NEEDS_REASON, message=Message("Give a reason to undo the "
                                                                   "import."))
        found = repo.get_import(self.study.db, import_id)
        if found is None:
            return ServiceResult(Status.INVALID, message=Message("No such import in this study."))
        if found.undone:
            return ServiceResult(Status.UNCHANGED,
                                 message=Message("This import was already undone."))
        by_patient: dict[str, list[str]] = {}

        def work(db: Database) -> ServiceResult:
            by_patient.update(repo.undo_import(db, self.session.username, import_id, reason))
            return ServiceResult(Status.SAVED)

        written = commit(self.study, work)
        if not written.ok:
            return written
        if callable(self.announce):
            for pid, ids in by_patient.items():
                self.announce("lab", pid, ids)
        gone = tuple(i for ids in by_patient.values() for i in ids)
        return ServiceResult(Status.SAVED, gone, message=Message(
            "Import of {file} undone: {n} lab results deleted.", file=found.file_name,
            n=len(gone)))


def _mapping_dict(mapping: LabMapping) -> dict[str, object]:
    return {"columns": dict(mapping.columns), "patient_key": mapping.patient_key,
            "tests": dict(mapping.tests), "units": dict(mapping.units)}


def _error_text(err: Exception) -> str:
    """An error's :class:`Message` (the UI translates it), or its English text."""
    first = err.args[0] if len(err.args) == 1 else None
    return first if isinstance(first, str) else str(err)
