-- Intake: health history, consent, pressure tolerance and red-flag screening on the
-- client; the therapist's reusable text snippets; and the points a session still
-- has to check (from the finder).

ALTER TABLE clients ADD COLUMN health_history TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN medications TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN contraindications TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN areas_to_avoid TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN pressure_tolerance TEXT NOT NULL DEFAULT 'unknown'
    CHECK (pressure_tolerance IN ('unknown', 'light', 'moderate', 'firm'));
-- Consent: what was agreed, when, and who signed it.
ALTER TABLE clients ADD COLUMN consent_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN consent_date TEXT;
ALTER TABLE clients ADD COLUMN consent_signed_by TEXT NOT NULL DEFAULT '';
-- Red-flag screening: a JSON array of the questions answered "yes", and when the
-- questions were last asked (NULL: never screened).
ALTER TABLE clients ADD COLUMN red_flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(red_flags));
ALTER TABLE clients ADD COLUMN screened_at TEXT;

CREATE TABLE snippets (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT
);

-- Trigger points the finder suggested checking; one goes away when a finding on
-- the same muscle and side is charted, and all go when the note is signed.
CREATE TABLE session_checks (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    muscle_id  TEXT NOT NULL,
    muscle_label TEXT NOT NULL,
    side       TEXT NOT NULL CHECK (side IN ('left', 'right')),
    UNIQUE (session_id, muscle_id, side)
);
