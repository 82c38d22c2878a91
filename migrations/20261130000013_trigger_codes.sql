-- Every error a trigger raises starts with a code in brackets, "[signed-note] ...":
-- the store recognises the code (store/error.rs), never the wording, so a message
-- can be reworded here without breaking the app. Each trigger is recreated as it
-- was, with its message coded.

DROP TRIGGER amendments_are_immutable;
CREATE TRIGGER amendments_are_immutable BEFORE UPDATE ON amendments BEGIN
    SELECT RAISE(ABORT, '[record-kept] amendments are never changed');
END;

DROP TRIGGER amendments_are_kept;
CREATE TRIGGER amendments_are_kept BEFORE DELETE ON amendments BEGIN
    SELECT RAISE(ABORT, '[record-kept] amendments are never changed');
END;

DROP TRIGGER amendments_only_to_signed_notes;
CREATE TRIGGER amendments_only_to_signed_notes BEFORE INSERT ON amendments
WHEN (SELECT status FROM sessions WHERE id = new.session_id) IS NOT 'signed' BEGIN
    SELECT RAISE(ABORT, '[draft-note] only a signed note is amended');
END;

DROP TRIGGER audit_log_is_append_only_delete;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, '[record-kept] the audit log is append-only');
END;

DROP TRIGGER audit_log_is_append_only_update;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, '[record-kept] the audit log is append-only');
END;

DROP TRIGGER checks_of_signed_notes_are_kept;
CREATE TRIGGER checks_of_signed_notes_are_kept BEFORE DELETE ON session_checks
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER clients_are_kept;
CREATE TRIGGER clients_are_kept BEFORE DELETE ON clients BEGIN
    SELECT RAISE(ABORT, '[record-kept] records are kept: mark them deleted');
END;

DROP TRIGGER findings_are_kept;
CREATE TRIGGER findings_are_kept BEFORE DELETE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) <> 'signed' BEGIN
    SELECT RAISE(ABORT, '[record-kept] records are kept: mark them deleted');
END;

DROP TRIGGER findings_of_signed_notes_delete;
CREATE TRIGGER findings_of_signed_notes_delete BEFORE DELETE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER findings_of_signed_notes_insert;
CREATE TRIGGER findings_of_signed_notes_insert BEFORE INSERT ON findings
WHEN (SELECT status FROM sessions WHERE id = new.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER findings_of_signed_notes_update;
CREATE TRIGGER findings_of_signed_notes_update BEFORE UPDATE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER findings_stay_out_of_signed_notes;
CREATE TRIGGER findings_stay_out_of_signed_notes BEFORE UPDATE OF session_id ON findings
WHEN (SELECT status FROM sessions WHERE id = new.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER handouts_are_immutable;
CREATE TRIGGER handouts_are_immutable BEFORE UPDATE ON handouts BEGIN
    SELECT RAISE(ABORT, '[record-kept] handouts are a record and are never changed');
END;

DROP TRIGGER handouts_are_kept;
CREATE TRIGGER handouts_are_kept BEFORE DELETE ON handouts BEGIN
    SELECT RAISE(ABORT, '[record-kept] handouts are a record and are never changed');
END;

DROP TRIGGER practice_log_signed_are_kept;
CREATE TRIGGER practice_log_signed_are_kept BEFORE DELETE ON practice_log
WHEN old.signed_off_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, '[signed-entry] a signed-off log entry is locked');
END;

DROP TRIGGER practice_log_signed_are_locked;
CREATE TRIGGER practice_log_signed_are_locked BEFORE UPDATE ON practice_log
WHEN old.signed_off_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, '[signed-entry] a signed-off log entry is locked');
END;

DROP TRIGGER sessions_are_kept;
CREATE TRIGGER sessions_are_kept BEFORE DELETE ON sessions
WHEN old.status <> 'signed' BEGIN
    SELECT RAISE(ABORT, '[record-kept] records are kept: mark them deleted');
END;

DROP TRIGGER sessions_signed_are_immutable;
CREATE TRIGGER sessions_signed_are_immutable BEFORE UPDATE ON sessions
WHEN old.status = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;

DROP TRIGGER sessions_signed_are_kept;
CREATE TRIGGER sessions_signed_are_kept BEFORE DELETE ON sessions
WHEN old.status = 'signed' BEGIN
    SELECT RAISE(ABORT, '[signed-note] a signed note is immutable; add an amendment instead');
END;
