-- DCI answers in parts: a registry may answer one search in several callbacks (pdng with some requests
-- answered, then succ with the rest). Each request's answer is kept until every request is answered and a
-- part has said the answer is complete (answer_complete); then the whole is taken.
ALTER TABLE dci_transaction ADD COLUMN answer_complete BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE dci_answer_item (
    transaction_id VARCHAR(99)  NOT NULL REFERENCES dci_transaction (transaction_id),
    reference_id   VARCHAR(200) NOT NULL,
    item           TEXT         NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (transaction_id, reference_id)
);
