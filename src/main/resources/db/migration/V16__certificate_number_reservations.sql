-- Certificate numbers stay gap-free, but each is drawn in a short transaction of its own and held for its
-- application until its certificate is stored: laying out and signing the PDF no longer holds the series' counter,
-- so certificates of one service are issued in parallel. A retried issue takes the number it was given before.
CREATE TABLE certificate_number (
    certificate_no VARCHAR(60)  PRIMARY KEY,
    series         VARCHAR(40)  NOT NULL,
    application_id BIGINT       NOT NULL REFERENCES application (id),
    reserved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX certificate_number_app_idx ON certificate_number (application_id, series);
