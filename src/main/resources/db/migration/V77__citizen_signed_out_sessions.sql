-- Citizens' session tokens signed out before they expire (org.sevahub.citizen.CitizenSignOuts), by the token's
-- id (jti): tokens are checked without a session store, so every node reads here which ones to refuse. A row is
-- needed only while its token could still be used, and is deleted once the token has expired.
-- (V77, not V76: the languages branch adds V76__status_history_element.)
CREATE TABLE citizen_signed_out (
    jti           VARCHAR(64)              NOT NULL PRIMARY KEY,
    signed_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Each node reads the sign-outs since its last look, and deletes the expired ones.
CREATE INDEX citizen_signed_out_at_idx ON citizen_signed_out (signed_out_at);
CREATE INDEX citizen_signed_out_expires_idx ON citizen_signed_out (expires_at);
