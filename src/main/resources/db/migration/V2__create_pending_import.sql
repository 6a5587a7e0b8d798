-- V2: an import waiting for a person to confirm it. The parsed plan is held here between the preview and the
-- confirm (app nodes keep no state), then removed in the same transaction that writes the plan; an abandoned
-- one is removed when it expires. Nothing of an unconfirmed import ever reaches the plan tables.
CREATE TABLE pending_import (
    id              bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_pending_import PRIMARY KEY,
    partnership_id  bigint      NOT NULL CONSTRAINT fk_pending_import_partnership REFERENCES partnership (id),
    external_id     text        NOT NULL CONSTRAINT uq_pending_import_external_id UNIQUE,
    created_by      bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    file_name       text        NOT NULL,
    parsed_plan     jsonb       NOT NULL,
    CONSTRAINT fk_pending_import_user FOREIGN KEY (partnership_id, created_by) REFERENCES app_user (partnership_id, id)
);
CREATE INDEX ix_pending_import_created_at ON pending_import (created_at);
