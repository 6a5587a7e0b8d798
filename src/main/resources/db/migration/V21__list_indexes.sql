-- V21: every list asks PostgreSQL for exactly the rows it shows (issue 13), so the lists' own conditions need
-- indexes. Overdue, due soon and later lists read open actions by due date; "the actions an agency leads" reads
-- leads by agency, directly or through a person of it (a lead is the agency named, else the person's agency).
CREATE INDEX ix_action_open_due ON action (partnership_id, current_due_date)
    WHERE status IN ('NOT_STARTED', 'IN_PROGRESS');
CREATE INDEX ix_action_lead_person ON action_lead (person_id) WHERE agency_id IS NULL;
CREATE INDEX ix_person_agency ON person (agency_id);
