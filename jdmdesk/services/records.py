"""Create, edit, delete and restore clinical records: validate, write with audit, then signal."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from jdmdesk.db import queries, signoff
from jdmdesk.db import records as repo
from jdmdesk.db.connection import Study
from jdmdesk.db.ids import new_id
from jdmdesk.domain import parse
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.analytes import ANALYTES
from jdmdesk.domain.clock import SYSTEM_CLOCK, Clock
from jdmdesk.domain.fields import record_type
from jdmdesk.domain.growth import Measured
from jdmdesk.domain.locking import (
    DELETED_PATIENT_MESSAGE,
    LOCKED_MESSAGE,
    deleted_record_problem,
    not_found_problem,
    other_patient_problem,
    signed_patient_problem,
)
from jdmdesk.domain.texts import Message
from jdmdesk.domain.timeline import to_date
from jdmdesk.domain.validation import Context, Draft, Validated, validate, validate_field
from jdmdesk.services.guard import refusal
from jdmdesk.services.results import ServiceResult, Status, commit


class RecordService(QObject):
    """The one place clinical records are written. Emits ``changed`` after each commit.

    Every write is made as ``session``'s user and only when its role allows it (``guard``).
    ``clock`` decides what "today" is for validation (the app's one clock).
    """

    changed = Signal(str, str, list)  # record kind, patient id, record ids

    def __init__(self, study: Study, session: Session, clock: Clock = SYSTEM_CLOCK,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self.session = session
        self.clock = clock

    @property
    def user(self) -> str:
        return self.session.username

    def refusal(self, action: Action = Action.EDIT_RECORDS, kind: str | None = None,
                record_id: str | None = None) -> ServiceResult | None:
        """Why the user may not do this now (role, read-only file, or a signed and locked
        visit), as a FORBIDDEN result; None when allowed."""
        refused = refusal(self.study, self.session, action)
        if refused is None and kind == "visit" and record_id is not None:
            sig = signoff.signature(self.study.db, record_id)
            if sig is not None and sig.locked:
                refused = ServiceResult.refused(LOCKED_MESSAGE)
        return refused

    def announce(self, kind: str, patient_id: str, ids: list[str]) -> None:
        """Tell the views about a committed change made by a companion service (sign-off)."""
        self.changed.emit(kind, patient_id, ids)

    def _commit_and_announce(self, kind: str, patient_id: str,
                             work: Callable[[Database], ServiceResult]) -> ServiceResult:
        """Commit ``work`` (see ``results.commit``); after a save, tell the views once."""
        result = commit(self.study, work)
        if result.status is Status.SAVED:
            owner = result.record_ids[0] if kind == "patient" else patient_id
            self.changed.emit(kind, owner, list(result.record_ids))
        return result

    # --- validation ---------------------------------------------------------------------

    def context(self, kind: str, patient_id: str | None, record_id: str | None = None,
                draft: Draft | None = None) -> Context:
        """What validation needs beyond the draft: the birth date, and for a visit with a
        weight or height the patient's previous ones (plausibility across visits)."""
        birth = None
        if kind != "patient" and patient_id:
            birth = to_date(queries.patient_birth_date(self.study.db, patient_id))
        return Context(today=self.clock.today(), birth_date=birth,
                       earlier_visits=self._earlier_measures(kind, patient_id, record_id,
                                                             draft))

    def _earlier_measures(self, kind: str, patient_id: str | None, record_id: str | None,
                          draft: Draft | None) -> tuple[Measured, ...]:
        if kind != "visit" or not patient_id or draft is None:
            return ()
        try:
            on = parse.parse_date(draft.get("visit_date") or "")
        except parse.FieldError:
            return ()
        out: list[Measured] = []
        for column in queries.MEASURE_COLUMNS:
            if parse.is_blank(draft.get(column)):
                continue
            found = queries.previous_measure(self.study.db, patient_id, column,
                                             on.isoformat(), record_id)
            if found is not None and (day := to_date(found[0])) is not None:
                value = found[1]
                out.append(Measured(day, weight_kg=value) if column == "weight_kg"
                           else Measured(day, height_cm=value))
        return tuple(out)

    def check_field(self, kind: str, name: str, text: str | None,
                    patient_id: str | None = None, *, draft: Draft | None = None,
                    record_id: str | None = None) -> tuple[str | None, str | None]:
        """(error, warning) for one field as the user leaves it. With the form's whole
        ``draft`` the field gets exactly what saving would say about it (rules that join
        fields, e.g. a lab value's plausible range for its analyte and unit, and rules across
        visits); without it only the field's own limits are checked."""
        spec = record_type(kind).field(name)
        if spec.numeric and parse.missing_reason(text):
            return None, None
        if draft is not None:
            checked = self.validate(kind, {**draft, name: text}, patient_id, record_id)
            return checked.errors.get(name), checked.warnings.get(name)
        try:
            _, warning = validate_field(spec, text, self.context(kind, patient_id))
        except parse.FieldError as err:
            return err.message, None
        return None, warning

    def validate(self, kind: str, draft: Draft, patient_id: str | None = None,
                 record_id: str | None = None) -> Validated:
        v = validate(kind, draft, self.context(kind, patient_id, record_id, draft))
        if kind == "patient" and v.values.get("study_code") and "study_code" not in v.errors:
            other = queries.patient_id_by_code(self.study.db, v.values["study_code"])
            if other is not None and other != record_id:
                v.errors["study_code"] = "this study code is already used"
        if kind == "patient" and v.values.get("hospital_number") \
                and "hospital_number" not in v.errors:
            other = queries.patient_id_by_hospital_number(self.study.db,
                                                          v.values["hospital_number"])
            if other is not None and other != record_id:
                v.errors["hospital_number"] = "this hospital number belongs to another patient"
        return v

    # --- writes -------------------------------------------------------------------------

    def save(self, kind: str, draft: Draft, *, patient_id: str | None = None,
             record_id: str | None = None, reason: str | None = None,
             confirm_warnings: bool = False) -> ServiceResult:
        """Create (no ``record_id``) or edit a record in one transaction."""
        if (refused := self.refusal(kind=kind, record_id=record_id)) is not None:
            return refused
        if (problem := self._target_problem(kind, record_id, patient_id)) is not None:
            return problem
        checked = self.validate(kind, draft, patient_id, record_id)
        problem = self._gate(checked, record_id, reason, confirm_warnings)
        if problem is not None:
            return problem
        if kind == "patient" and record_id is not None \
                and (locked := self._signed_patient(record_id, values=checked.values)):
            return locked
        extra = self._extra(kind, checked.values, record_id)
        warned = dict.fromkeys(checked.warnings, reason or "")
        saved = Message("{record_label} saved.", record_label=record_type(kind).label)

        def write(db: Database) -> ServiceResult:
            if record_id is None:
                new_id = repo.insert(db, self.user, kind, checked.values, checked.missing,
                                     patient_id=patient_id, extra=extra, warned_reason=warned)
                return ServiceResult(Status.SAVED, (new_id,), warnings=checked.warnings,
                                     message=saved)
            changes = repo.update(db, self.user, kind, record_id, checked.values,
                                  checked.missing, reason or "", extra=extra,
                                  warned_reason=warned)
            if not changes:
                return ServiceResult(Status.UNCHANGED, (record_id,), message=Message("No changes."))
            return ServiceResult(Status.SAVED, (record_id,), warnings=checked.warnings,
                                 message=saved)

        return self._commit_and_announce(kind, patient_id or "", write)

    def _target_problem(self, kind: str, record_id: str | None,
                        patient_id: str | None) -> ServiceResult | None:
        """Why the record to edit (or the patient to add a record to) cannot take a write:
        not in the study, another patient's, deleted, or under a deleted patient."""
        label = record_type(kind).label
        owner = patient_id
        if record_id is not None:
            rec = repo.get(self.study.db, kind, record_id)
            if rec is None:
                return ServiceResult(Status.INVALID, message=not_found_problem(label))
            if kind != "patient" and patient_id is not None and rec.patient_id != patient_id:
                return ServiceResult(Status.INVALID, message=other_patient_problem(label))
            if rec.deleted:
                return ServiceResult.refused(deleted_record_problem(label))
            owner = rec.patient_id
        if kind == "patient" or (owner is None and record_id is not None):
            return None
        patient = repo.get(self.study.db, "patient", owner) if owner is not None else None
        if patient is None:
            return ServiceResult(Status.INVALID, message=not_found_problem("patient"))
        if patient.deleted:
            return ServiceResult.refused(DELETED_PATIENT_MESSAGE)
        return None

    def _signed_patient(self, patient_id: str, *, values: Mapping[str, Any] | None = None,
                        deleting: bool = False) -> ServiceResult | None:
        """The lock a patient's signed visits put on it (``domain.locking``), or None."""
        signed = len(signoff.signatures_for_patient(self.study.db, patient_id))
        if not signed:
            return None
        current = repo.get(self.study.db, "patient", patient_id)
        changed = [] if current is None or values is None else \
            [n for n, v in values.items() if current.values.get(n) != v]
        problem = signed_patient_problem(signed, deleting=deleting, changed=changed)
        return None if problem is None else ServiceResult.refused(problem)

    def _gate(self, checked: Validated, record_id: str | None, reason: str | None,
              confirm: bool) -> ServiceResult | None:
        if checked.errors:
            n = len(checked.errors)
            return ServiceResult(Status.INVALID, errors=checked.errors,
                                 warnings=checked.warnings,
                                 message=Message("{n} fields to correct: not saved.", n=n)
                                 if n > 1 else Message("1 field to correct: not saved."))
        if record_id is not None and not (reason or "").strip():
            return ServiceResult(Status.NEEDS_REASON,
                                 message=Message("A reason is needed to edit a record."))
        if checked.warnings and not (confirm and (reason or "").strip()):
            return ServiceResult(Status.NEEDS_CONFIRMATION, warnings=checked.warnings,
                                 message=Message("Unusual values: confirm them with a reason."))
        return None

    def _extra(self, kind: str, values: Mapping[str, Any],
               record_id: str | None) -> dict[str, Any] | None:
        if kind != "lab":
            return None
        a = ANALYTES[values["analyte"]]
        extra: dict[str, Any] = {"value_canonical": a.to_canonical(values["value"],
                                                                   values["unit"])}
        if record_id is None:
            extra["sample_id"] = new_id()
        return extra

    def save_lab_panel(self, patient_id: str, drafts: Sequence[Draft], *,
                       reason: str | None = None,
                       confirm_warnings: bool = False) -> ServiceResult:
        """Several analytes of one sample in one transaction (all or none). Errors and warnings
        are keyed ``"<row>:<field>"`` by the row's position in ``drafts``."""
        if (refused := self.refusal()) is not None:
            return refused
        if (problem := self._target_problem("lab", None, patient_id)) is not None:
            return problem
        checked = [self.validate("lab", d, patient_id) for d in drafts]
        errors = {f"{i}:{k}": msg for i, v in enumerate(checked) for k, msg in v.errors.items()}
        warnings = {f"{i}:{k}": m for i, v in enumerate(checked) for k, m in v.warnings.items()}
        merged = Validated(errors=errors, warnings=warnings)
        problem = self._gate(merged, None, reason, confirm_warnings)
        if problem is not None:
            return problem
        if not checked:
            return ServiceResult(Status.INVALID, message=Message("The panel has no results."))
        sample_id = new_id()

        def write(db: Database) -> ServiceResult:
            ids = []
            for v in checked:
                extra = self._extra("lab", v.values, None) or {}
                extra["sample_id"] = sample_id
                ids.append(repo.insert(db, self.user, "lab", v.values, v.missing,
                                       patient_id=patient_id, extra=extra,
                                       warned_reason=dict.fromkeys(v.warnings, reason or "")))
            return ServiceResult(Status.SAVED, tuple(ids), warnings=warnings,
                                 message=Message("{n} lab results saved.", n=len(ids)))

        return self._commit_and_announce("lab", patient_id, write)

    def change_dose(self, segment_id: str, draft: Draft, *, reason: str | None = None,
                    confirm_warnings: bool = False) -> ServiceResult:
        """End the current segment the day before the new one starts, and open the new one."""
        if (refused := self.refusal()) is not None:
            return refused
        if (problem := self._target_problem("medication", segment_id, None)) is not None:
            return problem
        current = repo.require(self.study.db, "medication", segment_id)
        checked = self.validate("medication", draft, current.patient_id)
        problem = self._gate(checked, None, reason, confirm_warnings)
        if problem is not None:
            return problem
        new_start = to_date(checked.values["start_date"])
        assert new_start is not None
        old_start = to_date(current.values["start_date"])
        if old_start is not None and new_start <= old_start:
            return ServiceResult(Status.INVALID,
                                 errors={"start_date": "must be after the current segment's "
                                                       f"start ({old_start.isoformat()})"},
                                 message=Message("1 field to correct: not saved."))
        end = (new_start - timedelta(days=1)).isoformat()
        ended = {**current.values}
        if ended.get("end_date") is None or ended["end_date"] > end:
            ended["end_date"] = end

        def write(db: Database) -> ServiceResult:
            repo.update(db, self.user, "medication", segment_id, ended, current.missing,
                        f"dose change: {checked.values['change_reason']}")
            new_id = repo.insert(db, self.user, "medication", checked.values,
                                 checked.missing, patient_id=current.patient_id,
                                 warned_reason=dict.fromkeys(checked.warnings, reason or ""))
            return ServiceResult(Status.SAVED, (new_id, segment_id), warnings=checked.warnings,
                                 message=Message("Dose changed: previous segment ended, new "
                                                 "segment saved."))

        return self._commit_and_announce("medication", current.patient_id or "", write)

    def set_deleted(self, kind: str, record_id: str, reason: str, *,
                    deleted: bool = True) -> ServiceResult:
        """Soft-delete (or restore) a record; a reason is required. Restoring a deleted record
        is a data manager's action."""
        action = Action.EDIT_RECORDS if deleted else Action.UNDELETE
        if (refused := self.refusal(action, kind, record_id)) is not None:
            return refused
        rec = repo.get(self.study.db, kind, record_id)
        if rec is None:
            return ServiceResult(Status.INVALID,
                                 message=not_found_problem(record_type(kind).label))
        if not reason.strip():
            return ServiceResult(Status.NEEDS_REASON, message=Message("A reason is needed."))
        if deleted and kind == "patient" \
                and (locked := self._signed_patient(record_id, deleting=True)):
            return locked

        label = record_type(kind).label

        def write(db: Database) -> ServiceResult:
            repo.set_deleted(db, self.user, kind, record_id, deleted, reason.strip())
            return ServiceResult(Status.SAVED, (record_id,),
                                 message=Message("{record_label} deleted.", record_label=label)
                                 if deleted else
                                 Message("{record_label} restored.", record_label=label))

        return self._commit_and_announce(kind, rec.patient_id or "", write)
