-- V22: snapshots and issued board packs (issue 14). A snapshot is what a board saw, so that the next pack can say
-- what changed since: it copies no history it can point at. Updates and findings added since are those past the
-- snapshot's marks (the newest update id of each action, the newest finding id); what cannot be read back from the
-- history (the RAG of the day, worked out from the date) is kept per action in a few small columns, no free text.
-- Both are immutable: a changed snapshot or pack would make the record of a board meeting say something else.

CREATE TABLE report_snapshot (
    id               bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_report_snapshot PRIMARY KEY,
    partnership_id   bigint      NOT NULL CONSTRAINT fk_report_snapshot_partnership REFERENCES partnership (id),
    external_id      text        NOT NULL CONSTRAINT uq_report_snapshot_external_id UNIQUE,
    name             text        NOT NULL CONSTRAINT ck_report_snapshot_name CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    -- the day of the meeting it stands for ("the board of 12 March"); taken_at is when it was taken
    held_on          date        NOT NULL,
    taken_at         timestamptz NOT NULL,
    taken_by         bigint,
    -- one plan, or every plan of the partnership when null
    plan_id          bigint,
    -- findings with a larger id were added since
    last_finding_id  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT uq_report_snapshot_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_report_snapshot_taken_by FOREIGN KEY (partnership_id, taken_by) REFERENCES app_user (partnership_id, id),
    CONSTRAINT fk_report_snapshot_plan FOREIGN KEY (partnership_id, plan_id) REFERENCES plan (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_report_snapshot_partnership ON report_snapshot (partnership_id, taken_at DESC);
SELECT assure_protect('report_snapshot');

-- Each action as it stood: its status, sign-off, RAG, due date in force and revisions, and the newest update then.
CREATE TABLE report_snapshot_action (
    partnership_id   bigint  NOT NULL,
    snapshot_id      bigint  NOT NULL,
    action_id        bigint  NOT NULL,
    status           text    NOT NULL,
    completion       text,
    rag              text    NOT NULL,
    current_due_date date,
    revisions        int     NOT NULL,
    last_update_id   bigint  NOT NULL DEFAULT 0,
    CONSTRAINT pk_report_snapshot_action PRIMARY KEY (snapshot_id, action_id),
    CONSTRAINT fk_report_snapshot_action_snapshot FOREIGN KEY (partnership_id, snapshot_id)
        REFERENCES report_snapshot (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_report_snapshot_action_action FOREIGN KEY (partnership_id, action_id)
        REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT ck_report_snapshot_action_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'SUPERSEDED')),
    CONSTRAINT ck_report_snapshot_action_completion CHECK (completion IN ('CLAIMED', 'CONFIRMED')),
    CONSTRAINT ck_report_snapshot_action_rag CHECK (rag IN ('RED', 'AMBER', 'NO_DUE_DATE', 'GREEN', 'AWAITING_SIGN_OFF', 'COMPLETED', 'CLOSED'))
);
SELECT assure_protect('report_snapshot_action');

-- An issued pack: who issued it, when, against which snapshot, the snapshot it took of itself, and the files as
-- the board received them, so that the pack can be opened again unchanged.
CREATE TABLE board_pack (
    id               bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_board_pack PRIMARY KEY,
    partnership_id   bigint      NOT NULL CONSTRAINT fk_board_pack_partnership REFERENCES partnership (id),
    external_id      text        NOT NULL CONSTRAINT uq_board_pack_external_id UNIQUE,
    issued_at        timestamptz NOT NULL,
    issued_by        bigint,
    issued_by_name   text        NOT NULL,
    compared_with    bigint,
    own_snapshot_id  bigint      NOT NULL,
    next_meeting     date        NOT NULL,
    -- the plans it covers (external ids), decided when it was issued
    plan_ids         text[]      NOT NULL,
    html             bytea       NOT NULL,
    pdf              bytea       NOT NULL,
    docx             bytea       NOT NULL,
    CONSTRAINT uq_board_pack_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_board_pack_issued_by FOREIGN KEY (partnership_id, issued_by) REFERENCES app_user (partnership_id, id),
    CONSTRAINT fk_board_pack_compared_with FOREIGN KEY (partnership_id, compared_with) REFERENCES report_snapshot (partnership_id, id),
    CONSTRAINT fk_board_pack_own_snapshot FOREIGN KEY (partnership_id, own_snapshot_id) REFERENCES report_snapshot (partnership_id, id)
);
CREATE INDEX ix_board_pack_partnership ON board_pack (partnership_id, issued_at DESC);
SELECT assure_protect('board_pack');

CREATE TRIGGER trg_report_snapshot_append_only BEFORE UPDATE ON report_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER trg_report_snapshot_no_delete BEFORE DELETE ON report_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_delete();
CREATE TRIGGER trg_report_snapshot_action_append_only BEFORE UPDATE ON report_snapshot_action
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER trg_report_snapshot_action_no_delete BEFORE DELETE ON report_snapshot_action
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_delete();
CREATE TRIGGER trg_board_pack_append_only BEFORE UPDATE ON board_pack
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER trg_board_pack_no_delete BEFORE DELETE ON board_pack
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_delete();
