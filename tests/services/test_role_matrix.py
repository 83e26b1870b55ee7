"""Every action × every role, through the real service calls: allowed exactly by the matrix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jdmdesk.domain.access import Action, Role, Session, can
from jdmdesk.domain.clock import FixedClock
from jdmdesk.export import ExportError, ExportOptions
from jdmdesk.services.accounts import AccountService
from jdmdesk.services.exports import run_export
from jdmdesk.services.maintenance import MaintenanceService
from jdmdesk.services.records import RecordService
from jdmdesk.services.results import Status
from jdmdesk.services.settings import SettingsService
from jdmdesk.services.signoff import SignoffService
from tests.conftest import FAST, PASSWORD, TODAY


class World:
    """A study with a patient, a signed and an unsigned visit, and a deleted visit."""

    def __init__(self, study, users: dict[Role, Session], tmp: Path) -> None:
        self.study, self.users, self.tmp = study, users, tmp
        nurse = RecordService(study, users[Role.DATA_ENTRY], FixedClock.on(TODAY))
        self.pid = nurse.save("patient", {"study_code": "P-1", "sex": "F",
                                          "birth_date": "2015-04-02"}).record_id
        self.visits = [nurse.save("visit", {"visit_date": f"2024-0{m}-01"},
                                  patient_id=self.pid).record_id for m in (1, 2, 3)]
        assert nurse.set_deleted("visit", self.visits[2], "entered twice").ok
        doctor = self.signoff(users[Role.REVIEWER])
        assert doctor.sign(self.visits[1], PASSWORD).ok

    def records(self, s: Session) -> RecordService:
        return RecordService(self.study, s, FixedClock.on(TODAY))

    def signoff(self, s: Session) -> SignoffService:
        return SignoffService(self.study, s, AccountService(self.study, hasher=FAST),
                              self.records(s))


def _attempts(w: World) -> dict[Action, Callable[[Session], bool]]:
    """One real call per action; True when the service did it, False when it refused."""

    def edit(s: Session) -> bool:
        r = w.records(s).save("visit", {"visit_date": "2024-04-01"}, patient_id=w.pid)
        return r.ok

    def sign(s: Session) -> bool:
        return w.signoff(s).sign(w.visits[0], PASSWORD).ok

    def export(s: Session) -> bool:
        try:
            run_export(w.study.path, w.tmp / f"{s.username}.zip", ExportOptions(), session=s)
        except ExportError:
            return False
        return True

    def settings(s: Session) -> bool:
        return SettingsService(w.study, s).update({"visit_interval_days": 60}, "protocol").ok

    def users(s: Session) -> bool:
        return AccountService(w.study, hasher=FAST).create_user(
            s, f"new-{s.username}", "New", Role.DATA_ENTRY, "long enough pw").ok

    def unlock(s: Session) -> bool:
        return w.signoff(s).unlock(w.visits[1], "typo found after review").status \
            is Status.SAVED

    def undelete(s: Session) -> bool:
        return w.records(s).set_deleted("visit", w.visits[2], "was right",
                                        deleted=False).ok

    def backup(s: Session) -> bool:
        return MaintenanceService(w.study, s).backup_to(w.tmp / f"{s.username}.jdm").ok

    def read(s: Session) -> bool:
        from jdmdesk.report import ReportError, write_report

        try:
            write_report(w.study.path, "P-1", w.tmp / f"{s.username}.pdf", session=s)
        except ReportError:
            return False
        return True

    def import_labs(s: Session) -> bool:
        from jdmdesk.services.lab_import import LabImportService

        src = w.tmp / f"{s.username}.csv"
        src.write_text("study_code,sample_date,analyte,value,unit\n"
                       f"P-1,2024-0{len(s.username) % 9 + 1}-02,CK,300,U/L\n", encoding="utf-8")
        return LabImportService(w.study, s, FixedClock.on(TODAY)).run(src)[0].ok

    def undo_import(s: Session) -> bool:
        from jdmdesk.services.lab_import import LabImportService

        manager = LabImportService(w.study, w.users[Role.DATA_MANAGER], FixedClock.on(TODAY))
        src = w.tmp / "to-undo.csv"
        src.write_text("study_code,sample_date,analyte,value,unit\nP-1,2024-01-09,LD,400,U/L\n",
                       encoding="utf-8")
        result, check = manager.run(src)
        assert result.ok and check is not None and check.import_id
        return LabImportService(w.study, s).undo(check.import_id, "wrong file").ok

    def break_lock(s: Session) -> bool:
        import json
        from dataclasses import asdict

        from jdmdesk.db.lock import LockInfo, lock_path
        from jdmdesk.services.lock_break import break_study_lock

        # a lock left by an instance on another computer, silent for hours
        lock_path(w.study.path).write_text(json.dumps(asdict(LockInfo(
            "dr.away", "ward-pc-7", 4242, "2024-01-01T08:00:00Z", token="f" * 32,
            heartbeat="2024-01-01T09:00:00Z"))), encoding="utf-8")
        result, opened = break_study_lock(w.study, w.study.path, s, lambda _text: True)
        if opened is not None:
            opened.close()
        return result.ok and opened is not None

    return {Action.EDIT_RECORDS: edit, Action.SIGN_VISIT: sign, Action.EXPORT: export,
            Action.STUDY_SETTINGS: settings, Action.MANAGE_USERS: users,
            Action.UNLOCK_VISIT: unlock, Action.UNDELETE: undelete, Action.BACKUP: backup,
            Action.READ: read, Action.IMPORT_LABS: import_labs,
            Action.UNDO_IMPORT: undo_import, Action.BREAK_LOCK: break_lock}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_each_service_allows_exactly_the_role_matrix(study, users, tmp_path, qapp, role,
                                                     action):
    world = World(study, users, tmp_path)
    attempt = _attempts(world)
    assert set(attempt) == set(Action)  # every action of the matrix is tried
    assert attempt[action](users[role]) is can(role, action), (role, action)


def test_a_deactivated_user_is_refused_by_every_service(study, users, tmp_path, qapp):
    world = World(study, users, tmp_path)
    manager = users[Role.DATA_MANAGER]
    AccountService(study, hasher=FAST).set_active(manager, "nurse", False, "left the unit")
    nurse = users[Role.DATA_ENTRY]
    result = world.records(nurse).save("visit", {"visit_date": "2024-05-01"},
                                       patient_id=world.pid)
    assert result.status is Status.FORBIDDEN and "not active" in result.message


def test_a_forged_session_gets_the_role_stored_in_the_study(study, users, tmp_path, qapp):
    """The services read the role from the file, not from the session object they are given."""
    world = World(study, users, tmp_path)
    forged = Session("nurse", "Rita Nurse", Role.DATA_MANAGER)
    assert not _attempts(world)[Action.EXPORT](forged)
    assert not SettingsService(study, forged).update({"visit_interval_days": 60}, "x").ok


def test_every_audit_row_carries_the_acting_user(study, users, tmp_path, qapp):
    world = World(study, users, tmp_path)
    rows = study.conn.execute("SELECT user, action FROM audit_log WHERE table_name = 'visit'")
    by_action: dict[str, set[str]] = {}
    for user, action in rows:
        by_action.setdefault(action, set()).add(user)
    assert by_action["create"] == {"nurse"} and by_action["delete"] == {"nurse"}
    assert by_action["sign"] == {"doctor"}
    assert world.signoff(users[Role.DATA_MANAGER]).unlock(world.visits[1], "typo").ok
    unlock = study.conn.execute("SELECT DISTINCT user FROM audit_log WHERE action = 'unlock'")
    assert [u for (u,) in unlock] == ["manager"]
