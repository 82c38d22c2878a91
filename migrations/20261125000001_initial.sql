-- Clients, sessions with their SOAP notes, findings, amendments and the audit log.
-- Timestamps are UTC ISO-8601 text; dates are YYYY-MM-DD text. Deletes are soft.

CREATE TABLE clients (
    id            INTEGER PRIMARY KEY,
    first_name    TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    last_name     TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    -- Folded name, phone and e-mail (see src/search.rs) and the list's order.
    search_key    TEXT NOT NULL,
    sort_key      TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at    TEXT
);

CREATE INDEX clients_by_sort_key ON clients (sort_key) WHERE deleted_at IS NULL;

-- Substring search as you type: a trigram index over the folded search key,
-- kept in step with the clients table by triggers.
CREATE VIRTUAL TABLE clients_search USING fts5 (
    search_key, content = 'clients', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER clients_search_update AFTER UPDATE OF search_key ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
    INSERT INTO clients_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, search_key)
        VALUES ('delete', old.id, old.search_key);
END;

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    session_date TEXT NOT NULL,
    therapist    TEXT NOT NULL DEFAULT '',
    subjective   TEXT NOT NULL DEFAULT '',
    objective    TEXT NOT NULL DEFAULT '',
    assessment   TEXT NOT NULL DEFAULT '',
    plan         TEXT NOT NULL DEFAULT '',
    pain_before  INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after   INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
    signed_at    TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at   TEXT,
    CHECK ((status = 'signed') = (signed_at IS NOT NULL))
);

CREATE INDEX sessions_by_client ON sessions (client_id, session_date);

-- A signed note is part of the health record: it is never changed again, whatever
-- writes to the database. Corrections are amendments.
CREATE TRIGGER sessions_signed_are_immutable BEFORE UPDATE ON sessions
WHEN old.status = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TRIGGER sessions_signed_are_kept BEFORE DELETE ON sessions
WHEN old.status = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TABLE findings (
    id                  INTEGER PRIMARY KEY,
    session_id          INTEGER NOT NULL REFERENCES sessions (id),
    muscle_id           TEXT NOT NULL,
    muscle_label        TEXT NOT NULL,
    side                TEXT NOT NULL CHECK (side IN ('left', 'right')),
    view                TEXT NOT NULL CHECK (view IN ('front', 'back', 'side')),
    x                   REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
    y                   REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
    tenderness          INTEGER NOT NULL CHECK (tenderness BETWEEN 0 AND 10),
    activity            TEXT NOT NULL CHECK (activity IN ('active', 'latent')),
    referral_reproduced INTEGER NOT NULL DEFAULT 0 CHECK (referral_reproduced IN (0, 1)),
    technique_id        TEXT,
    pressure            TEXT NOT NULL DEFAULT '',
    duration_seconds    INTEGER CHECK (duration_seconds BETWEEN 0 AND 3600),
    response            TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at          TEXT
);

CREATE INDEX findings_by_session ON findings (session_id);

-- The findings of a signed note are part of it.
CREATE TRIGGER findings_of_signed_notes_insert BEFORE INSERT ON findings
WHEN (SELECT status FROM sessions WHERE id = new.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TRIGGER findings_of_signed_notes_update BEFORE UPDATE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TRIGGER findings_of_signed_notes_delete BEFORE DELETE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TABLE amendments (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX amendments_by_session ON amendments (session_id, id);

CREATE TRIGGER amendments_only_to_signed_notes BEFORE INSERT ON amendments
WHEN (SELECT status FROM sessions WHERE id = new.session_id) IS NOT 'signed' BEGIN
    SELECT RAISE(ABORT, 'only a signed note is amended');
END;

CREATE TRIGGER amendments_are_immutable BEFORE UPDATE ON amendments BEGIN
    SELECT RAISE(ABORT, 'amendments are immutable');
END;

CREATE TRIGGER amendments_are_kept BEFORE DELETE ON amendments BEGIN
    SELECT RAISE(ABORT, 'amendments are immutable');
END;

-- Who changed what, when. Append-only.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
