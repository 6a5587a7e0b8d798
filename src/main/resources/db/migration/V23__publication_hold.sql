-- V23: the published version of a board pack (issue 14). An admin marks what must not be published: a whole action,
-- one of its narrative fields, or one progress update. The mark is a row here, never a change to the action or its
-- append-only history, so unmarking restores exactly what was there; each mark and unmark is an audit event.
CREATE TABLE publication_hold (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_publication_hold PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    action_id      bigint      NOT NULL,
    -- ACTION: the whole action; TEXT, EXPECTED_IMPACT, EVIDENCE_OF_IMPACT: that field; UPDATE: the update named
    item           text        NOT NULL,
    update_id      bigint,
    held_by        bigint,
    held_at        timestamptz NOT NULL,
    CONSTRAINT ck_publication_hold_item CHECK (item IN ('ACTION', 'TEXT', 'EXPECTED_IMPACT', 'EVIDENCE_OF_IMPACT', 'UPDATE')),
    CONSTRAINT ck_publication_hold_update CHECK ((item = 'UPDATE') = (update_id IS NOT NULL)),
    CONSTRAINT fk_publication_hold_action FOREIGN KEY (partnership_id, action_id)
        REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_publication_hold_update FOREIGN KEY (partnership_id, update_id)
        REFERENCES progress_update (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_publication_hold_held_by FOREIGN KEY (partnership_id, held_by) REFERENCES app_user (partnership_id, id)
);
CREATE UNIQUE INDEX uq_publication_hold_item ON publication_hold (action_id, item, coalesce(update_id, 0));
CREATE INDEX ix_publication_hold_update ON publication_hold (update_id) WHERE update_id IS NOT NULL;
SELECT assure_protect('publication_hold');
