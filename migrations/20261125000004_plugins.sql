-- The plugin registry: every plugin library found in a plugins folder, with the
-- hash the user approved. A library whose hash changes goes back to awaiting
-- approval (approved_at NULL) before the app runs any of its code again.

CREATE TABLE plugins (
    id          INTEGER PRIMARY KEY,
    -- The library file; one row per file.
    path        TEXT NOT NULL UNIQUE,
    -- From plugin.toml, read without loading the library.
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    version     TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    -- Hex SHA-256 of the library file as last seen.
    sha256      TEXT NOT NULL,
    -- When the user approved this very file (this sha256); NULL: awaiting approval.
    approved_at TEXT,
    enabled     INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    -- Why it last failed to probe, load or validate; NULL when it did not.
    last_error  TEXT,
    seen_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
