-- DCI fixes: the reference ids of each search request we sent (one per line), so an answer is taken only when
-- every one of them is answered, and a status check asks about the ones actually sent.
ALTER TABLE dci_transaction ADD COLUMN reference_ids TEXT;
