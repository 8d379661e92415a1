-- Students of a school and the counts behind its ШНСУ shares (measures students.count and students.*.count). Null when
-- the row did not give the number of students; when it did, the five counts beside a share are always stored (given or
-- derived from the share) and the individual-plan count only when given.
ALTER TABLE school_context
    ADD COLUMN students                         integer CHECK (students > 0),
    ADD COLUMN students_registered_odn_kdn      integer,
    ADD COLUMN students_migrant_or_low_russian  integer,
    ADD COLUMN students_not_attested            integer,
    ADD COLUMN students_systematic_absence      integer,
    ADD COLUMN students_learning_disability     integer,
    ADD COLUMN students_individual_plan         integer;
