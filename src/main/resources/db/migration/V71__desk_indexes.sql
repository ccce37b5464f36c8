-- A duplicate review lists the same person's other applications by the Aadhaar's keyed hash.
CREATE INDEX applicant_aadhaar_hash_idx ON applicant (aadhaar_hash);
