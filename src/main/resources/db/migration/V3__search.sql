-- Full-text search over a partnership's plans, findings, actions and updates. English stemming ("audits" finds
-- "audit"); each document is weighted so that a ref or title outranks a word deep in a narrative.
ALTER TABLE plan ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(area, '') || ' ' || coalesce(version_label, '')), 'C')) STORED;
CREATE INDEX ix_plan_search ON plan USING gin (search);

ALTER TABLE finding ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(ref, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B')) STORED;
CREATE INDEX ix_finding_search ON finding USING gin (search);

ALTER TABLE action ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(ref, '')), 'A') ||
    setweight(to_tsvector('english', text), 'A') ||
    setweight(to_tsvector('english', coalesce(lead_raw, '') || ' ' || coalesce(oversight_raw, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(expected_impact, '') || ' ' || coalesce(evidence_of_impact, '')), 'C')) STORED;
CREATE INDEX ix_action_search ON action USING gin (search);

ALTER TABLE progress_update ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(narrative, '') || ' ' || coalesce(status_reason, '') || ' ' ||
                           coalesce(revision_reason, ''))) STORED;
CREATE INDEX ix_progress_update_search ON progress_update USING gin (search);
