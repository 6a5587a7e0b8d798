-- The audit chain becomes keyed: from here on each event's hash is an HMAC-SHA256 under a key from the app's
-- configuration (ASSURE_AUDIT_KEY), which the database does not hold, so that the table's owner can no longer
-- change an event and recompute the chain forward. Events already written keep their unkeyed SHA-256 hashes and
-- stay verifiable as they are; the keyed chain starts after the newest of them and is anchored on its hash, so
-- rewriting the old part also breaks the first keyed event (docs/adr/0009-keyed-audit-chain.md).
--
-- audit_chain is the one record of where the keyed chain starts: its id (named in every checkpoint written outside
-- the database), the first keyed event, the hash it follows (the newest unkeyed event's, or on a database with
-- none the SHA-256 of 'assure audit chain <id>'), and a check value of the key (set by the app at its
-- first start) so that a start with another key is refused rather than writing a chain nobody can verify.
CREATE TABLE audit_chain (
    chain_id   uuid        NOT NULL DEFAULT gen_random_uuid() CONSTRAINT pk_audit_chain PRIMARY KEY,
    keyed_from bigint      NOT NULL,
    anchor     text        NOT NULL,
    key_check  text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX uq_audit_chain_one ON audit_chain ((true));

-- Append only, as audit_event is; the one change allowed is giving the key's check value once.
CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.key_check IS NULL AND NEW.key_check IS NOT NULL AND NEW.chain_id = OLD.chain_id
            AND NEW.keyed_from = OLD.keyed_from AND NEW.anchor = OLD.anchor AND NEW.created_at = OLD.created_at THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain is append only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER trg_audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();

DO $$
DECLARE
    v_first_hashed bigint;
    v_keyed_from   bigint;
    v_newest_hash  text;
    v_chain        uuid := gen_random_uuid();
BEGIN
    SELECT coalesce(max(id), 0) + 1 INTO v_keyed_from FROM audit_event;
    SELECT coalesce(min(id), v_keyed_from) INTO v_first_hashed FROM audit_event WHERE hash IS NOT NULL;
    SELECT hash INTO v_newest_hash FROM audit_event WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1;
    -- with no hashed event before it, the chain starts from a hash of its own id
    INSERT INTO audit_chain (chain_id, keyed_from, anchor)
        VALUES (v_chain, v_keyed_from,
                coalesce(v_newest_hash, encode(sha256(convert_to('assure audit chain ' || v_chain, 'UTF8')), 'hex')));
    -- No event without a hash once the chain has begun, and none without the hash it follows once it is keyed:
    -- a row with no hash used to be taken as "from before the chain", which let the newest hashes be set to NULL.
    EXECUTE format('ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_hashed CHECK (id < %s OR hash IS NOT NULL)',
                   v_first_hashed);
    EXECUTE format('ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_linked '
                   'CHECK (id < %s OR previous_hash IS NOT NULL)', v_keyed_from);
END
$$;

-- The hash the next event follows: the newest keyed event's, or the anchor while there is none. Runs as the owner,
-- since the app sees only its scope's events and the chain runs across every partnership.
CREATE OR REPLACE FUNCTION audit_chain_head() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(
        (SELECT e.hash FROM public.audit_event e WHERE e.id >= (SELECT keyed_from FROM public.audit_chain)
         ORDER BY e.id DESC LIMIT 1),
        (SELECT anchor FROM public.audit_chain))
$$;

-- The newest event of any partnership, for the checkpoints the app writes outside the database.
CREATE FUNCTION audit_chain_newest(OUT id bigint, OUT hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT e.id, e.hash FROM public.audit_event e ORDER BY e.id DESC LIMIT 1
$$;

-- The app records its key's check value once, at its first start with the keyed chain; never changes it.
CREATE FUNCTION audit_chain_set_key_check(value text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE public.audit_chain SET key_check = value WHERE key_check IS NULL
$$;

REVOKE ALL ON audit_chain FROM ${appRole};
GRANT SELECT ON audit_chain TO ${appRole};
REVOKE ALL ON FUNCTION audit_chain_set_key_check(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_set_key_check(text) TO ${appRole};
