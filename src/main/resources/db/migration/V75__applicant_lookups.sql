-- "My applications" and an officer's duplicate review go from the applicant to their applications. Without this
-- index each was a sequential scan of every application: 109 ms at 300,000 applications, and growing with them.
CREATE INDEX application_applicant_idx ON application (applicant_id);
-- A duplicate review for an applicant who gave no Aadhaar matches name and date of birth.
CREATE INDEX applicant_dob_name_idx ON applicant (date_of_birth, name_en);
