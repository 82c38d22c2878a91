-- How long a protected database stays open with no one at the keyboard.
ALTER TABLE settings ADD COLUMN auto_lock_minutes INTEGER NOT NULL DEFAULT 10
    CHECK (auto_lock_minutes BETWEEN 1 AND 240);
