-- JDM Desk study file, schema version 1. Append-only: later versions add migration steps.

CREATE TABLE study_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE analyte (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    canonical_unit   TEXT NOT NULL,
    hard_min         REAL NOT NULL,
    hard_max         REAL NOT NULL,
    soft_min         REAL NOT NULL,
    soft_max         REAL NOT NULL,
    default_ref_low  REAL,
    default_ref_high REAL,
    enzyme           INTEGER NOT NULL CHECK (enzyme IN (0, 1)),
    CHECK (hard_min <= soft_min AND soft_min <= soft_max AND soft_max <= hard_max)
) STRICT;

CREATE TABLE analyte_unit (
    analyte TEXT NOT NULL REFERENCES analyte(code),
    unit    TEXT NOT NULL,
    factor  REAL NOT NULL CHECK (factor > 0),
    PRIMARY KEY (analyte, unit)
) STRICT;

CREATE TABLE patient (
    id             TEXT PRIMARY KEY CHECK (length(id) = 36),
    study_code     TEXT NOT NULL COLLATE NOCASE UNIQUE
                   CHECK (length(study_code) BETWEEN 1 AND 32),
    initials       TEXT CHECK (length(initials) <= 8),
    sex            TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
    birth_date     TEXT NOT NULL CHECK (birth_date IS date(birth_date, '+0 days')),
    onset_date     TEXT CHECK (onset_date IS date(onset_date, '+0 days')),
    diagnosis_date TEXT CHECK (diagnosis_date IS date(diagnosis_date, '+0 days')),
    note           TEXT,
    missing        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(missing)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_reason TEXT,
    CHECK (deleted = 0 OR deleted_reason IS NOT NULL),
    CHECK (onset_date IS NULL OR onset_date >= birth_date)
) STRICT;

CREATE TABLE visit (
    id                  TEXT PRIMARY KEY CHECK (length(id) = 36),
    patient_id          TEXT NOT NULL REFERENCES patient(id),
    visit_date          TEXT NOT NULL CHECK (visit_date IS date(visit_date, '+0 days')),
    weight_kg           REAL CHECK (weight_kg BETWEEN 1 AND 250),
    height_cm           REAL CHECK (height_cm BETWEEN 30 AND 250),
    sbp                 INTEGER CHECK (sbp BETWEEN 40 AND 260),
    dbp                 INTEGER CHECK (dbp BETWEEN 20 AND 180),
    phga                REAL CHECK (phga BETWEEN 0 AND 10),
    ptga                REAL CHECK (ptga BETWEEN 0 AND 10),
    ptga_rater          TEXT CHECK (ptga_rater IN ('parent', 'patient')),
    extramuscular_ga    REAL CHECK (extramuscular_ga BETWEEN 0 AND 10),
    cmas_1              INTEGER CHECK (cmas_1 BETWEEN 0 AND 5),
    cmas_1_seconds      REAL CHECK (cmas_1_seconds BETWEEN 0 AND 600),
    cmas_2              INTEGER CHECK (cmas_2 BETWEEN 0 AND 2),
    cmas_3              INTEGER CHECK (cmas_3 BETWEEN 0 AND 5),
    cmas_3_seconds      REAL CHECK (cmas_3_seconds BETWEEN 0 AND 600),
    cmas_4              INTEGER CHECK (cmas_4 BETWEEN 0 AND 3),
    cmas_5              INTEGER CHECK (cmas_5 BETWEEN 0 AND 6),
    cmas_6              INTEGER CHECK (cmas_6 BETWEEN 0 AND 3),
    cmas_7              INTEGER CHECK (cmas_7 BETWEEN 0 AND 3),
    cmas_8              INTEGER CHECK (cmas_8 BETWEEN 0 AND 4),
    cmas_8_seconds      REAL CHECK (cmas_8_seconds BETWEEN 0 AND 600),
    cmas_9              INTEGER CHECK (cmas_9 BETWEEN 0 AND 3),
    cmas_10             INTEGER CHECK (cmas_10 BETWEEN 0 AND 4),
    cmas_11             INTEGER CHECK (cmas_11 BETWEEN 0 AND 4),
    cmas_12             INTEGER CHECK (cmas_12 BETWEEN 0 AND 4),
    cmas_13             INTEGER CHECK (cmas_13 BETWEEN 0 AND 3),
    cmas_14             INTEGER CHECK (cmas_14 BETWEEN 0 AND 3),
    mmt8_neck_flexors   INTEGER CHECK (mmt8_neck_flexors BETWEEN 0 AND 10),
    mmt8_deltoid        INTEGER CHECK (mmt8_deltoid BETWEEN 0 AND 10),
    mmt8_biceps         INTEGER CHECK (mmt8_biceps BETWEEN 0 AND 10),
    mmt8_gluteus_maximus INTEGER CHECK (mmt8_gluteus_maximus BETWEEN 0 AND 10),
    mmt8_gluteus_medius INTEGER CHECK (mmt8_gluteus_medius BETWEEN 0 AND 10),
    mmt8_quadriceps     INTEGER CHECK (mmt8_quadriceps BETWEEN 0 AND 10),
    mmt8_wrist_extensors INTEGER CHECK (mmt8_wrist_extensors BETWEEN 0 AND 10),
    mmt8_ankle_dorsiflexors INTEGER CHECK (mmt8_ankle_dorsiflexors BETWEEN 0 AND 10),
    chaq_dressing       INTEGER CHECK (chaq_dressing BETWEEN 0 AND 3),
    chaq_arising        INTEGER CHECK (chaq_arising BETWEEN 0 AND 3),
    chaq_eating         INTEGER CHECK (chaq_eating BETWEEN 0 AND 3),
    chaq_walking        INTEGER CHECK (chaq_walking BETWEEN 0 AND 3),
    chaq_hygiene        INTEGER CHECK (chaq_hygiene BETWEEN 0 AND 3),
    chaq_reach          INTEGER CHECK (chaq_reach BETWEEN 0 AND 3),
    chaq_grip           INTEGER CHECK (chaq_grip BETWEEN 0 AND 3),
    chaq_activities     INTEGER CHECK (chaq_activities BETWEEN 0 AND 3),
    das_skin            INTEGER CHECK (das_skin BETWEEN 0 AND 9),
    das_muscle          INTEGER CHECK (das_muscle BETWEEN 0 AND 11),
    cdasi_activity      INTEGER CHECK (cdasi_activity BETWEEN 0 AND 100),
    cdasi_damage        INTEGER CHECK (cdasi_damage BETWEEN 0 AND 32),
    skin_heliotrope     INTEGER CHECK (skin_heliotrope IN (0, 1)),
    skin_gottron        INTEGER CHECK (skin_gottron IN (0, 1)),
    skin_malar          INTEGER CHECK (skin_malar IN (0, 1)),
    skin_nailfold       INTEGER CHECK (skin_nailfold IN (0, 1)),
    skin_ulceration     INTEGER CHECK (skin_ulceration IN (0, 1)),
    skin_calcinosis     INTEGER CHECK (skin_calcinosis IN (0, 1)),
    physical_activity   TEXT CHECK (physical_activity IN ('0', '1', '2', '3', '4')),
    note                TEXT,
    missing             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(missing)),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_reason      TEXT,
    CHECK (deleted = 0 OR deleted_reason IS NOT NULL),
    CHECK (dbp IS NULL OR sbp IS NULL OR dbp < sbp)
) STRICT;
CREATE INDEX visit_patient_date ON visit (patient_id, visit_date);

CREATE TABLE medication (
    id             TEXT PRIMARY KEY CHECK (length(id) = 36),
    patient_id     TEXT NOT NULL REFERENCES patient(id),
    drug           TEXT NOT NULL CHECK (drug IN ('tacrolimus', 'prednisolone', 'prednisone',
                       'methylprednisolone', 'dexamethasone', 'hydrocortisone', 'methotrexate',
                       'hydroxychloroquine', 'ivig', 'mycophenolate', 'ciclosporin', 'rituximab',
                       'cyclophosphamide', 'topical_tacrolimus', 'topical_steroid')),
    route          TEXT NOT NULL CHECK (route IN ('oral', 'iv', 'sc', 'im', 'topical')),
    dose_amount    REAL NOT NULL CHECK (dose_amount BETWEEN 0 AND 100000),
    dose_unit      TEXT NOT NULL CHECK (dose_unit IN ('mg', 'g', 'mg/kg', 'g/kg', 'mg/m2',
                       'application')),
    frequency      TEXT NOT NULL CHECK (frequency IN ('od', 'bd', 'tds', 'qds', 'alt', 'weekly',
                       'every_4_weeks', 'once')),
    start_date     TEXT NOT NULL CHECK (start_date IS date(start_date, '+0 days')),
    end_date       TEXT CHECK (end_date IS date(end_date, '+0 days')),
    change_reason  TEXT NOT NULL CHECK (change_reason IN ('start', 'increase', 'decrease', 'taper',
                       'stop', 'adverse_event', 'inefficacy', 'other')),
    note           TEXT,
    missing        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(missing)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_reason TEXT,
    CHECK (deleted = 0 OR deleted_reason IS NOT NULL),
    CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX medication_patient_start ON medication (patient_id, start_date);

CREATE TABLE lab_result (
    id              TEXT PRIMARY KEY CHECK (length(id) = 36),
    patient_id      TEXT NOT NULL REFERENCES patient(id),
    sample_id       TEXT NOT NULL CHECK (length(sample_id) = 36),
    sample_date     TEXT NOT NULL CHECK (sample_date IS date(sample_date, '+0 days')),
    sample_time     TEXT CHECK (sample_time IS NULL OR sample_time IS strftime('%H:%M', '2000-01-01 ' || sample_time)),
    analyte         TEXT NOT NULL,
    value           REAL NOT NULL,
    unit            TEXT NOT NULL,
    value_canonical REAL NOT NULL,
    ref_low         REAL CHECK (ref_low >= 0),
    ref_high        REAL CHECK (ref_high >= 0),
    note            TEXT,
    missing         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(missing)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_reason  TEXT,
    CHECK (deleted = 0 OR deleted_reason IS NOT NULL),
    CHECK (ref_low IS NULL OR ref_high IS NULL OR ref_low < ref_high),
    FOREIGN KEY (analyte, unit) REFERENCES analyte_unit (analyte, unit)
) STRICT;
CREATE INDEX lab_patient_analyte_date ON lab_result (patient_id, analyte, sample_date);
CREATE INDEX lab_patient_date ON lab_result (patient_id, sample_date);
CREATE INDEX lab_sample ON lab_result (sample_id);

-- Hard plausibility limits live in the analyte catalogue; enforce them here as well.
CREATE TRIGGER lab_result_plausible_insert BEFORE INSERT ON lab_result
WHEN NEW.value_canonical < (SELECT hard_min FROM analyte WHERE code = NEW.analyte)
  OR NEW.value_canonical > (SELECT hard_max FROM analyte WHERE code = NEW.analyte)
BEGIN
    SELECT RAISE(ABORT, 'lab value outside the analyte''s plausibility limits');
END;
CREATE TRIGGER lab_result_plausible_update BEFORE UPDATE OF value_canonical ON lab_result
WHEN NEW.value_canonical < (SELECT hard_min FROM analyte WHERE code = NEW.analyte)
  OR NEW.value_canonical > (SELECT hard_max FROM analyte WHERE code = NEW.analyte)
BEGIN
    SELECT RAISE(ABORT, 'lab value outside the analyte''s plausibility limits');
END;

CREATE TABLE adverse_event (
    id             TEXT PRIMARY KEY CHECK (length(id) = 36),
    patient_id     TEXT NOT NULL REFERENCES patient(id),
    onset_date     TEXT NOT NULL CHECK (onset_date IS date(onset_date, '+0 days')),
    term           TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 200),
    category       TEXT NOT NULL CHECK (category IN ('infection', 'renal', 'electrolyte',
                       'hypertension', 'metabolic', 'neurological', 'gastrointestinal', 'skin',
                       'haematological', 'other')),
    grade          TEXT NOT NULL CHECK (grade IN ('1', '2', '3', '4', '5')),
    serious        INTEGER NOT NULL CHECK (serious IN (0, 1)),
    relatedness    TEXT NOT NULL CHECK (relatedness IN ('unrelated', 'unlikely', 'possible',
                       'probable', 'definite')),
    action         TEXT CHECK (action IN ('none', 'dose_reduced', 'interrupted', 'withdrawn',
                       'not_applicable')),
    outcome        TEXT CHECK (outcome IN ('resolved', 'resolving', 'not_resolved',
                       'resolved_sequelae', 'fatal', 'unknown')),
    end_date       TEXT CHECK (end_date IS date(end_date, '+0 days')),
    note           TEXT,
    missing        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(missing)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    deleted_reason TEXT,
    CHECK (deleted = 0 OR deleted_reason IS NOT NULL),
    CHECK (end_date IS NULL OR end_date >= onset_date)
) STRICT;
CREATE INDEX adverse_event_patient_onset ON adverse_event (patient_id, onset_date);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at_utc     TEXT NOT NULL,
    user       TEXT NOT NULL,
    action     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id  TEXT,
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT,
    reason     TEXT,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_record ON audit_log (table_name, record_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
