-- Moving in: a therapist's solo database imported into the clinic
-- (src/clinic/import.rs, `myochart clinic import`).

-- Each client moved in, by a fingerprint of the solo record (its creation
-- moment and name, hashed), so importing the same database twice, or a copy of
-- it, is refused client by client instead of duplicating records. A hash says
-- nothing of the client to those who can't see them.
CREATE TABLE imported_clients (
    fingerprint text PRIMARY KEY,
    client_id   bigint NOT NULL REFERENCES clients (id),
    imported_by text NOT NULL DEFAULT session_user,
    imported_at text NOT NULL DEFAULT utc_now()
);

GRANT SELECT, INSERT ON imported_clients TO myochart_owner, myochart_therapist, myochart_student;

-- The audit log's history from a solo database: each entry keeps its actor and
-- moment, marked with who imported it. The triggers write the audit log only
-- in the session user's name, and nobody inserts into it directly, so the old
-- entries come in through this function, which runs as the schema's owner.
-- It can't know the entries are true, only who brings them: `imported_by` is
-- always the session user, so an imported entry never passes for the server's
-- own record, and it is only taken for a record the importer charts.
ALTER TABLE audit_log ADD COLUMN imported_by text;

CREATE FUNCTION import_history(entries jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    entry jsonb;
    taken bigint := 0;
    record_id bigint;
    charted boolean;
BEGIN
    FOR entry IN SELECT jsonb_array_elements(entries) LOOP
        record_id := (entry ->> 'entity_id')::bigint;
        -- As the schema's owner every row is seen, but charts() asks about
        -- the session user.
        charted := CASE entry ->> 'entity'
            WHEN 'client' THEN charts_client(record_id)
            WHEN 'session' THEN charts_session(record_id)
            WHEN 'finding' THEN charts_session((SELECT session_id FROM findings WHERE id = record_id))
            WHEN 'check' THEN
                charts_session((SELECT session_id FROM session_checks WHERE id = record_id))
            ELSE false
        END;
        IF NOT charted THEN
            RAISE EXCEPTION '[not-allowed] % % is not a record you chart',
                entry ->> 'entity', record_id;
        END IF;
        INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, changes, imported_by)
        VALUES (entry ->> 'at', entry ->> 'actor', entry ->> 'action', entry ->> 'entity',
                record_id, coalesce(entry ->> 'detail', ''),
                coalesce(entry -> 'changes', '{}'), session_user);
        taken := taken + 1;
    END LOOP;
    RETURN taken;
END
$$;

REVOKE EXECUTE ON FUNCTION import_history FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_history TO myochart_owner, myochart_therapist, myochart_student;
