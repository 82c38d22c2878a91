-- How the columns of another system's CSV export map to client fields, kept
-- after an import so the next file from the same system comes pre-mapped.
-- Keyed by the source name the user gave, and by the file's header row.

CREATE TABLE csv_import_mappings (
    source_key TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
