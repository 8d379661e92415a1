-- A durable "re-read your children" mark per parent and year, set in the same transaction as a child's
-- contribution. The parent clears it only if it is unchanged since the parent began reading, so a lost
-- notification or a crash before the parent's next tick is healed by the rollup sweeper.
CREATE SEQUENCE rollup_pending_mark;

CREATE TABLE rollup_pending (
    year       integer NOT NULL,
    code       text NOT NULL,
    mark       bigint NOT NULL,
    marked_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (year, code)
);
