-- Values of catalogue indicators that are not computed from results, one per organisation, year and indicator.
CREATE TABLE reported_indicator_value (
    organization_code  text NOT NULL REFERENCES organization (code),
    year               integer NOT NULL,
    indicator_code     text NOT NULL,
    value              double precision NOT NULL,
    batch_id           text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_code, year, indicator_code)
);

-- Regional (1) and federal (2) reference values of catalogue indicators.
CREATE TABLE indicator_reference (
    indicator_code  text NOT NULL,
    year            integer NOT NULL,
    level           smallint NOT NULL CHECK (level IN (1, 2)),
    value           double precision NOT NULL,
    batch_id        text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_code, year, level)
);
