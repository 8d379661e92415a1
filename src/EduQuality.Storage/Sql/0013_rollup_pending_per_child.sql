-- One pending mark per parent and child instead of one per parent: every school of a municipality wrote the same
-- row, so their transactions queued on its lock (measured: 13.7 % of database time waiting on it).
DROP TABLE rollup_pending;

CREATE TABLE rollup_pending (
    year         integer NOT NULL,
    parent_code  text NOT NULL,
    child_code   text NOT NULL,
    mark         bigint NOT NULL,
    marked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (year, parent_code, child_code)
);
