-- A connector may hold a message until a time (ISP's S110 for a rejection, until the first-appeal period has
-- lapsed): held_until. A later message queued before then withdraws it (state WITHDRAWN). A status the portal's
-- own rules forbid is kept as a row that is never sent (state NOT_SENT, the reason in last_error), tied to the
-- status history entry it belongs to, so the application's history can say so.
ALTER TABLE delivery ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN status_history_id BIGINT;
CREATE INDEX delivery_not_sent_idx ON delivery (application_id, state);
