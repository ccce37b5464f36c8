-- What a certificate says about its holder (the child for a birth certificate, the applicant otherwise) for
-- DigiLocker's name and date-of-birth match, its machine-readable XML, and whether its PDF carries the
-- department's signature.
ALTER TABLE certificate ADD COLUMN holder_name_local VARCHAR(200);
ALTER TABLE certificate ADD COLUMN holder_dob DATE;
ALTER TABLE certificate ADD COLUMN doc_type VARCHAR(20);
ALTER TABLE certificate ADD COLUMN xml TEXT;
ALTER TABLE certificate ADD COLUMN signed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX certificate_doc_type_idx ON certificate (doc_type, certificate_no);

-- The demo signing key of an installation without a configured keystore: generated once, shared by every node
-- (PKCS#12, its password from sevahub.crypto.field-key). Production configures a keystore instead.
CREATE TABLE signing_key (
    alias      VARCHAR(60) PRIMARY KEY,
    pkcs12     BYTEA       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
