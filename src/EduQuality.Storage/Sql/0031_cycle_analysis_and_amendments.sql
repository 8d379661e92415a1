-- The management cycle, second round (docs/cycle.md): recommendations imported from the region's analysis keep its
-- stable id and trace; recommendations can be withdrawn with a reason; decisions record when they were amended; a
-- region sets its own thresholds of a measurable effect.

ALTER TABLE cycle_recommendation
    ADD COLUMN analysis_id        text  NOT NULL DEFAULT '',
    ADD COLUMN trace              jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN withdrawal_reason  text  NOT NULL DEFAULT '';

-- One cycle recommendation per analysis recommendation, however often and from whichever organisation it is imported.
CREATE UNIQUE INDEX cycle_recommendation_by_analysis_id ON cycle_recommendation (analysis_id) WHERE analysis_id <> '';

ALTER TABLE cycle_decision ADD COLUMN amended_at timestamptz;

-- A region's smallest changes that count as a measurable effect; a region without a row uses the defaults.
CREATE TABLE cycle_effect_thresholds (
    region      text             PRIMARY KEY,
    share       double precision NOT NULL,
    score       double precision NOT NULL,
    count       double precision NOT NULL,
    updated_at  timestamptz      NOT NULL DEFAULT now()
);
