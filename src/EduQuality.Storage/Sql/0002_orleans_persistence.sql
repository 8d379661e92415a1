-- Grain state for Microsoft.Orleans.Persistence.AdoNet (our schema; the provider only fixes the query keys, the
-- @Parameter names and the result columns PayloadBinary, Version and NewGrainStateVersion).
--
-- A grain's state is identified by service, state name (the provider's "grain type"), and grain key: N0/N1 hold
-- integer and GUID keys, the extension string holds a string key or a key extension (NULL when there is none).
-- The two hashes lead the key so that lookups stay selective when every string-keyed grain has N0 = N1 = 0.
-- Optimistic concurrency: version starts at 1 and grows by one with every write or clear; a caller presenting any
-- other version gets no row back, which the provider turns into InconsistentStateException.
CREATE TABLE orleans_grain_state (
    grain_id_hash    integer     NOT NULL,
    grain_type_hash  integer     NOT NULL,
    service_id       text        NOT NULL,
    grain_type       text        NOT NULL,
    grain_id_n0      bigint      NOT NULL,
    grain_id_n1      bigint      NOT NULL,
    grain_id_ext     text,
    payload          bytea,
    version          integer     NOT NULL,
    modified_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_key UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
);

-- Every query receives @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString and @ServiceId. Nullable parameters carry a cast because PostgreSQL cannot type a NULL
-- that only meets IS NULL / IS NOT DISTINCT FROM.

-- Zero or one row; a NULL payload means cleared state (the record does not exist, the version stays).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $sql$
SELECT s.payload AS "PayloadBinary",
       s.version AS "Version"
FROM orleans_grain_state s
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString::text
$sql$);

-- @GrainStateVersion NULL means "first write": insert version 1 unless a row exists. Otherwise update only the row
-- still at @GrainStateVersion. No row back (conflict or stale version) makes the provider raise the exception.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_grain_state s
    SET payload = @PayloadBinary,
        version = s.version + 1,
        modified_at = now()
    WHERE s.grain_id_hash = @GrainIdHash
      AND s.grain_type_hash = @GrainTypeHash
      AND s.service_id = @ServiceId
      AND s.grain_id_n0 = @GrainIdN0
      AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_type = @GrainTypeString
      AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString::text
      AND s.version = @GrainStateVersion::int
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_grain_state
        (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString::text, @PayloadBinary, 1
    WHERE @GrainStateVersion::int IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_key DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$sql$);

-- Keeps the row (and its version history) with a NULL payload; the scalar is the new version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $sql$
UPDATE orleans_grain_state s
SET payload = NULL,
    version = s.version + 1,
    modified_at = now()
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString::text
  AND s.version = @GrainStateVersion::int
RETURNING s.version AS "NewGrainStateVersion"
$sql$);

-- Used instead of ClearStorageKey when DeleteStateOnClear is set: removes the row; the scalar is the deleted
-- version + 1, so that it differs from the caller's ETag on success.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $sql$
DELETE FROM orleans_grain_state s
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.service_id = @ServiceId
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString::text
  AND s.version = @GrainStateVersion::int
RETURNING s.version + 1 AS "NewGrainStateVersion"
$sql$);
