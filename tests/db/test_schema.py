import sqlite3
from pathlib import Path

import pytest

from jdmdesk.db import driver, migrations
from jdmdesk.db.check import check_study
from jdmdesk.db.connection import APPLICATION_ID, Problem, StudyFileError, connect
from jdmdesk.db.schema_shape import read_shape, schema_differences
from jdmdesk.db.studyfile import create_study, open_study
from jdmdesk.domain.fields import RECORD_TYPES
from tests.conftest import raw_connect

CLINICAL_TABLES = ("patient", "visit", "medication", "lab_result", "adverse_event", "audit_log",
                   "analyte", "analyte_unit", "study_setting")


def test_fresh_file_has_profile_and_strict_tables(study):
    conn = study.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    strict = {name for name in study.db.table_names() if study.db.table(name).strict}
    assert set(CLINICAL_TABLES) <= strict


def test_every_catalogue_field_has_a_column(study):
    for rt in RECORD_TYPES.values():
        cols = study.db.table(rt.table).columns_dict
        assert set(rt.field_names) <= cols.keys(), (rt.name, set(rt.field_names) - cols.keys())
        assert {"id", "created_at", "updated_at", "deleted", "deleted_reason", "missing"} <= \
            cols.keys()


def test_every_clinical_record_belongs_to_a_patient_by_key_and_index(study):
    for rt in RECORD_TYPES.values():
        if rt.table == "patient":
            continue
        table = study.db.table(rt.table)
        assert any(fk.column == "patient_id" and fk.other_table == "patient"
                   and fk.other_column == "id" for fk in table.foreign_keys), rt.table
        # every per-patient read starts with patient_id: an index must lead with it
        assert any(ix.columns[0] == "patient_id" for ix in table.indexes), rt.table


def test_guard_triggers_exist_on_their_tables(study):
    triggers = {t.name: t.table for t in study.db.triggers}
    assert triggers == {
        "audit_log_no_update": "audit_log", "audit_log_no_delete": "audit_log",
        "visit_locked_update": "visit", "visit_locked_delete": "visit",
        "lab_result_plausible_insert": "lab_result", "lab_result_plausible_update": "lab_result",
    }


def test_a_file_migrated_from_version_1_has_the_schema_of_a_new_file(tmp_path, study):
    path = tmp_path / "v1.jdm"
    conn = connect(path)
    migrations.migrate(conn, None, migrations.MIGRATIONS[:1])
    conn.close()
    old = open_study(path)
    try:
        assert schema_differences(old.db) == []
        assert read_shape(old.db) == read_shape(study.db)
    finally:
        old.close()


def test_check_names_a_dropped_guard_trigger_and_a_dropped_index(study):
    assert schema_differences(study.db) == [] and check_study(study.db).ok
    study.conn.execute("DROP TRIGGER visit_locked_update")
    study.conn.execute("DROP INDEX lab_sample")
    study.conn.execute("CREATE TABLE notes_by_hand (x TEXT)")
    assert schema_differences(study.db) == [
        "table notes_by_hand is not part of the schema",
        "index lab_sample on lab_result is missing or changed",
        "trigger visit_locked_update is missing",
    ]
    report = check_study(study.db)
    assert not report.ok and any(
        line.startswith("FAIL") and "visit_locked_update is missing" in line
        for line in report.lines)


def test_check_names_a_trigger_rewritten_to_do_nothing(study):
    study.conn.execute("DROP TRIGGER audit_log_no_delete")
    study.conn.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                       "WHEN 0 BEGIN SELECT 1; END")
    assert schema_differences(study.db) == ["trigger audit_log_no_delete was changed"]


def test_check_constraints_match_hard_limits(study):
    """Defence in depth: the schema refuses what the domain's hard limits refuse."""
    conn = study.conn
    pid = "0" * 36
    conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, updated_at) "
                 "VALUES (?, 'X1', 'F', '2015-01-01', 'now', 'now')", (pid,))
    rt = RECORD_TYPES["visit"]
    for spec in rt.fields:
        if spec.hard is None:
            continue
        over = spec.hard[1] + 1
        with pytest.raises(driver.IntegrityError):
            conn.execute(f"INSERT INTO visit (id, patient_id, visit_date, {spec.name}, "
                         "created_at, updated_at) VALUES (?, ?, '2020-01-01', ?, 'n', 'n')",
                         ("1" * 36, pid, over))


def test_bad_dates_and_types_are_refused_by_the_schema(study):
    conn = study.conn
    for bad in ("2020-02-30", "01-02-2020", "yesterday"):
        with pytest.raises(driver.IntegrityError):
            conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, "
                         "updated_at) VALUES (?, 'X2', 'F', ?, 'n', 'n')", ("2" * 36, bad))
    with pytest.raises(driver.IntegrityError):  # STRICT: no text in an INTEGER column
        conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, "
                     "updated_at, deleted) VALUES (?, 'X3', 'F', '2015-01-01', 'n', 'n', 'yes')",
                     ("3" * 36,))


def _add_column_step(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE patient ADD COLUMN test_extra TEXT")


def test_older_file_is_backed_up_and_migrated_with_data_kept(tmp_path, monkeypatch):
    path = tmp_path / "old.jdm"
    study = create_study(path)
    study.conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, "
                       "updated_at) VALUES (?, 'KEEP-1', 'M', '2014-03-03', 'n', 'n')",
                       ("4" * 36,))
    study.close()
    steps = [*migrations.MIGRATIONS, _add_column_step]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "LATEST_VERSION", len(steps))
    import jdmdesk.db.studyfile as studyfile

    monkeypatch.setattr(studyfile, "LATEST_VERSION", len(steps))
    reopened = open_study(path)
    try:
        assert migrations.user_version(reopened.conn) == len(steps)
        row = reopened.conn.execute("SELECT study_code, test_extra FROM patient").fetchone()
        assert row == ("KEEP-1", None)
    finally:
        reopened.close()
    latest = len(steps) - 1
    backups = list((tmp_path / "backups").glob(f"old.v{latest}.pre-migration-*.jdm"))
    assert len(backups) == 1
    backup = raw_connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == latest
    assert backup.execute("SELECT study_code FROM patient").fetchone()[0] == "KEEP-1"
    backup.close()


def test_failed_migration_step_leaves_file_at_old_version(tmp_path, monkeypatch):
    path = tmp_path / "s.jdm"
    create_study(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE patient ADD COLUMN half_done TEXT")
        raise RuntimeError("step failed")

    steps = [*migrations.MIGRATIONS, broken]
    with pytest.raises(RuntimeError):
        migrations.migrate(connect(path), None, steps)
    conn = connect(path)
    assert migrations.user_version(conn) == migrations.LATEST_VERSION
    cols = {r[1] for r in conn.execute("PRAGMA table_info(patient)")}
    assert "half_done" not in cols
    conn.close()


def test_too_new_file_is_refused(tmp_path):
    path = tmp_path / "new.jdm"
    create_study(path).close()
    conn = raw_connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    conn.close()
    with pytest.raises(StudyFileError) as info:
        open_study(path)
    assert info.value.problem is Problem.TOO_NEW
    assert "newer JDM Desk" in info.value.message


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StudyFileError) as info:
        open_study(path)
    assert info.value.problem is Problem.FOREIGN
    assert "another application" in info.value.message
    assert path.read_bytes() == before


@pytest.mark.parametrize(("content", "problem"), [
    (b"", Problem.EMPTY),
    (b"name,value\nCK,100\n", Problem.NOT_SQLITE),
    (b"\x00" * 4096, Problem.NOT_SQLITE),
])
def test_non_study_files_are_refused(tmp_path: Path, content: bytes, problem: Problem):
    path = tmp_path / "bad.jdm"
    path.write_bytes(content)
    with pytest.raises(StudyFileError) as info:
        open_study(path)
    assert info.value.problem is problem
    assert path.read_bytes() == content


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(StudyFileError) as info:
        open_study(tmp_path / "nope.jdm")
    assert info.value.problem is Problem.MISSING


def test_bulk_rows_get_time_ordered_version_7_keys():
    import uuid

    from jdmdesk.db.bulk import bulk_rows

    rows = [{"study_code": f"P-{i}", "sex": "F"} for i in range(2000)] + [{"id": "kept"}]
    _, _, _, ids = bulk_rows("patient", rows, "2026-01-01T00:00:00Z")
    assert ids[-1] == "kept" and len(set(ids)) == 2001
    fresh = ids[:-1]
    assert fresh == sorted(fresh)
    for text in fresh:
        u = uuid.UUID(text)
        assert str(u) == text and u.version == 7 and u.variant == uuid.RFC_4122


def test_bulk_fill_checks_what_its_dropped_triggers_and_keys_would_have(study):
    from jdmdesk.db.bulk import BulkCheckFailed, create_indexes, drop_secondary_indexes

    conn = study.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    ddl = drop_secondary_indexes(study.db)
    assert any("lab_result_plausible_insert" in d for d in ddl)
    conn.execute("INSERT INTO lab_result (id, patient_id, sample_id, sample_date, analyte, value, "
                 "unit, value_canonical, created_at, updated_at) VALUES (?, ?, ?, '2020-01-01', "
                 "'CK', 1e9, 'U/L', 1e9, 'n', 'n')", ("5" * 36, "6" * 36, "7" * 36))
    with pytest.raises(BulkCheckFailed, match="1 foreign key, 1 implausible"):
        create_indexes(study.db, ddl)


def test_version_1_file_is_migrated_to_accounts_and_visit_locks(tmp_path):
    """A real file of schema 1 (as the first release wrote it) opens at the latest version."""
    path = tmp_path / "v1.jdm"
    conn = connect(path)
    migrations.migrate(conn, None, migrations.MIGRATIONS[:1])
    conn.execute("INSERT INTO patient (id, study_code, sex, birth_date, created_at, updated_at) "
                 "VALUES (?, 'OLD-1', 'F', '2014-03-03', 'n', 'n')", ("8" * 36,))
    conn.execute("INSERT INTO visit (id, patient_id, visit_date, phga, created_at, updated_at) "
                 "VALUES (?, ?, '2020-01-01', 4.5, 'n', 'n')", ("9" * 36, "8" * 36))
    conn.close()
    study = open_study(path)
    try:
        c = study.conn
        assert migrations.user_version(c) == migrations.LATEST_VERSION
        assert c.execute("SELECT phga, locked FROM visit").fetchone() == (4.5, 0)
        c.execute("UPDATE visit SET locked = 1, signed_by = 'dr', signature_meaning = 'reviewed'")
        with pytest.raises(driver.IntegrityError, match="locked"):
            c.execute("UPDATE visit SET phga = 1")
        with pytest.raises(driver.IntegrityError, match="locked"):
            c.execute("DELETE FROM visit")
        c.execute("UPDATE visit SET locked = 0")  # an unlock passes
        c.execute("UPDATE visit SET phga = 1")
    finally:
        study.close()
    assert list((tmp_path / "backups").glob("v1.v1.pre-migration-*.jdm"))


def test_pre_migration_backup_is_a_verified_copy_or_no_migration(tmp_path):
    from jdmdesk.db.backup import is_verified

    path = tmp_path / "v1.jdm"
    conn = connect(path)
    migrations.migrate(conn, None, migrations.MIGRATIONS[:1])
    conn.close()
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(StudyFileError, match="no verified backup"):
        open_study(path)
    conn = connect(path)
    assert migrations.user_version(conn) == 1  # not migrated without its backup
    conn.close()
    (tmp_path / "backups").unlink()
    open_study(path).close()
    [copy] = (tmp_path / "backups").glob("v1.v1.pre-migration-*.jdm")
    assert is_verified(copy) and not list((tmp_path / "backups").glob(".*"))


def test_older_file_opened_read_only_says_how_to_upgrade_it(tmp_path, monkeypatch):
    # `jdmdesk report` on a study of the previous version: the way out is to open it in the
    # window (backed up, then upgraded), not to restore a backup that is just as old
    from jdmdesk.db.backup import backup_hint, backup_on_open_if_due, describe_with_backup

    path = tmp_path / "old.jdm"
    study = create_study(path)
    backup_on_open_if_due(study)  # its daily backup, as the window makes it
    study.close()
    steps = [*migrations.MIGRATIONS, _add_column_step]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    import jdmdesk.db.studyfile as studyfile

    monkeypatch.setattr(studyfile, "LATEST_VERSION", len(steps))
    with pytest.raises(StudyFileError) as caught:
        open_study(path, read_only=True)
    text = describe_with_backup(caught.value)
    assert backup_hint(path) is not None  # a backup exists, and is rightly not offered
    assert f"this JDM Desk writes version {len(steps)}" in text
    assert "open it once in the JDM Desk window" in text and "jdmdesk restore" not in text
