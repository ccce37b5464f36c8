-- Aaple Sarkar: every genuine payment return is kept with what the department made of it, including the ones it
-- refused (a wrong amount, a payment for an application no longer awaiting its fee), so the office can match the
-- bank's records and refund. Only an outcome of PAID counts as the application's fee.
ALTER TABLE aaplesarkar_payment ADD COLUMN outcome VARCHAR(20);
UPDATE aaplesarkar_payment SET outcome = CASE WHEN paid THEN 'PAID' ELSE 'FAILED' END;
ALTER TABLE aaplesarkar_payment ALTER COLUMN outcome SET NOT NULL;
ALTER TABLE aaplesarkar_payment ADD CONSTRAINT aaplesarkar_payment_outcome_check
    CHECK (outcome IN ('PAID', 'FAILED', 'AMOUNT_MISMATCH', 'NOT_AWAITED'));
