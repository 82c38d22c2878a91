-- How the columns of another system's CSV export map to client fields, kept
-- after an import so the next file from the same system comes pre-mapped: a
-- JSON object from a key (the source name the user gave, or the file's header
-- row) to the mapping. In the settings row, so backups and exports carry it.

ALTER TABLE settings ADD COLUMN csv_import_mappings TEXT NOT NULL DEFAULT '{}';
