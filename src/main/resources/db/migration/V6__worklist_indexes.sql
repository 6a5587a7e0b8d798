-- Worklists read every lead of a partnership's actions at once (dashboard, My actions).
CREATE INDEX ix_action_lead_partnership ON action_lead (partnership_id, action_id);
