-- Every write of a draft note bumps its revision. A write says which revision
-- its text was typed over, so a window (or the CLI) never silently overwrites
-- what another one saved since.
ALTER TABLE sessions ADD COLUMN note_revision INTEGER NOT NULL DEFAULT 0;
