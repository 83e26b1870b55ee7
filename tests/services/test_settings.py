from jdmdesk.db import audit
from jdmdesk.domain.access import Role
from jdmdesk.services.results import Status
from jdmdesk.services.settings import SettingsService


def test_settings_change_is_validated_audited_and_stored(study, users, qtbot):
    svc = SettingsService(study, users[Role.DATA_MANAGER])
    r = svc.update({"tacrolimus_target_low": 8.0, "tacrolimus_target_high": 6.0}, "protocol")
    assert r.status is Status.INVALID and "tacrolimus_target_high" in r.errors
    assert svc.update({"tacrolimus_target_high": 12.0}, " ").status is Status.NEEDS_REASON
    with qtbot.waitSignal(svc.changed):
        r = svc.update({"tacrolimus_target_high": 12.0,
                        "reference_ranges": {**svc.current().reference_ranges,
                                             "CK": [0, 150]}}, "protocol amendment 2")
    assert r.ok
    s = svc.current()
    assert s.tacrolimus_target_high == 12.0 and s.reference_range("CK") == (0, 150)
    rows = list(audit.history(study.db, "study_setting", "tacrolimus_target_high"))
    assert [(x.old_value, x.new_value, x.reason, x.user) for x in rows] == \
        [("10", "12", "protocol amendment 2", "manager")]
    assert svc.update({"tacrolimus_target_high": 12.0}, "again").status is Status.UNCHANGED
