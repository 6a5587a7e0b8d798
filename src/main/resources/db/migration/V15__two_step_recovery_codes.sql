-- V15: recovery codes for two-step sign-in: ten one-time codes a person keeps apart from their phone, for the day
-- it is lost. Only each code's SHA-256 is kept (a code is 80 random bits, so a slow hash adds nothing). Making new
-- codes, or two-step being turned off or reset, removes the old ones.
CREATE TABLE two_step_recovery_code (
    id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_two_step_recovery_code PRIMARY KEY,
    partnership_id bigint      NOT NULL,
    user_id        bigint      NOT NULL,
    code_hash      bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    used_at        timestamptz,
    CONSTRAINT uq_two_step_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_two_step_recovery_code_user FOREIGN KEY (partnership_id, user_id) REFERENCES app_user (partnership_id, id) ON DELETE CASCADE
);
SELECT assure_protect('two_step_recovery_code');
