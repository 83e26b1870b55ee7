"""What a study's opening makes of the window: a pre-encryption study opens read-only with an
offer of an encrypted copy; a study changed outside JDM Desk raises the red alarm and stays
read-only until a data manager whose own account row verifies has opened it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from jdmdesk.db import keystore
from jdmdesk.db.connection import Study, is_plain
from jdmdesk.domain.access import Role, Session


def plain_study_notice(study: Study) -> list[str]:
    """A study made before encryption opens read-only (its data manager is offered an
    encrypted copy, File ▸ Write an encrypted copy…; it is never converted in place)."""
    if study.key is not None or not is_plain(study.path):
        return []
    study.read_only = True
    return [QCoreApplication.translate(
        "App", "This study was made before encryption: it is open read-only. A data manager "
        "can write an encrypted copy (File \u25b8 Write an encrypted copy\u2026) and work "
        "in that.")]


def tamper_alarm(study: Study, session: Session, tamper: keystore.Tamper) -> str | None:
    """The red banner's text when the study was changed outside JDM Desk. Until a data manager
    whose own account row verifies has opened it, the study stays read-only: nothing is
    written (not even the login)."""
    if not tamper.problems:
        return None
    text = QCoreApplication.translate("app", "Changed outside JDM Desk: {problems}.").format(
        problems="; ".join(tamper.problems))
    own_row_ok = session.username.lower() not in {u.lower() for u in tamper.accounts}
    if session.role is Role.DATA_MANAGER and own_row_ok:
        return text + " " + QCoreApplication.translate(
            "app", "Check the audit trail (jdmdesk check) and restore a verified backup if "
            "needed.")
    study.read_only = True
    return text + " " + QCoreApplication.translate(
        "app", "Read-only until a data manager has opened it.")
