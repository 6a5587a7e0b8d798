-- V19: an honest RAG (issue 12). A revised due date is a request until an admin or a member of the action's
-- oversight body accepts it; a lead's "completed" is a claim until someone else signs it off; a lead's own word
-- that an action is behind counts; and each partnership chooses whether revisions need accepting and whether a
-- completion needs evidence. The action row keeps the derived state (as V1 does for status and current due), so
-- lists and dashboards filter and count it in SQL; progress_update keeps every step.

-- Each partnership's rules, changed in Manage → Settings. The defaults are the strict ones.
ALTER TABLE partnership
    ADD COLUMN revisions_need_acceptance boolean NOT NULL DEFAULT true,
    ADD COLUMN completion_needs_evidence boolean NOT NULL DEFAULT true;

-- Who sits on an oversight body: they may accept revisions and sign off completions of the actions it oversees.
CREATE TABLE body_member (
    partnership_id bigint NOT NULL,
    body_id        bigint NOT NULL,
    user_id        bigint NOT NULL,
    CONSTRAINT pk_body_member PRIMARY KEY (body_id, user_id),
    CONSTRAINT fk_body_member_body FOREIGN KEY (partnership_id, body_id) REFERENCES body (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_body_member_user FOREIGN KEY (partnership_id, user_id) REFERENCES app_user (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_body_member_user ON body_member (partnership_id, user_id);
SELECT assure_protect('body_member');

ALTER TABLE action
    -- a Completed action is CLAIMED (awaiting sign-off) or CONFIRMED; no other action has a completion
    ADD COLUMN completion              text,
    ADD COLUMN completion_claimed_by   bigint,
    ADD COLUMN completion_claimed_at   timestamptz,
    ADD COLUMN completion_confirmed_at timestamptz,
    -- asked at sign-off: is the evidence of impact in? (false: not yet, look again on impact_review_on)
    ADD COLUMN impact_evidenced        boolean,
    ADD COLUMN impact_review_on        date,
    -- a revised due date asked for and not yet accepted; current_due_* stays the date in force meanwhile
    ADD COLUMN requested_due_raw       text,
    ADD COLUMN requested_due_date      date,
    ADD COLUMN requested_due_precision text,
    ADD COLUMN requested_due_start     date,
    ADD COLUMN requested_due_note      text,
    ADD COLUMN requested_due_reason    text,
    ADD COLUMN requested_due_by        bigint,
    ADD COLUMN requested_due_update_id text,
    -- accepted revisions of the due date: "revised twice"
    ADD COLUMN revisions               int NOT NULL DEFAULT 0,
    -- the lead's own word that the action is behind ("Behind schedule", "Delayed", "At risk"), and since when
    ADD COLUMN off_track_since         date,
    ADD COLUMN off_track_word          text,
    ADD CONSTRAINT ck_action_completion CHECK (completion IN ('CLAIMED', 'CONFIRMED')),
    ADD CONSTRAINT ck_action_completion_status CHECK ((status = 'COMPLETED') = (completion IS NOT NULL)),
    ADD CONSTRAINT ck_action_impact_review CHECK (impact_evidenced IS DISTINCT FROM false OR impact_review_on IS NOT NULL),
    ADD CONSTRAINT ck_action_requested_due_reason CHECK (requested_due_precision IS NULL OR requested_due_reason IS NOT NULL),
    ADD CONSTRAINT fk_action_completion_claimed_by FOREIGN KEY (partnership_id, completion_claimed_by) REFERENCES app_user (partnership_id, id),
    ADD CONSTRAINT fk_action_requested_due_by FOREIGN KEY (partnership_id, requested_due_by) REFERENCES app_user (partnership_id, id);

-- What each step of the history was, beyond an ordinary update: the step itself is the row (append only).
ALTER TABLE progress_update
    ADD COLUMN step             text,
    ADD COLUMN off_track        boolean,
    ADD COLUMN impact_evidenced boolean,
    ADD COLUMN impact_review_on date,
    ADD CONSTRAINT ck_progress_update_step CHECK (step IN ('COMPLETION_CLAIMED', 'COMPLETION_CONFIRMED',
        'COMPLETION_SENT_BACK', 'REVISION_REQUESTED', 'REVISION_ACCEPTED', 'REVISION_REFUSED'));

-- Before this migration nobody signed anything off: what was completed stays completed, as confirmed, and each
-- revision already recorded counts as accepted.
UPDATE action SET completion = 'CONFIRMED', completion_confirmed_at = coalesce(last_update_at, created_at)
WHERE status = 'COMPLETED';
UPDATE action a SET revisions = r.n
FROM (SELECT action_id, count(*) AS n FROM progress_update WHERE revised_due_precision IS NOT NULL GROUP BY action_id) r
WHERE r.action_id = a.id;
-- The plan's own words for "behind" (or a Red or Amber the lead declared) are the lead's judgement.
UPDATE action SET off_track_since = coalesce(last_update_at, created_at)::date,
                  off_track_word = CASE WHEN status_word ~* '^\s*(behind[\s_-]+schedule|delayed|at[\s_-]+risk)' THEN status_word END
WHERE status IN ('NOT_STARTED', 'IN_PROGRESS')
  AND (status_word ~* '^\s*(behind[\s_-]+schedule|delayed|at[\s_-]+risk)' OR declared_rag IN ('RED', 'AMBER'));

-- The lists these feed: awaiting sign-off, impact not yet evidenced, slipped, and pending revisions.
CREATE INDEX ix_action_completion ON action (partnership_id, completion) WHERE completion IS NOT NULL;
CREATE INDEX ix_action_requested_due ON action (partnership_id) WHERE requested_due_precision IS NOT NULL;
