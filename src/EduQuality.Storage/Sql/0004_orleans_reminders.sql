-- Reminders for Microsoft.Orleans.Reminders.AdoNet (our schema; the provider fixes the query keys, the
-- @Parameter names and the result columns GrainId, ReminderName, StartTime, Period, Version).
--
-- grain_hash is the grain's uniform hash as a signed int: each silo reads the slice of the hash ring it owns,
-- and the provider picks ReadRangeRows1Key or ReadRangeRows2Key by comparing the bounds in signed order too.
-- period_ms is bigint because the provider sends periods longer than int.MaxValue milliseconds as int64.
CREATE TABLE orleans_reminder (
    service_id     text        NOT NULL,
    grain_id       text        NOT NULL,
    reminder_name  text        NOT NULL,
    start_time     timestamptz NOT NULL,
    period_ms      bigint      NOT NULL,
    grain_hash     integer     NOT NULL,
    version        integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

-- One row: the new version (the reminder's ETag).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminder AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period_ms = EXCLUDED.period_ms,
    grain_hash = EXCLUDED.grain_hash,
    version = r.version + 1
RETURNING r.version AS "Version"
$sql$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $sql$
SELECT r.grain_id       AS "GrainId",
       r.reminder_name  AS "ReminderName",
       r.start_time     AS "StartTime",
       r.period_ms      AS "Period",
       r.version        AS "Version"
FROM orleans_reminder r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId
$sql$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $sql$
SELECT r.grain_id       AS "GrainId",
       r.reminder_name  AS "ReminderName",
       r.start_time     AS "StartTime",
       r.period_ms      AS "Period",
       r.version        AS "Version"
FROM orleans_reminder r
WHERE r.service_id = @ServiceId
  AND r.grain_id = @GrainId
  AND r.reminder_name = @ReminderName
$sql$);

-- The ring slice (@BeginHash, @EndHash] when it does not wrap around in signed order.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $sql$
SELECT r.grain_id       AS "GrainId",
       r.reminder_name  AS "ReminderName",
       r.start_time     AS "StartTime",
       r.period_ms      AS "Period",
       r.version        AS "Version"
FROM orleans_reminder r
WHERE r.service_id = @ServiceId
  AND r.grain_hash > @BeginHash
  AND r.grain_hash <= @EndHash
$sql$);

-- The slice that wraps around (also the whole ring, when both bounds are equal).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $sql$
SELECT r.grain_id       AS "GrainId",
       r.reminder_name  AS "ReminderName",
       r.start_time     AS "StartTime",
       r.period_ms      AS "Period",
       r.version        AS "Version"
FROM orleans_reminder r
WHERE r.service_id = @ServiceId
  AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash)
$sql$);

-- One row, one boolean column: true if the reminder still had version @Version and is gone now.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM orleans_reminder r
    WHERE r.service_id = @ServiceId
      AND r.grain_id = @GrainId
      AND r.reminder_name = @ReminderName
      AND r.version = @Version
    RETURNING 1
)
SELECT count(*) > 0 AS "Deleted" FROM deleted
$sql$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId
$sql$);
