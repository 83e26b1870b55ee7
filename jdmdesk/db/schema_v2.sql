-- Schema version 2: study user accounts, and visit sign-off with a database-enforced lock.

CREATE TABLE user_account (
    id              TEXT PRIMARY KEY CHECK (length(id) = 36),
    username        TEXT NOT NULL COLLATE NOCASE UNIQUE
                    CHECK (length(username) BETWEEN 2 AND 64),
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    role            TEXT NOT NULL CHECK (role IN ('data_entry', 'reviewer', 'data_manager')),
    password_hash   TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

ALTER TABLE visit ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));
ALTER TABLE visit ADD COLUMN signed_by TEXT;
ALTER TABLE visit ADD COLUMN signed_at TEXT;
ALTER TABLE visit ADD COLUMN signature_meaning TEXT;

-- A signed visit cannot be changed or deleted while it is locked; only an update that clears
-- the lock (an unlock by a data manager) passes.
CREATE TRIGGER visit_locked_update BEFORE UPDATE ON visit
WHEN OLD.locked = 1 AND NEW.locked = 1
BEGIN
    SELECT RAISE(ABORT, 'this visit is signed and locked: a data manager must unlock it');
END;
CREATE TRIGGER visit_locked_delete BEFORE DELETE ON visit
WHEN OLD.locked = 1
BEGIN
    SELECT RAISE(ABORT, 'this visit is signed and locked: a data manager must unlock it');
END;
