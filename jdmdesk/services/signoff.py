"""Sign-off of visits: a reviewer signs by re-entering the password, which locks the visit; a
data manager unlocks it with a reason. The database refuses changes to a locked visit."""

from __future__ import annotations

from sqlite_utils import Database

from jdmdesk.crypto.keyfile import KeyFileError
from jdmdesk.crypto.keys import WrongKey
from jdmdesk.crypto.signing import public_of
from jdmdesk.db import keystore, signoff
from jdmdesk.db import records as repo
from jdmdesk.db.connection import Study
from jdmdesk.db.signatures import SignatureState
from jdmdesk.db.signoff import Signature
from jdmdesk.domain.access import Action, Session
from jdmdesk.domain.texts import Message, text_of
from jdmdesk.services.accounts import AccountError, AccountService
from jdmdesk.services.guard import refusal
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import ServiceResult, Status, commit

__all__ = ["Signature", "SignatureState", "SignoffService"]


class SignoffService:
    def __init__(self, study: Study, session: Session, accounts: AccountService,
                 records: RecordService) -> None:
        self.study, self.session = study, session
        self.accounts, self.records = accounts, records

    def signature(self, visit_id: str) -> Signature | None:
        return signoff.signature(self.study.db, visit_id)

    def signatures(self, patient_id: str) -> dict[str, Signature]:
        """The signed visits of a patient, by visit id."""
        return signoff.signatures_for_patient(self.study.db, patient_id)

    def sign(self, visit_id: str, password: str) -> ServiceResult:
        """Sign a visit as reviewed: the password is checked again, then the visit is locked."""
        if (refused := refusal(self.study, self.session, Action.SIGN_VISIT)) is not None:
            return refused
        visit = repo.get(self.study.db, "visit", visit_id)
        if visit is None or visit.deleted:
            return ServiceResult(Status.INVALID, message=Message("No such visit: nothing signed."))
        current = self.signature(visit_id)
        if current is not None and current.locked:
            return ServiceResult(Status.UNCHANGED, (visit_id,), message=current.describe())
        proof, private = self._open_own_slot(password)
        try:
            self.accounts.confirm_password(self.session, password, "signature", opened=proof)
        except AccountError as err:
            problem = err.args[0] if len(err.args) == 1 else str(err)  # a Message to translate
            return ServiceResult(Status.INVALID, errors={"password": problem},
                                 message=Message("Not signed: {problem}.", problem=problem))

        def write(db: Database) -> ServiceResult:
            keys = self._signing_keys(db, password, private)
            signoff.sign(db, self.session.username, self.session.display_name, visit_id, keys)
            return ServiceResult(Status.SAVED, (visit_id,))

        try:
            result = commit(self.study, write)
        except WrongKey:
            return ServiceResult.failed(
                Message("Not signed: your password does not open your signing key in the key "
                        "file (it was changed outside JDM Desk). Ask the data manager to set a "
                        "new password."))
        except (OSError, KeyFileError) as err:
            return ServiceResult.failed(Message(
                "Not signed: the key file beside the study could not be read or written "
                "({error}).", error=text_of(err)))
        if result.status is not Status.SAVED:
            return result
        self.records.announce("visit", visit.patient_id or "", [visit_id])
        signed = self.signature(visit_id)
        return ServiceResult(Status.SAVED, (visit_id,),
                             message=signed.describe() if signed else Message("Signed."))

    def _open_own_slot(self, password: str) -> tuple[keystore.PasswordOpened | None,
                                                      bytes | None]:
        """The signer's slot opened with the password just re-entered: one Argon2id run is
        both the password check and the signing key. (None, None) in a plain study or when
        the password does not open it (then the hash decides, and a wrong password is
        counted towards the lockout as always)."""
        if self.study.key is None:
            return None, None
        try:
            return keystore.open_own_slot(self.study.db, self.session.username, password)
        except (WrongKey, KeyFileError):
            return None, None

    def _signing_keys(self, db: Database, password: str, private: bytes | None = None
                      ) -> tuple[bytes, bytes] | None:
        """The signer's (private, public) Ed25519 keys: ``private`` when the slot was already
        opened, else unwrapped with the password just re-entered; an account whose slot
        predates signing keys gets a new pair now. None in a plain (pre-encryption) study:
        its signatures are not bound to content."""
        if self.study.key is None:
            return None
        if private is None:
            private = keystore.signing_private_key(db, self.session.username, password)
        if private is None:
            pair = keystore.put_user_copy(db, self.study.path, self.study.key,
                                          self.session.username, password, self.accounts.kdf)
            private = pair.private_raw
        return private, public_of(private)

    def unlock(self, visit_id: str, reason: str) -> ServiceResult:
        """Clear a visit's signature so it can be edited again (data manager, with a reason)."""
        if (refused := refusal(self.study, self.session, Action.UNLOCK_VISIT)) is not None:
            return refused
        if not reason.strip():
            return ServiceResult(Status.NEEDS_REASON,
                                 message=Message("A reason is needed to unlock."))
        current = self.signature(visit_id)
        if current is None or not current.locked:
            return ServiceResult(Status.UNCHANGED, (visit_id,),
                                 message=Message("The visit is not locked."))
        visit = repo.require(self.study.db, "visit", visit_id)

        def write(db: Database) -> ServiceResult:
            signoff.unlock(db, self.session.username, current, reason.strip())
            return ServiceResult(Status.SAVED, (visit_id,),
                                 message=Message("Visit unlocked: it can be edited."))

        result = commit(self.study, write)
        if result.status is Status.SAVED:
            self.records.announce("visit", visit.patient_id or "", [visit_id])
        return result
