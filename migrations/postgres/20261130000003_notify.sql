-- Live together: every change to the records a window shows is announced on
-- the channel `myochart_changes`, so the other windows of the clinic reload
-- what they show within a moment. A notification reaches every listener on
-- the server, whatever they may read (row-level security does not filter
-- notifications), so it carries the table and ids only, never a name or a
-- note: a listener reads the row itself, and sees it only if allowed.
-- Sent when the transaction commits; nothing is sent for one rolled back.
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(old) ELSE to_jsonb(new) END;
BEGIN
    PERFORM pg_notify('myochart_changes', jsonb_build_object(
        'table', TG_TABLE_NAME,
        'id', changed -> 'id',
        'client', CASE TG_TABLE_NAME WHEN 'clients' THEN changed -> 'id'
                                     ELSE changed -> 'client_id' END,
        'session', CASE TG_TABLE_NAME WHEN 'sessions' THEN changed -> 'id'
                                      ELSE changed -> 'session_id' END
    )::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER clients_announced AFTER INSERT OR UPDATE OR DELETE ON clients
FOR EACH ROW EXECUTE FUNCTION announce_change();
CREATE TRIGGER client_shares_announced AFTER INSERT OR DELETE ON client_shares
FOR EACH ROW EXECUTE FUNCTION announce_change();
CREATE TRIGGER sessions_announced AFTER INSERT OR UPDATE OR DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION announce_change();
CREATE TRIGGER findings_announced AFTER INSERT OR UPDATE OR DELETE ON findings
FOR EACH ROW EXECUTE FUNCTION announce_change();
CREATE TRIGGER amendments_announced AFTER INSERT ON amendments
FOR EACH ROW EXECUTE FUNCTION announce_change();
