-- Failed sign-ins, by account and by address, for growing delays between attempts (not a lock-out).
CREATE TABLE sign_in_failure (
    id        bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_sign_in_failure PRIMARY KEY,
    email_key text        NOT NULL,
    address   text        NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE INDEX ix_sign_in_failure_email ON sign_in_failure (email_key, failed_at);
CREATE INDEX ix_sign_in_failure_address ON sign_in_failure (address, failed_at);
