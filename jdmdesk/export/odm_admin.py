"""The identified ODM export's administrative data: users, the location, signatures and the
audit trail as ODM ``AuditRecord``s.

* ``AdminData`` lists every user who appears (the study's accounts, the audit trail's users),
  one ``Location`` (the study file) and one ``SignatureDef`` per signature meaning.
* Each ``FormData`` carries the ``AuditRecord`` of its record's creation; each ``ItemData`` of
  an entered field carries the ``AuditRecord`` of the field's latest change when that came
  later than the creation. A signed visit's ``StudyEventData`` carries its ``Signature``.
* ``ClinicalData/AuditRecords`` holds the whole trail, one ``AuditRecord`` per audit row
  (``ID`` = ``AR.<seq>``; ``SourceID`` names the action, table, field and record). The old and
  new values are in the bundle's ``audit_trail.csv``; ODM's AuditRecord has no place for them.

Reasons for change are free text: written only with ``--include-free-text``. A pseudonymised
export has none of this (no times, no user names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from sqlite_utils import Database

from jdmdesk.db import export_queries as eq
from jdmdesk.db.accounts import list_accounts
from jdmdesk.db.signoff import SIGNATURE_MEANING, Signature, signatures_for_patient
from jdmdesk.domain.fields import RECORD_TYPES

NS = "http://www.cdisc.org/ns/odm/v1.3"
LOCATION_OID = "LOC.STUDYFILE"
RECORD_TABLES = frozenset(rt.table for rt in RECORD_TYPES.values())
MEANINGS = {SIGNATURE_MEANING: ("The visit's data were reviewed and are complete and correct",
                                "Visit sign-off in JDM Desk: the signer, logged in with their "
                                "own account, locks the visit after review")}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def user_oid(username: str) -> str:
    return "U." + (re.sub(r"\s+", "_", username.strip()) or "_")


def signature_oid(meaning: str) -> str:
    return "SD." + (re.sub(r"[^A-Za-z0-9]+", "_", meaning).upper() or "_")


@dataclass(frozen=True)
class Stamp:
    seq: int
    action: str
    at_utc: str
    user: str
    reason: str | None


class OdmAudit:
    """The audit trail read once: who created each record and who last changed each field."""

    def __init__(self, db: Database, *, include_free_text: bool) -> None:
        self.db = db
        self.include_free_text = include_free_text
        self.created: dict[str, Stamp] = {}
        self.latest: dict[tuple[str, str], Stamp] = {}
        self.users: dict[str, str] = {a.username: a.display_name for a in list_accounts(db)}
        for r in eq.iter_audit(db):
            self.users.setdefault(r["user"], r["user"])
            if r["table_name"] not in RECORD_TABLES:
                continue
            stamp = Stamp(r["seq"], r["action"], r["at_utc"], r["user"], r["reason"])
            self.created.setdefault(r["record_id"], stamp)
            if r["field"]:
                self.latest[(r["record_id"], r["field"])] = stamp

    # --- AdminData --------------------------------------------------------------------------

    def admin_data(self, study_oid: str, mdv_oid: str, study_name: str,
                   exported_at: str) -> etree._Element:
        admin = etree.Element(_q("AdminData"), {"StudyOID": study_oid}, nsmap={None: NS})
        for username, display in sorted(self.users.items()):
            user = etree.SubElement(admin, _q("User"), OID=user_oid(username))
            etree.SubElement(user, _q("LoginName")).text = username
            etree.SubElement(user, _q("DisplayName")).text = display or username
            etree.SubElement(user, _q("LocationRef"), LocationOID=LOCATION_OID)
        loc = etree.SubElement(admin, _q("Location"), OID=LOCATION_OID,
                               Name=study_name or "Study file", LocationType="Site")
        etree.SubElement(loc, _q("MetaDataVersionRef"), StudyOID=study_oid,
                         MetaDataVersionOID=mdv_oid, EffectiveDate=exported_at[:10])
        for meaning, (text, legal) in MEANINGS.items():
            sd = etree.SubElement(admin, _q("SignatureDef"), OID=signature_oid(meaning),
                                  Methodology="Electronic")
            etree.SubElement(sd, _q("Meaning")).text = text
            etree.SubElement(sd, _q("LegalReason")).text = legal
        return admin

    # --- records in the clinical data -------------------------------------------------------

    def record(self, stamp: Stamp, parent: etree._Element | None = None,
               *, record_id: str | None = None, source: str | None = None) -> etree._Element:
        attrs = {"ID": f"AR.{stamp.seq}"} if record_id else {}
        if parent is not None:
            el = etree.SubElement(parent, _q("AuditRecord"), attrs)
        elif record_id:  # written on its own into the stream: declare the namespace
            el = etree.Element(_q("AuditRecord"), attrs, nsmap={None: NS})
        else:
            el = etree.Element(_q("AuditRecord"), attrs)
        etree.SubElement(el, _q("UserRef"), UserOID=user_oid(stamp.user))
        etree.SubElement(el, _q("LocationRef"), LocationOID=LOCATION_OID)
        etree.SubElement(el, _q("DateTimeStamp")).text = stamp.at_utc
        if self.include_free_text and stamp.reason:
            etree.SubElement(el, _q("ReasonForChange")).text = _clean(stamp.reason)
        if source:
            etree.SubElement(el, _q("SourceID")).text = source
        return el

    def on_form(self, form: etree._Element, record_id: str) -> None:
        """The creation of the record, as the form's first child."""
        stamp = self.created.get(record_id)
        if stamp is not None:
            form.insert(0, self.record(stamp))

    def on_item(self, item: etree._Element, record_id: str, field: str) -> None:
        """The field's latest change when it came after the record's creation."""
        stamp = self.latest.get((record_id, field))
        if stamp is not None and stamp.action != "create":
            item.insert(0, self.record(stamp))

    def signatures(self, patient_id: str) -> dict[str, Signature]:
        """The patient's signatures that stand: each is verified against its visit's values,
        and one that does not verify (changed after signing) is not exported as a signature
        (its visit's audit records still show who signed and when)."""
        return {vid: sig for vid, sig in signatures_for_patient(self.db, patient_id).items()
                if not sig.invalid}

    @staticmethod
    def signature(event: etree._Element, sig: Signature) -> None:
        """A visit's sign-off, placed after the event's AuditRecord (if any)."""
        el = etree.Element(_q("Signature"))
        etree.SubElement(el, _q("UserRef"), UserOID=user_oid(sig.signed_by or ""))
        etree.SubElement(el, _q("LocationRef"), LocationOID=LOCATION_OID)
        etree.SubElement(el, _q("SignatureRef"),
                         SignatureOID=signature_oid(sig.meaning or SIGNATURE_MEANING))
        etree.SubElement(el, _q("DateTimeStamp")).text = sig.signed_at or ""
        event.insert(0, el)

    def trail(self) -> Iterator[etree._Element]:
        """Every audit row as an AuditRecord for ``ClinicalData/AuditRecords``."""
        for r in eq.iter_audit(self.db):
            stamp = Stamp(r["seq"], r["action"], r["at_utc"], r["user"], r["reason"])
            source = f"{r['action']} {r['table_name']}.{r['field'] or '*'} {r['record_id']}"
            el = self.record(stamp, record_id=r["record_id"] or "-", source=source)
            yield el


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: Any) -> str:
    return _XML_BAD.sub("", str(value))
