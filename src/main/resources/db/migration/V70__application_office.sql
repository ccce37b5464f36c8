-- The office an application was routed (or an administrator transferred) to: offices.yml's code.
-- Officers' task groups and the RTS dashboard's scope both follow it.
ALTER TABLE application ADD COLUMN office_code VARCHAR(40);
CREATE INDEX application_office_idx ON application (office_code, service_code);
