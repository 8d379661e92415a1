-- The social context of a school per academic year (ШНСУ-1…9), one row per natural key; a resend replaces it.
CREATE TABLE school_context (
    school_code                   text NOT NULL REFERENCES organization (code),
    year                          integer NOT NULL,
    share_on_preventive_register  double precision NOT NULL,
    share_migrant_or_low_russian  double precision NOT NULL,
    share_not_certified           double precision NOT NULL,
    share_chronic_absence         double precision NOT NULL,
    share_special_needs           double precision NOT NULL,
    remote                        boolean NOT NULL,
    small_school                  boolean NOT NULL,
    infrastructure_deficit        boolean NOT NULL,
    staff_shortage                boolean NOT NULL,
    batch_id                      text NOT NULL,
    updated_at                    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_code, year)
);
CREATE INDEX school_context_by_year ON school_context (year);
