-- V13: viewers' access to named plans until a date, and board members' comments on actions.

-- A viewer (an inspector, say) reads only the plans granted here, up to and including expires_on.
CREATE TABLE viewer_grant (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_viewer_grant PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    user_id        bigint      NOT NULL,
    plan_id        bigint      NOT NULL,
    expires_on     date        NOT NULL,
    granted_by     bigint,
    granted_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_viewer_grant UNIQUE (user_id, plan_id),
    CONSTRAINT fk_viewer_grant_user FOREIGN KEY (partnership_id, user_id) REFERENCES app_user (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_viewer_grant_plan FOREIGN KEY (partnership_id, plan_id) REFERENCES plan (partnership_id, id) ON DELETE CASCADE
);
SELECT assure_protect('viewer_grant');

-- A comment is not progress: it changes neither the action's status nor when it was last updated.
CREATE TABLE action_comment (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_action_comment PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    action_id      bigint      NOT NULL,
    external_id    text        NOT NULL CONSTRAINT uq_action_comment_external_id UNIQUE,
    author_user_id bigint,
    author_name    text        NOT NULL,
    body           text        NOT NULL CONSTRAINT ck_action_comment_body CHECK (length(btrim(body)) > 0),
    written_at     timestamptz NOT NULL,
    CONSTRAINT fk_action_comment_action FOREIGN KEY (partnership_id, action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_action_comment_author FOREIGN KEY (partnership_id, author_user_id) REFERENCES app_user (partnership_id, id)
);
CREATE INDEX ix_action_comment_action ON action_comment (partnership_id, action_id, written_at);
SELECT assure_protect('action_comment');
CREATE TRIGGER trg_action_comment_append_only BEFORE UPDATE ON action_comment
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER trg_action_comment_no_delete BEFORE DELETE ON action_comment
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_delete();
