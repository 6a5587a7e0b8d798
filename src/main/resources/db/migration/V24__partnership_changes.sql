-- V24: which transactions changed a partnership's plans, so that a cache of what a page counts (the dashboard, an
-- agency's actions) can be checked with one index probe instead of counting again (issue 13).
--
-- Each statement that writes a table the lists read notes its transaction once per partnership: a row keyed by the
-- transaction's id, inserted and never updated, so that writers never wait on one another here and a 5,000-action
-- import adds one row, not a chain of row versions. A cache remembers the snapshot it was made under
-- (pg_current_snapshot()); it still holds while no noted transaction of the partnership is invisible to that
-- snapshot (uk.assure.system.PartnershipCache). Rows more than an hour old are removed by the writers themselves,
-- skipping any another writer holds; a writer that removes one has noted itself, so no cache misses the change.

CREATE TABLE partnership_change (
    partnership_id bigint      NOT NULL,
    xid            xid8        NOT NULL DEFAULT pg_current_xact_id(),
    noted_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT pk_partnership_change PRIMARY KEY (partnership_id, xid)
);
SELECT assure_protect('partnership_change');

CREATE FUNCTION assure_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    noted bigint[];
BEGIN
    WITH inserted AS (
        INSERT INTO partnership_change (partnership_id)
        SELECT DISTINCT partnership_id FROM changed_rows
        ON CONFLICT DO NOTHING
        RETURNING partnership_id)
    SELECT array_agg(partnership_id) INTO noted FROM inserted;
    IF noted IS NOT NULL THEN
        -- first write of this transaction to these partnerships: clear their old notes
        DELETE FROM partnership_change c WHERE (c.partnership_id, c.xid) IN (
            SELECT o.partnership_id, o.xid FROM partnership_change o
            WHERE o.partnership_id = ANY (noted) AND o.noted_at < clock_timestamp() - interval '1 hour'
            FOR UPDATE SKIP LOCKED);
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    target text;
BEGIN
    FOREACH target IN ARRAY ARRAY['plan', 'section', 'finding', 'action', 'action_lead', 'action_finding',
                                  'progress_update', 'agency', 'person']
    LOOP
        EXECUTE format('CREATE TRIGGER tr_%1$s_noted_insert AFTER INSERT ON %1$s REFERENCING NEW TABLE AS changed_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION assure_note_change()', target);
        EXECUTE format('CREATE TRIGGER tr_%1$s_noted_update AFTER UPDATE ON %1$s REFERENCING NEW TABLE AS changed_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION assure_note_change()', target);
        EXECUTE format('CREATE TRIGGER tr_%1$s_noted_delete AFTER DELETE ON %1$s REFERENCING OLD TABLE AS changed_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION assure_note_change()', target);
    END LOOP;
END;
$$;

-- One plan's open actions by due date (the overdue list of a plan, the list the dashboard's numbers open): read from
-- the plan's own rows, where the partnership-wide due index made PostgreSQL combine it with every open action due
-- before the day (4,192 rows at 20,000 actions for the 24 shown).
CREATE INDEX ix_action_plan_open_due ON action (plan_id, current_due_date)
    WHERE status IN ('NOT_STARTED', 'IN_PROGRESS');
