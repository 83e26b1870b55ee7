"""Issue 15, items 1 and 18: automatic backups survive a wrong clock, and the rotation keeps
one stated rule (the 7 newest plus the newest of each of the 7 most recent days: at most 14).

The clock is injected (``now=``); the system clock is never touched.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jdmdesk.db import backup as bk
from jdmdesk.db.lock import open_locked

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_a_backup_made_with_the_clock_in_the_past_is_kept_and_offered(study):
    for day in range(10):
        bk.backup_on_close(study, now=NOW + timedelta(days=day))
    made = bk.backup_on_close(study, now=NOW - timedelta(days=365))  # a flat CMOS battery
    assert made is not None and made.exists()
    assert bk.newest_verified_backup(study.path) == made
    assert bk.automatic_backups(study.path)[-1] == made
    later = [bk.backup_on_close(study, now=NOW - timedelta(days=365, minutes=-k))
             for k in range(1, 12)]
    kept = bk.automatic_backups(study.path)
    assert all(b.exists() for b in later[-7:])  # the 7 newest made survive the wrong clock
    assert set(later[-7:]) <= set(kept)


def test_a_backup_stamped_next_year_is_not_newest_for_good(study):
    future = bk.backup_on_close(study, now=NOW + timedelta(days=365))
    made = [bk.backup_on_close(study, now=NOW + timedelta(minutes=k)) for k in range(10)]
    assert bk.newest_verified_backup(study.path) == made[-1]
    hint = bk.backup_hint(study.path)
    assert hint is not None and str(made[-1]) in hint and str(future) not in hint
    for day in range(1, 9):  # backups on 8 more days: the far-off day drops out
        bk.backup_on_close(study, now=NOW + timedelta(days=day))
    assert not future.exists()


def test_the_backup_just_written_is_never_rotated_away(study):
    for k in range(20):
        bk.backup_on_close(study, now=NOW + timedelta(days=k))
    made = bk.backup_on_close(study, now=NOW - timedelta(days=3000))
    assert made is not None and made.exists()
    deleted = bk.rotate(study.path, keep_newest=0, keep_days=0, protect=made)
    assert made.exists() and made not in deleted


def test_rotation_keeps_exactly_the_stated_rule(study):
    """keep_newest newest + the newest of each of keep_days days; nothing more (before: at
    least 7 newest whatever keep_newest said)."""
    made = [bk.backup_on_close(study, now=NOW + timedelta(days=d, minutes=m))
            for d in range(6) for m in range(3)]
    bk.rotate(study.path, keep_newest=3, keep_days=2)
    kept = bk.automatic_backups(study.path)
    # the 3 newest are day 5's three; the days add day 4's newest
    assert kept == [made[-4], *made[-3:]]


def test_at_most_fourteen_whatever_the_clock_does(study):
    import random

    rnd = random.Random(15)
    for _ in range(60):
        bk.backup_on_close(study, now=NOW + timedelta(days=rnd.randint(-400, 400)))
        assert len(bk.automatic_backups(study.path)) <= bk.KEEP_NEWEST + bk.KEEP_DAYS == 14


def test_backups_named_before_the_sequence_number_count_as_older(study):
    folder = bk.backup_folder(study.path)
    folder.mkdir()
    old = bk.backup_study(study.path, folder / "study.backup-20991231T000000000000Z-close.jdm")
    new = bk.backup_on_close(study, now=NOW)
    assert bk.sequence(old) == 0 and new is not None and bk.sequence(new) == 1
    assert bk.automatic_backups(study.path) == [old, new]
    assert bk.newest_verified_backup(study.path) == new


def test_a_clock_earlier_than_the_newest_change_is_told(tmp_path, service, study, patient_id):
    service.save("visit", {"visit_date": "2024-05-01"}, patient_id=patient_id)
    study.close()
    opened = open_locked(study.path, now=datetime(2020, 1, 1, tzinfo=UTC))
    try:
        assert any("clock" in n and "earlier" in n for n in opened.notices)
    finally:
        opened.close()
    opened = open_locked(study.path, now=datetime.now(UTC))
    try:
        assert not any("clock" in n for n in opened.notices)
    finally:
        opened.close()


def test_clock_behind_reads_the_newest_audit_row(service, study, patient_id):
    assert bk.clock_behind(study.db, datetime(2020, 1, 1, tzinfo=UTC)) is not None
    assert bk.clock_behind(study.db, datetime.now(UTC) + timedelta(days=1)) is None
