-- Records are kept: clients, sessions and findings are marked deleted
-- (`deleted_at`), never removed, whatever program writes to the file. A
-- finding can't be moved into a signed session either (the update trigger
-- checked only the session it left). Suggested checks of a signed session are
-- part of it.

CREATE TRIGGER clients_are_kept BEFORE DELETE ON clients BEGIN
    SELECT RAISE(ABORT, 'records are kept: mark them deleted');
END;

CREATE TRIGGER sessions_are_kept BEFORE DELETE ON sessions
WHEN old.status <> 'signed' BEGIN
    SELECT RAISE(ABORT, 'records are kept: mark them deleted');
END;

CREATE TRIGGER findings_are_kept BEFORE DELETE ON findings
WHEN (SELECT status FROM sessions WHERE id = old.session_id) <> 'signed' BEGIN
    SELECT RAISE(ABORT, 'records are kept: mark them deleted');
END;

CREATE TRIGGER findings_stay_out_of_signed_notes BEFORE UPDATE OF session_id ON findings
WHEN (SELECT status FROM sessions WHERE id = new.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;

CREATE TRIGGER checks_of_signed_notes_are_kept BEFORE DELETE ON session_checks
WHEN (SELECT status FROM sessions WHERE id = old.session_id) = 'signed' BEGIN
    SELECT RAISE(ABORT, 'signed note is immutable');
END;
