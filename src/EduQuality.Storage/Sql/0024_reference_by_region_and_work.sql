-- Reference values per region: '' is the installation-wide value, a region's code its own value (which takes
-- precedence for that region's organisations).
ALTER TABLE indicator_reference ADD COLUMN region_code text NOT NULL DEFAULT '';
ALTER TABLE indicator_reference DROP CONSTRAINT indicator_reference_pkey;
ALTER TABLE indicator_reference ADD PRIMARY KEY (indicator_code, year, level, region_code);

-- Regional (1) and federal (2) mean scores of one work (procedure, subject, grade) per year, for one region or ('')
-- every region of the installation.
CREATE TABLE reference_mean (
    region_code  text NOT NULL,
    year         integer NOT NULL,
    procedure    smallint NOT NULL,
    subject      text NOT NULL,
    grade        integer NOT NULL,
    level        smallint NOT NULL CHECK (level IN (1, 2)),
    mean_score   double precision NOT NULL,
    batch_id     text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, year, procedure, subject, grade, level)
);
