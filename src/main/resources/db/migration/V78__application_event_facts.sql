-- What an event says as data, for the pages that put it in the reader's words: a JSON object whose shape the
-- event's kind decides (REGISTRY_SEARCH: org.sevahub.application.RegistryAnswer, REGISTRY_MATCH: RegistryRecord).
-- The detail beside it stays the English line support staff read, transaction ids and all; rows written before
-- this column have no facts and are shown by their detail, as they were.
ALTER TABLE application_event ADD COLUMN facts TEXT;
