-- Sessions signed in before this moment are over, on every app node: set at sign-out, password change and
-- when an account is disabled.
ALTER TABLE app_user ADD COLUMN sessions_valid_after timestamptz;
