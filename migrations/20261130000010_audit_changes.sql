-- What each change replaced: the fields that changed, by their form names, as
-- `{"field": {"old": ..., "new": ...}}`, so a changed health history, a removed
-- contraindication or a cleared red flag can be read back. Adding a column
-- rewrites no row: the log stays append-only.

ALTER TABLE audit_log ADD COLUMN changes TEXT NOT NULL DEFAULT '{}';
