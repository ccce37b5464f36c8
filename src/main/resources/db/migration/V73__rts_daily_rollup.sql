-- The RTS dashboard's daily roll-up (org.sevahub.application.DailyRollup): per day (in the state's time zone), service,
-- office and post, what the dashboard adds up, so a year's figures read a few tens of thousands of rows instead of
-- sorting every disposal of the year. Kept in the same transaction as the writes that change an application's
-- figures; the rows of an installation upgrading are counted by the Java migration 73.1 that follows this one.
--
-- tenths = -1 holds an application's receipt and its appeals; tenths >= 0 holds disposals whose days from
-- submission to disposal lie in [tenths / 10, (tenths + 1) / 10): the histogram the 90th percentile is read from.
-- disposal_micros is the exact sum of those durations, so the average is exact.
CREATE TABLE rts_day (
    on_day           DATE        NOT NULL,
    service_code     VARCHAR(40) NOT NULL,
    office_code      VARCHAR(40) NOT NULL,
    post             VARCHAR(40) NOT NULL,
    tenths           INTEGER     NOT NULL,
    received         BIGINT      NOT NULL DEFAULT 0,
    disposed_in_time BIGINT      NOT NULL DEFAULT 0,
    disposed_late    BIGINT      NOT NULL DEFAULT 0,
    disposal_micros  BIGINT      NOT NULL DEFAULT 0,
    appeals_filed    BIGINT      NOT NULL DEFAULT 0,
    appeals_allowed  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, service_code, office_code, post, tenths)
);

