-- V11: two-step sign-in (TOTP). Kept on the user's own row, so it is scoped to the user's partnership as the row is.
-- two_step_secret: the shared secret, Base32 as the authenticator app holds it. It is stored unencrypted: the
--   server must read it to check a code, and anyone who can read this table can already read every plan.
-- two_step_enabled_at: when the user turned two-step on; null while it is off.
-- two_step_last_step: the last 30-second time step a code was accepted for (at sign-in, set-up or turning off).
--   A code whose step is not after it is refused even within the window, so a code works once; it is kept when
--   two-step is turned off, so a code seen before cannot come back with a new secret either.
ALTER TABLE app_user
    ADD COLUMN two_step_secret     text,
    ADD COLUMN two_step_enabled_at timestamptz,
    ADD COLUMN two_step_last_step  bigint,
    ADD CONSTRAINT ck_app_user_two_step_secret CHECK (two_step_enabled_at IS NULL OR two_step_secret IS NOT NULL);
