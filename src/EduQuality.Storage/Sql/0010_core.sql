-- Organisations and the hierarchy over time.
CREATE TABLE organization (
    code        text PRIMARY KEY,
    level       smallint NOT NULL CHECK (level BETWEEN 1 AND 3),  -- 1 region, 2 municipality, 3 school
    name        text NOT NULL,
    kind        smallint NOT NULL DEFAULT 0,
    settlement  smallint NOT NULL DEFAULT 0,
    students    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The parent in force from valid_from until the next row of the same organisation; '-infinity' for the first.
CREATE TABLE organization_parent (
    code         text NOT NULL REFERENCES organization (code),
    valid_from   date NOT NULL,
    parent_code  text NOT NULL REFERENCES organization (code),
    PRIMARY KEY (code, valid_from)
);
CREATE INDEX organization_parent_by_parent ON organization_parent (parent_code, valid_from);

-- Raw results, one row per natural key, partitioned by academic year. The derived columns (score, below_minimum,
-- high_scorer) are computed at ingest with the threshold table named in thresholds_version, so that every
-- aggregate can be recomputed from this table alone.
CREATE TABLE assessment_result (
    year               integer NOT NULL,
    procedure          smallint NOT NULL,
    subject            text NOT NULL,
    grade              smallint NOT NULL,
    participant_code   text NOT NULL,
    school_code        text NOT NULL,
    class_label        text NOT NULL,
    primary_score      integer NOT NULL,
    max_primary_score  integer NOT NULL,
    mark               smallint,
    test_score         smallint,
    passed_minimum     boolean,
    term_mark          smallint,
    task_points        integer[] NOT NULL,
    task_max_points    integer[] NOT NULL,
    score              integer NOT NULL,
    below_minimum      boolean,
    high_scorer        boolean NOT NULL,
    thresholds_version text NOT NULL,
    batch_id           text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (year, procedure, subject, grade, participant_code)
) PARTITION BY LIST (year);
CREATE INDEX assessment_result_by_school ON assessment_result (year, school_code);

-- A counter per school and year that grows with every applied change (and every re-routing after a move);
-- the school grain's stored state names the revision it reflects.
CREATE TABLE school_year_revision (
    school_code  text NOT NULL,
    year         integer NOT NULL,
    revision     bigint NOT NULL,
    PRIMARY KEY (school_code, year)
);

-- One whole contribution per child and year, addressed to the parent in force for that year; a parent rebuilds
-- its totals from these rows without activating its children.
CREATE TABLE rollup_contribution (
    year         integer NOT NULL,
    child_code   text NOT NULL,
    parent_code  text NOT NULL,
    version      bigint NOT NULL,
    payload      jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (year, child_code)
);
CREATE INDEX rollup_contribution_by_parent ON rollup_contribution (parent_code, year);

-- Batches applied, so that a resend is answered from here.
CREATE TABLE ingest_batch (
    batch_id      text PRIMARY KEY,
    procedure     smallint NOT NULL,
    year          integer NOT NULL,
    content_hash  bytea NOT NULL,
    rows          integer NOT NULL,
    inserted      integer NOT NULL,
    corrected     integer NOT NULL,
    unchanged     integer NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);
