-- The practice's settings (one row) and the handouts given to clients.

CREATE TABLE settings (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    clinic_name    TEXT NOT NULL DEFAULT '',
    therapist_name TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    paper          TEXT NOT NULL DEFAULT 'a4' CHECK (paper IN ('a4', 'letter')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO settings (id) VALUES (1);

-- What was handed to whom, when, and where the PDF was saved. A record of care:
-- never changed or removed.
CREATE TABLE handouts (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions (id),
    client_id        INTEGER NOT NULL REFERENCES clients (id),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    paper            TEXT NOT NULL CHECK (paper IN ('a4', 'letter')),
    file_path        TEXT NOT NULL,
    next_appointment TEXT NOT NULL DEFAULT '',
    advice           TEXT NOT NULL DEFAULT ''
);

CREATE INDEX handouts_by_client ON handouts (client_id, created_at);

CREATE TRIGGER handouts_are_immutable BEFORE UPDATE ON handouts BEGIN
    SELECT RAISE(ABORT, 'handouts are a record and are never changed');
END;

CREATE TRIGGER handouts_are_kept BEFORE DELETE ON handouts BEGIN
    SELECT RAISE(ABORT, 'handouts are a record and are never changed');
END;
