-- V1: the plan domain.
-- Every table carries partnership_id, and every child refers to its parent through (partnership_id, id),
-- so a row can never point at another partnership's row: isolation is a property of the schema, not only of
-- the queries. External ids (random, URL-safe) are what pages and the API show; database ids never leave.

CREATE TABLE partnership (
    id            bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_partnership PRIMARY KEY,
    partnership_id bigint GENERATED ALWAYS AS (id) STORED,
    external_id   text        NOT NULL CONSTRAINT uq_partnership_external_id UNIQUE,
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agency (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_agency PRIMARY KEY,
    partnership_id bigint NOT NULL CONSTRAINT fk_agency_partnership REFERENCES partnership (id),
    external_id    text   NOT NULL CONSTRAINT uq_agency_external_id UNIQUE,
    name           text   NOT NULL,
    short_name     text,
    CONSTRAINT uq_agency_partnership_id UNIQUE (partnership_id, id)
);
CREATE UNIQUE INDEX uq_agency_name ON agency (partnership_id, lower(name));

-- Aliases are how plans name an agency: 'SBC', 'D. Supt. PVP', 'Chub'.
CREATE TABLE agency_alias (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_agency_alias PRIMARY KEY,
    partnership_id bigint NOT NULL,
    agency_id      bigint NOT NULL,
    alias          text   NOT NULL,
    CONSTRAINT fk_agency_alias_agency FOREIGN KEY (partnership_id, agency_id)
        REFERENCES agency (partnership_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uq_agency_alias ON agency_alias (partnership_id, lower(alias));

-- A lead may be a person with no account.
CREATE TABLE person (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_person PRIMARY KEY,
    partnership_id bigint NOT NULL CONSTRAINT fk_person_partnership REFERENCES partnership (id),
    external_id    text   NOT NULL CONSTRAINT uq_person_external_id UNIQUE,
    name           text   NOT NULL,
    job_title      text,
    email          text,
    agency_id      bigint,
    CONSTRAINT uq_person_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_person_agency FOREIGN KEY (partnership_id, agency_id) REFERENCES agency (partnership_id, id)
);

-- "user" is reserved in PostgreSQL, hence app_user. Email is unique across partnerships: it is the sign-in name.
CREATE TABLE app_user (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_app_user PRIMARY KEY,
    partnership_id bigint      NOT NULL CONSTRAINT fk_app_user_partnership REFERENCES partnership (id),
    external_id    text        NOT NULL CONSTRAINT uq_app_user_external_id UNIQUE,
    email          text        NOT NULL,
    display_name   text        NOT NULL,
    password_hash  text,
    role           text        NOT NULL CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'LEAD', 'BOARD', 'VIEWER')),
    agency_id      bigint,
    person_id      bigint,
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_app_user_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_app_user_agency FOREIGN KEY (partnership_id, agency_id) REFERENCES agency (partnership_id, id),
    CONSTRAINT fk_app_user_person FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
);
CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email));

-- Governance bodies that oversee actions: 'LSCB Executive', 'MASH Board'.
CREATE TABLE body (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_body PRIMARY KEY,
    partnership_id bigint NOT NULL CONSTRAINT fk_body_partnership REFERENCES partnership (id),
    external_id    text   NOT NULL CONSTRAINT uq_body_external_id UNIQUE,
    name           text   NOT NULL,
    CONSTRAINT uq_body_partnership_id UNIQUE (partnership_id, id)
);
CREATE UNIQUE INDEX uq_body_name ON body (partnership_id, lower(name));

CREATE TABLE body_alias (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_body_alias PRIMARY KEY,
    partnership_id bigint NOT NULL,
    body_id        bigint NOT NULL,
    alias          text   NOT NULL,
    CONSTRAINT fk_body_alias_body FOREIGN KEY (partnership_id, body_id)
        REFERENCES body (partnership_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uq_body_alias ON body_alias (partnership_id, lower(alias));

CREATE TABLE plan (
    id                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_plan PRIMARY KEY,
    partnership_id    bigint      NOT NULL CONSTRAINT fk_plan_partnership REFERENCES partnership (id),
    external_id       text        NOT NULL CONSTRAINT uq_plan_external_id UNIQUE,
    title             text        NOT NULL,
    kind              text        NOT NULL CONSTRAINT ck_plan_kind CHECK (kind IN ('INSPECTION', 'REVIEW', 'AUDIT', 'BUSINESS_PLAN', 'OTHER')),
    source            text,
    area              text,
    version_label     text,
    lead_officer      text,
    status            text        NOT NULL DEFAULT 'ACTIVE' CONSTRAINT ck_plan_status CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED')),
    issued_on         date,
    preamble          text,
    success_criteria  text,
    measures          text,
    -- the plan's own status words, in the order the plan lists them ('Behind schedule', 'On track', 'Completed')
    status_vocabulary text[]      NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_plan_partnership_id UNIQUE (partnership_id, id)
);

CREATE TABLE plan_glossary_term (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_plan_glossary_term PRIMARY KEY,
    partnership_id bigint NOT NULL,
    plan_id        bigint NOT NULL,
    position       int    NOT NULL,
    term           text   NOT NULL,
    meaning        text   NOT NULL,
    CONSTRAINT fk_plan_glossary_term_plan FOREIGN KEY (partnership_id, plan_id)
        REFERENCES plan (partnership_id, id) ON DELETE CASCADE
);

-- Links to other plans: to a plan held here, or by name to one that is not ('Children and Young People's Plan').
CREATE TABLE plan_link (
    id              bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_plan_link PRIMARY KEY,
    partnership_id  bigint NOT NULL,
    plan_id         bigint NOT NULL,
    linked_plan_id  bigint,
    label           text   NOT NULL,
    CONSTRAINT fk_plan_link_plan FOREIGN KEY (partnership_id, plan_id)
        REFERENCES plan (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_link_linked_plan FOREIGN KEY (partnership_id, linked_plan_id)
        REFERENCES plan (partnership_id, id)
);

CREATE TABLE section (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_section PRIMARY KEY,
    partnership_id bigint NOT NULL,
    plan_id        bigint NOT NULL,
    position       int    NOT NULL,
    ref            text,
    title          text   NOT NULL,
    description    text,
    CONSTRAINT uq_section_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT uq_section_position UNIQUE (plan_id, position),
    CONSTRAINT fk_section_plan FOREIGN KEY (partnership_id, plan_id) REFERENCES plan (partnership_id, id) ON DELETE CASCADE
);

CREATE TABLE finding (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_finding PRIMARY KEY,
    partnership_id bigint NOT NULL,
    plan_id        bigint NOT NULL,
    section_id     bigint,
    external_id    text   NOT NULL CONSTRAINT uq_finding_external_id UNIQUE,
    position       int    NOT NULL,
    ref            text,
    kind           text   NOT NULL DEFAULT 'FINDING'
        CONSTRAINT ck_finding_kind CHECK (kind IN ('FINDING', 'AREA_FOR_IMPROVEMENT', 'RECOMMENDATION', 'OBJECTIVE', 'PRIORITY')),
    text           text   NOT NULL,
    CONSTRAINT uq_finding_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_finding_plan FOREIGN KEY (partnership_id, plan_id) REFERENCES plan (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_section FOREIGN KEY (partnership_id, section_id) REFERENCES section (partnership_id, id)
);

-- The original due date is what the plan first said; the current one follows dated, attributed revisions in
-- progress_update. current_* and status are the state derived from that history, kept on the row (in the same
-- transaction as the update that changes them) so that lists and dashboards need no replay; version is the
-- optimistic lock that refuses a stale write.
CREATE TABLE action (
    id                      bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_action PRIMARY KEY,
    partnership_id          bigint      NOT NULL,
    plan_id                 bigint      NOT NULL,
    section_id              bigint,
    external_id             text        NOT NULL CONSTRAINT uq_action_external_id UNIQUE,
    position                int         NOT NULL,
    ref                     text,
    text                    text        NOT NULL,
    lead_raw                text,
    oversight_raw           text,
    oversight_body_id       bigint,
    expected_impact         text,
    evidence_of_impact      text,
    original_due_raw        text,
    original_due_date       date,
    original_due_precision  text        NOT NULL DEFAULT 'UNKNOWN',
    original_due_start      date,
    original_due_note       text,
    current_due_raw         text,
    current_due_date        date,
    current_due_precision   text        NOT NULL DEFAULT 'UNKNOWN',
    current_due_start       date,
    current_due_note        text,
    initial_status          text        NOT NULL DEFAULT 'NOT_STARTED',
    status                  text        NOT NULL DEFAULT 'NOT_STARTED',
    status_word             text,
    declared_rag            text,
    declared_rag_reason     text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    last_update_at          timestamptz,
    version                 int         NOT NULL DEFAULT 0,
    CONSTRAINT uq_action_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_action_plan FOREIGN KEY (partnership_id, plan_id) REFERENCES plan (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_action_section FOREIGN KEY (partnership_id, section_id) REFERENCES section (partnership_id, id),
    CONSTRAINT fk_action_oversight_body FOREIGN KEY (partnership_id, oversight_body_id) REFERENCES body (partnership_id, id),
    CONSTRAINT ck_action_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'SUPERSEDED')),
    CONSTRAINT ck_action_initial_status CHECK (initial_status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'SUPERSEDED')),
    CONSTRAINT ck_action_declared_rag CHECK (declared_rag IN ('RED', 'AMBER', 'GREEN'))
);
CREATE INDEX ix_action_plan ON action (plan_id, position);
CREATE INDEX ix_action_partnership_due ON action (partnership_id, current_due_date);

-- One action can answer several findings.
CREATE TABLE action_finding (
    partnership_id bigint NOT NULL,
    action_id      bigint NOT NULL,
    finding_id     bigint NOT NULL,
    CONSTRAINT pk_action_finding PRIMARY KEY (action_id, finding_id),
    CONSTRAINT fk_action_finding_action FOREIGN KEY (partnership_id, action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_action_finding_finding FOREIGN KEY (partnership_id, finding_id) REFERENCES finding (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_action_finding_finding ON action_finding (finding_id);

-- Leads: an agency, a person, or both ('Kay Nicolson, Deputy Director' of the CRC).
CREATE TABLE action_lead (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_action_lead PRIMARY KEY,
    partnership_id bigint NOT NULL,
    action_id      bigint NOT NULL,
    position       int    NOT NULL,
    agency_id      bigint,
    person_id      bigint,
    CONSTRAINT ck_action_lead_someone CHECK (agency_id IS NOT NULL OR person_id IS NOT NULL),
    CONSTRAINT fk_action_lead_action FOREIGN KEY (partnership_id, action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_action_lead_agency FOREIGN KEY (partnership_id, agency_id) REFERENCES agency (partnership_id, id),
    CONSTRAINT fk_action_lead_person FOREIGN KEY (partnership_id, person_id) REFERENCES person (partnership_id, id)
);
CREATE INDEX ix_action_lead_action ON action_lead (action_id);
CREATE INDEX ix_action_lead_agency ON action_lead (agency_id);

-- "See also 2.16": links between actions, within a plan or across plans of the same partnership.
CREATE TABLE action_link (
    id                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_action_link PRIMARY KEY,
    partnership_id    bigint NOT NULL,
    action_id         bigint NOT NULL,
    linked_action_id  bigint NOT NULL,
    note              text,
    CONSTRAINT uq_action_link UNIQUE (action_id, linked_action_id),
    CONSTRAINT ck_action_link_not_self CHECK (action_id <> linked_action_id),
    CONSTRAINT fk_action_link_action FOREIGN KEY (partnership_id, action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_action_link_linked FOREIGN KEY (partnership_id, linked_action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE
);

-- The history of an action: append only. Who, when, what they said, the status after, any revised due date
-- with its reason, any declared RAG with its reason, any evidence.
CREATE TABLE progress_update (
    id                      bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_progress_update PRIMARY KEY,
    partnership_id          bigint      NOT NULL,
    action_id               bigint      NOT NULL,
    external_id             text        NOT NULL CONSTRAINT uq_progress_update_external_id UNIQUE,
    author_user_id          bigint,
    author_name             text        NOT NULL,
    recorded_at             timestamptz NOT NULL,
    narrative               text        NOT NULL CONSTRAINT ck_progress_update_narrative CHECK (length(btrim(narrative)) > 0),
    status_before           text        NOT NULL,
    status_after            text        NOT NULL,
    status_word             text,
    status_reason           text,
    revised_due_raw         text,
    revised_due_date        date,
    revised_due_precision   text,
    revised_due_start       date,
    revised_due_note        text,
    revision_reason         text,
    declared_rag            text,
    declared_rag_reason     text,
    evidence_url            text,
    CONSTRAINT fk_progress_update_action FOREIGN KEY (partnership_id, action_id) REFERENCES action (partnership_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_progress_update_author FOREIGN KEY (partnership_id, author_user_id) REFERENCES app_user (partnership_id, id),
    CONSTRAINT ck_progress_update_revision_reason CHECK (revised_due_precision IS NULL OR length(btrim(coalesce(revision_reason, ''))) > 0),
    CONSTRAINT ck_progress_update_declared_rag CHECK (declared_rag IN ('RED', 'AMBER', 'GREEN'))
);
CREATE INDEX ix_progress_update_action ON progress_update (action_id, recorded_at);

-- Who did what, when, with the before and after. Hash-chained in a later migration; append only from the start.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_audit_event PRIMARY KEY,
    partnership_id bigint,
    occurred_at    timestamptz NOT NULL,
    actor_user_id  bigint,
    actor          text        NOT NULL,
    event_type     text        NOT NULL,
    object_type    text,
    object_id      text,
    before_state   jsonb,
    after_state    jsonb
);
CREATE INDEX ix_audit_event_partnership ON audit_event (partnership_id, occurred_at);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Deleting a whole plan cascades to its history; deleting one update on its own is refused. A cascade runs
-- inside the foreign key's own trigger, so it arrives here at trigger depth 2.
CREATE FUNCTION refuse_direct_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION '% is append only: DELETE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER trg_progress_update_append_only BEFORE UPDATE ON progress_update
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER trg_progress_update_no_delete BEFORE DELETE ON progress_update
    FOR EACH ROW EXECUTE FUNCTION refuse_direct_delete();
CREATE TRIGGER trg_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
