-- The RTS dashboard (/admin/dashboard): when each application was disposed of (its first approval or rejection),
-- kept on the row so a month's figures over a million applications read indexes, not the status history.
ALTER TABLE application ADD COLUMN disposed_at TIMESTAMP WITH TIME ZONE;
UPDATE application SET disposed_at = (
    SELECT MIN(h.occurred_at) FROM status_history h
    WHERE h.application_id = application.id AND h.status IN ('APPROVED', 'REJECTED'));

-- Received in a range.
CREATE INDEX application_submitted_idx ON application (submitted_at, service_code, office_code);
-- Disposed in a range (on time or late), and pending at a moment (disposed_at null, submitted before it): both
-- answered from the index alone.
CREATE INDEX application_disposed_idx ON application (disposed_at, submitted_at, sla_due_at, service_code,
    office_code, status);
-- Appeals filed and allowed in a range.
CREATE INDEX status_history_status_at_idx ON status_history (status, occurred_at, application_id);
