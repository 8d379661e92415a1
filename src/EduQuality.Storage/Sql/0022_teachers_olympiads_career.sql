-- One teacher (pseudonymous code) of a school in a year: diagnostics of professional deficits and development taken.
CREATE TABLE teacher_record (
    school_code           text NOT NULL REFERENCES organization (code),
    year                  integer NOT NULL,
    teacher_code          text NOT NULL,
    diagnosed             boolean NOT NULL,
    pd_by_request         boolean NOT NULL,
    pd_risk_students      boolean NOT NULL,
    retrained             boolean NOT NULL,
    covered_by_events     boolean NOT NULL,
    supported_regional    boolean NOT NULL,
    supported_municipal   boolean NOT NULL,
    deficit_work_covered  boolean NOT NULL,
    batch_id              text NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_code, year, teacher_code)
);

-- A school's students at one ВсОШ stage (1 school … 4 final) in one subject.
CREATE TABLE olympiad_result (
    school_code    text NOT NULL REFERENCES organization (code),
    year           integer NOT NULL,
    stage          smallint NOT NULL CHECK (stage BETWEEN 1 AND 4),
    subject        text NOT NULL,
    participants   integer NOT NULL,
    winners        integer NOT NULL,
    prize_winners  integer NOT NULL,
    batch_id       text NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_code, year, stage, subject)
);

-- Career guidance of a school in a year.
CREATE TABLE career_guidance (
    school_code          text NOT NULL REFERENCES organization (code),
    year                 integer NOT NULL,
    graduates            integer NOT NULL,
    target_contract      integer NOT NULL,
    continuing_in_poo    integer NOT NULL,
    priority_programme   integer NOT NULL,
    bilet_v_budushee     integer NOT NULL,
    partner_enterprises  integer NOT NULL,
    batch_id             text NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_code, year)
);
