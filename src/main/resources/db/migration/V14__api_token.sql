-- V14: personal API tokens. A person makes a token on their account page and a program sends it as
-- "Authorization: Bearer <token>"; the program then acts as that person, with their role and agency as they are at
-- each request. Only the token's SHA-256 is kept: the token itself is shown once, when it is made.
CREATE TABLE api_token (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_api_token PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    external_id    text        NOT NULL CONSTRAINT uq_api_token_external_id UNIQUE,
    user_id        bigint      NOT NULL,
    name           text        NOT NULL CONSTRAINT ck_api_token_name CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    token_hash     bytea       NOT NULL CONSTRAINT uq_api_token_hash UNIQUE,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    last_used_at   timestamptz,
    revoked_at     timestamptz,
    CONSTRAINT fk_api_token_user FOREIGN KEY (partnership_id, user_id) REFERENCES app_user (partnership_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_api_token_user ON api_token (partnership_id, user_id);
SELECT assure_protect('api_token');

-- A request with a token names no partnership until the token is found: this finds it as the owner and answers
-- only whose it is, and only while it stands (not revoked, not expired, its user enabled).
CREATE FUNCTION assure_api_token_owner(hash bytea, at timestamptz)
    RETURNS TABLE (partnership_id bigint, user_id bigint, token_id bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT t.partnership_id, t.user_id, t.id FROM public.api_token t
    JOIN public.app_user u ON u.partnership_id = t.partnership_id AND u.id = t.user_id
    WHERE t.token_hash = hash AND t.revoked_at IS NULL AND t.expires_at > at AND u.enabled
$$;
