-- The sandbox registry speaking as a registry built from the spec alone: an answer may go out in parts (each
-- callback with its own header status and counts), and what each callback carried is kept as sent (body,
-- whether a bearer token went with it) for the demo and the tests to read.
ALTER TABLE sandbox_dci_callback ADD COLUMN status VARCHAR(10) DEFAULT 'succ' NOT NULL;
ALTER TABLE sandbox_dci_callback ADD COLUMN total_count INT DEFAULT 0 NOT NULL;
ALTER TABLE sandbox_dci_callback ADD COLUMN completed_count INT DEFAULT 0 NOT NULL;
ALTER TABLE sandbox_dci_callback ADD COLUMN sent_body TEXT;
ALTER TABLE sandbox_dci_callback ADD COLUMN sent_with_bearer BOOLEAN;
