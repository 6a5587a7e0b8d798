-- V12: invitations. An admin invites a person by email; the link in the email carries a random token, and only
-- the token's SHA-256 hash is kept here, so a copy of this table cannot be turned into a working link. A link
-- works once (accepted_at is set by a conditional UPDATE, so two racing requests cannot both use it) and for
-- seven days; re-sending replaces the hash, so the old link stops working. Like every partnership table, the
-- invitation refers to its agency and its people through (partnership_id, id).
CREATE TABLE invitation (
    id               bigint      GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_invitation PRIMARY KEY,
    partnership_id   bigint      NOT NULL CONSTRAINT fk_invitation_partnership REFERENCES partnership (id),
    external_id      text        NOT NULL CONSTRAINT uq_invitation_external_id UNIQUE,
    email            text        NOT NULL,
    display_name     text        NOT NULL,
    role             text        NOT NULL CONSTRAINT ck_invitation_role CHECK (role IN ('ADMIN', 'LEAD', 'BOARD', 'VIEWER')),
    agency_id        bigint,
    invited_by       bigint      NOT NULL,
    token_hash       bytea       NOT NULL CONSTRAINT uq_invitation_token_hash UNIQUE,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_user_id bigint,
    revoked_at       timestamptz,
    CONSTRAINT uq_invitation_partnership_id UNIQUE (partnership_id, id),
    CONSTRAINT fk_invitation_agency FOREIGN KEY (partnership_id, agency_id) REFERENCES agency (partnership_id, id),
    CONSTRAINT fk_invitation_invited_by FOREIGN KEY (partnership_id, invited_by) REFERENCES app_user (partnership_id, id),
    CONSTRAINT fk_invitation_accepted_user FOREIGN KEY (partnership_id, accepted_user_id)
        REFERENCES app_user (partnership_id, id),
    CONSTRAINT ck_invitation_token_hash CHECK (octet_length(token_hash) = 32),
    CONSTRAINT ck_invitation_expiry CHECK (expires_at > created_at),
    -- an agency only for a lead: it is what a lead's permissions are decided by
    CONSTRAINT ck_invitation_agency_for_lead CHECK (agency_id IS NULL OR role = 'LEAD'),
    -- used or withdrawn, never both; only a used one names the account it made (set in the same transaction)
    CONSTRAINT ck_invitation_accepted_or_revoked CHECK (accepted_at IS NULL OR revoked_at IS NULL),
    CONSTRAINT ck_invitation_accepted_user CHECK (accepted_user_id IS NULL OR accepted_at IS NOT NULL)
);

-- Email is the sign-in name and unique across all accounts (uq_app_user_email), so one email has at most one
-- invitation still open, in any partnership: inviting it again is a re-send of that one.
CREATE UNIQUE INDEX uq_invitation_open_email ON invitation (lower(email))
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX ix_invitation_partnership ON invitation (partnership_id, created_at);

SELECT assure_protect('invitation');

-- The invite form must know whether an email is taken anywhere (it is the sign-in name), but an admin's request
-- sees only their own partnership's rows: these answer yes or no, as the owner, and show nothing else.
CREATE FUNCTION assure_email_has_account(address text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM public.app_user WHERE lower(email) = lower(address))
$$;
CREATE FUNCTION assure_email_has_open_invitation(address text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM public.invitation
                   WHERE lower(email) = lower(address) AND accepted_at IS NULL AND revoked_at IS NULL)
$$;
