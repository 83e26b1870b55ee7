"""What a signed visit locks, and what a deleted record refuses (pure rules, no storage).

A signed visit is locked: nobody edits or deletes it until a data manager unlocks it. The lock
also covers what the signed visit *depends on*, so signed data cannot be hidden or re-read by
changing something else:

- the visit's own row: every field, and its deletion;
- its patient: the patient cannot be deleted while any of its visits is signed (that would drop
  the signed visits from every view and export), and the fields that say whose visit it is and
  how its values are read (study code, sex, birth date: age- and sex-specific limits) cannot
  change. The patient's other fields (initials, onset and diagnosis dates, note) stay editable,
  with a reason, like any record.

Medication, lab and adverse-event records are not covered: they are records of their own,
entered and corrected on their own schedule; a signature says that the *visit* was reviewed.

A soft-deleted record is kept for the audit trail only: it is not edited (a data manager
restores it first), and nothing new is written under a deleted patient.
"""

from __future__ import annotations

from collections.abc import Iterable

LOCKED_MESSAGE = "This visit is signed and locked: a data manager must unlock it first."

# The patient fields a signed visit depends on (see the module's docstring).
PATIENT_FIELDS_SIGNED_VISITS_DEPEND_ON = ("study_code", "sex", "birth_date")
_FIELD_LABELS = {"study_code": "study code", "sex": "sex", "birth_date": "birth date"}


def _visits(n: int) -> str:
    return f"{n} signed visit{'s' if n != 1 else ''}"


def signed_patient_problem(signed_visits: int, *, deleting: bool = False,
                           changed: Iterable[str] = ()) -> str | None:
    """Why a patient with ``signed_visits`` locked visits may not be deleted (``deleting``) or
    have the ``changed`` fields changed; None when the change is allowed."""
    if signed_visits <= 0:
        return None
    if deleting:
        return (f"This patient has {_visits(signed_visits)}: a data manager must unlock "
                f"{'them' if signed_visits != 1 else 'it'} before the patient can be deleted.")
    covered = [f for f in PATIENT_FIELDS_SIGNED_VISITS_DEPEND_ON if f in set(changed)]
    if not covered:
        return None
    names = " and ".join(_FIELD_LABELS[f] for f in covered)
    return (f"The {names} cannot change while {_visits(signed_visits)} of this patient "
            f"depend{'s' if signed_visits == 1 else ''} on it: a data manager must unlock "
            f"{'them' if signed_visits != 1 else 'it'} first.")


def deleted_record_problem(label: str) -> str:
    """The refusal for editing a soft-deleted record (``label``: "Lab result", …)."""
    return (f"This {label.lower()} is deleted: a data manager must restore it before it can "
            "be edited.")


DELETED_PATIENT_MESSAGE = ("This patient is deleted: a data manager must restore the patient "
                           "before records can be added or edited.")


def not_found_problem(label: str) -> str:
    """The answer for a record id that is not in the study (or names another kind of record)."""
    return (f"No {label.lower()} with this id in the study (it may have been removed): "
            "nothing saved.")


def other_patient_problem(label: str) -> str:
    return f"This {label.lower()} belongs to another patient: nothing saved."
