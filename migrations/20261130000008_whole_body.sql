-- The whole body: the chart has front, back, both sides and the soles.
--
-- Findings may now be on the 'right-side', 'left-side' and 'soles' views. A
-- CHECK constraint can't be altered in SQLite, so the table is rebuilt with its
-- index and triggers. The old 'side' view was the jaw plugin's close-up of the
-- right side of the head (its head from y 0.2 to the chin at 0.6455, from the
-- back of the head at x 0.077 to the nose at 0.893); those findings move to the
-- same place on the head of the whole-body right side (y 0.018 to 0.1415, x
-- 0.34 to 0.63), so a signed chart still shows its points where they were
-- found. Only the drawing changes: the rows are copied, not edited, so the
-- signed-note triggers (recreated below) have nothing to refuse.
CREATE TABLE findings_new (
    id                  INTEGER PRIMARY KEY,
    session_id          INTEGER NOT NULL REFERENCES sessions (id),
    muscle_id           TEXT NOT NULL,
    muscle_label        TEXT NOT NULL,
    side                TEXT NOT NULL CHECK (side IN ('left', 'right')),
    view                TEXT NOT NULL
                        CHECK (view IN ('front', 'back', 'right-side', 'left-side', 'soles')),
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

INSERT INTO findings_new (
    id, session_id, muscle_id, muscle_label, side, view, x, y, tenderness, activity,
    referral_reproduced, technique_id, pressure, duration_seconds, response,
    created_at, updated_at, deleted_at
)
SELECT
    id, session_id, muscle_id, muscle_label, side,
    CASE view WHEN 'side' THEN 'right-side' ELSE view END,
    CASE view WHEN 'side' THEN 0.34 + (x - 0.077) * (0.29 / 0.816) ELSE x END,
    CASE view WHEN 'side' THEN 0.018 + (y - 0.2) * (0.1235 / 0.4455) ELSE y END,
    tenderness, activity, referral_reproduced, technique_id, pressure, duration_seconds,
    response, created_at, updated_at, deleted_at
FROM findings;

DROP TABLE findings;
ALTER TABLE findings_new RENAME TO findings;

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

-- Red-flag screening: which questions were asked. The app now asks thirteen;
-- clients screened before were asked these seven, and the six added since are
-- unasked, not "no", until the next screening.
ALTER TABLE clients ADD COLUMN screened_flags TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(screened_flags));
UPDATE clients
SET screened_flags = '["arm-numbness","sudden-headache","headache-fever-stiff-neck","after-trauma","dizziness-visual","unexplained-lump","spreading-worsening"]'
WHERE screened_at IS NOT NULL;
