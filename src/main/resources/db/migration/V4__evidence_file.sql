-- A file given as evidence with a progress update: kept in the database with the update, so that a backup of
-- the database is a backup of the evidence. Never served inline; always as a download.
ALTER TABLE progress_update ADD CONSTRAINT uq_progress_update_partnership_id UNIQUE (partnership_id, id);

CREATE TABLE evidence_file (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_evidence_file PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    update_id      bigint      NOT NULL,
    external_id    text        NOT NULL CONSTRAINT uq_evidence_file_external_id UNIQUE,
    file_name      text        NOT NULL,
    content_type   text        NOT NULL,
    size_bytes     bigint      NOT NULL,
    content        bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT fk_evidence_file_update FOREIGN KEY (partnership_id, update_id)
        REFERENCES progress_update (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_evidence_file_update ON evidence_file (update_id);
