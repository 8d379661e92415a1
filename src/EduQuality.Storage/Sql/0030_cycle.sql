-- The management cycle (docs/cycle.md). These tables are the truth; the cycle grains hold a cache of one instance.

-- One row per organisation × direction × period: the current stage and monitoring wave.
CREATE TABLE cycle_instance (
    organization_code  text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    stage              smallint NOT NULL,
    wave               integer  NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_code, direction, period)
);
CREATE INDEX cycle_instance_by_period ON cycle_instance (direction, period);

-- The history of transitions, in order.
CREATE TABLE cycle_transition (
    id                 bigserial PRIMARY KEY,
    organization_code  text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    from_stage         smallint NOT NULL,
    to_stage           smallint NOT NULL,
    kind               smallint NOT NULL,
    wave               integer  NOT NULL,
    at                 timestamptz NOT NULL,
    actor              text     NOT NULL,
    FOREIGN KEY (organization_code, direction, period) REFERENCES cycle_instance
);
CREATE INDEX cycle_transition_by_instance ON cycle_transition (organization_code, direction, period, id);

-- Evidence per stage; the same document (type and URL) for the same stage and wave is recorded once.
CREATE TABLE cycle_evidence (
    id                 bigserial PRIMARY KEY,
    organization_code  text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    stage              smallint NOT NULL,
    type               smallint NOT NULL,
    title              text     NOT NULL,
    number             text     NOT NULL,
    document_date      date     NOT NULL,
    url                text     NOT NULL,
    wave               integer  NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now(),
    recorded_by        text     NOT NULL,
    UNIQUE (organization_code, direction, period, stage, type, url, wave),
    FOREIGN KEY (organization_code, direction, period) REFERENCES cycle_instance
);

-- Directions a region adds to the nine federal ones.
CREATE TABLE cycle_local_direction (
    region   text NOT NULL,
    code     text NOT NULL,
    name_ru  text NOT NULL,
    PRIMARY KEY (region, code)
);

-- Address recommendations: issued by one cycle (issuer_*) to an organisation of its subtree. request_id makes a
-- retried create harmless.
CREATE TABLE cycle_recommendation (
    id                 bigserial PRIMARY KEY,
    request_id         text     NOT NULL UNIQUE,
    issuer_code        text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    organization_code  text     NOT NULL,
    source             smallint NOT NULL,
    addressee          smallint NOT NULL,
    subject            text     NOT NULL,
    due_date           date     NOT NULL,
    status             smallint NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cycle_recommendation_by_addressee ON cycle_recommendation (organization_code, direction, period);
CREATE INDEX cycle_recommendation_by_issuer ON cycle_recommendation (issuer_code, direction, period);

-- Management decisions and measures; targets as JSON (metric, procedure, subject, grade, baseline, target).
CREATE TABLE cycle_decision (
    id                 bigserial PRIMARY KEY,
    request_id         text     NOT NULL UNIQUE,
    organization_code  text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    type               smallint NOT NULL,
    title              text     NOT NULL,
    decision_date      date     NOT NULL,
    answers            bigint[] NOT NULL,
    targets            jsonb    NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cycle_decision_by_period ON cycle_decision (direction, period, organization_code);

-- A region's cycle calendar (cadences per stage) as JSON; a region without a row uses the annual default.
CREATE TABLE cycle_schedule (
    region      text  PRIMARY KEY,
    entries     jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Overdue stages as last found by the instance's reminder.
CREATE TABLE cycle_overdue (
    organization_code  text     NOT NULL,
    direction          text     NOT NULL,
    period             integer  NOT NULL,
    stage              smallint NOT NULL,
    missed_due_date    date     NOT NULL,
    due_count          integer  NOT NULL,
    completed_count    integer  NOT NULL,
    checked_at         timestamptz NOT NULL,
    PRIMARY KEY (organization_code, direction, period, stage)
);
