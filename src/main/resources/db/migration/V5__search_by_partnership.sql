-- Search is always within one partnership. Each document also carries the token 'pid<partnership id>', and a
-- search asks for it alongside the words, so the GIN index intersects the two: a common word in thousands of
-- partnerships costs no more than in one. (No extension needed, unlike a btree_gin composite index.)
ALTER TABLE plan DROP COLUMN search;
ALTER TABLE plan ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', 'pid' || partnership_id) ||
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(area, '') || ' ' || coalesce(version_label, '')), 'C')) STORED;
CREATE INDEX ix_plan_search ON plan USING gin (search);

ALTER TABLE finding DROP COLUMN search;
ALTER TABLE finding ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', 'pid' || partnership_id) ||
    setweight(to_tsvector('simple', coalesce(ref, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B')) STORED;
CREATE INDEX ix_finding_search ON finding USING gin (search);

ALTER TABLE action DROP COLUMN search;
ALTER TABLE action ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', 'pid' || partnership_id) ||
    setweight(to_tsvector('simple', coalesce(ref, '')), 'A') ||
    setweight(to_tsvector('english', text), 'A') ||
    setweight(to_tsvector('english', coalesce(lead_raw, '') || ' ' || coalesce(oversight_raw, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(expected_impact, '') || ' ' || coalesce(evidence_of_impact, '')), 'C')) STORED;
CREATE INDEX ix_action_search ON action USING gin (search);

ALTER TABLE progress_update DROP COLUMN search;
ALTER TABLE progress_update ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', 'pid' || partnership_id) ||
    to_tsvector('english', coalesce(narrative, '') || ' ' || coalesce(status_reason, '') || ' ' ||
                           coalesce(revision_reason, ''))) STORED;
CREATE INDEX ix_progress_update_search ON progress_update USING gin (search);
