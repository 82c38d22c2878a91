-- Students: the profile (student mode, programme, what the school requires) and
-- the practice log.
--
-- Charted sessions are not copied into the log: they count at query time (see
-- src/store/students.rs), so the log can't drift from the charts. A row with a
-- session_id exists only once a supervisor signs that session off; it then
-- keeps a snapshot of what was signed. Rows without a session_id are entries
-- added by hand.

CREATE TABLE student_profile (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    student_mode      INTEGER NOT NULL DEFAULT 0 CHECK (student_mode IN (0, 1)),
    student_name      TEXT NOT NULL DEFAULT '',
    programme         TEXT NOT NULL DEFAULT '',
    required_sessions INTEGER NOT NULL DEFAULT 0 CHECK (required_sessions BETWEEN 0 AND 10000),
    required_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (required_minutes BETWEEN 0 AND 600000),
    -- Sessions have no duration of their own: a charted session counts this long.
    session_minutes   INTEGER NOT NULL DEFAULT 60 CHECK (session_minutes BETWEEN 1 AND 720),
    -- A JSON array of names.
    supervisors       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(supervisors)),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO student_profile (id) VALUES (1);

CREATE TABLE practice_log (
    id               INTEGER PRIMARY KEY,
    entry_date       TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 720),
    -- Never a name: "C-0007" for a charted client, or the student's own code.
    client_code      TEXT NOT NULL DEFAULT '',
    techniques       TEXT NOT NULL DEFAULT '',
    supervisor       TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    session_id       INTEGER UNIQUE REFERENCES sessions (id),
    signed_off_by    TEXT,
    -- The day the supervisor signed, YYYY-MM-DD.
    signed_off_at    TEXT,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at       TEXT,
    CHECK ((signed_off_by IS NULL) = (signed_off_at IS NULL)),
    -- A session's row is only ever its sign-off.
    CHECK (session_id IS NULL OR signed_off_at IS NOT NULL)
);

CREATE INDEX practice_log_by_date ON practice_log (entry_date) WHERE deleted_at IS NULL;

-- What a supervisor signed is a record for the school: never changed or removed
-- (a soft delete is an update, so it is refused too).
CREATE TRIGGER practice_log_signed_are_locked BEFORE UPDATE ON practice_log
WHEN old.signed_off_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'signed log entry is locked');
END;

CREATE TRIGGER practice_log_signed_are_kept BEFORE DELETE ON practice_log
WHEN old.signed_off_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'signed log entry is locked');
END;
