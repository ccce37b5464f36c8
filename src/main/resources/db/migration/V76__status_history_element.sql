-- The BPMN element that recorded each status, by its process key and activity id: the officer's page names the
-- stage in the reader's language by these (an analyst may rename the element; they stay). Rows written before have
-- none and show the name recorded in stage.
ALTER TABLE status_history ADD COLUMN process_key VARCHAR(255);
ALTER TABLE status_history ADD COLUMN activity_id VARCHAR(255);
