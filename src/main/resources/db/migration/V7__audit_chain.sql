-- Audit events are hash-chained: each holds the SHA-256 of the one before it and of its own content, so that
-- changing, removing or reordering any event breaks the chain from there on (`assure audit verify`).
ALTER TABLE audit_event ADD COLUMN previous_hash text;
ALTER TABLE audit_event ADD COLUMN hash text;
ALTER TABLE audit_event ADD COLUMN details text;
