-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (our schema; the provider fixes the query keys, the
-- @Parameter names and the result columns). @DeploymentId is the cluster id.
--
-- One version row per cluster: every change to the membership table (a silo joins, changes status, is suspected)
-- must present the version it read and bumps it in the same statement, which is how Orleans serialises concurrent
-- changes by different silos. "I am alive" heartbeats and cleanup do not take part in that protocol.
CREATE TABLE orleans_membership_version (
    deployment_id  text PRIMARY KEY,
    version        integer NOT NULL DEFAULT 0,
    changed_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation. Status is Orleans' SiloStatus (3 Active, 6 Dead, ...); suspect_times is the
-- provider's own "address,time|address,time" text.
CREATE TABLE orleans_membership (
    deployment_id    text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address          text        NOT NULL,
    port             integer     NOT NULL,
    generation       integer     NOT NULL,
    silo_name        text        NOT NULL,
    host_name        text        NOT NULL,
    status           integer     NOT NULL,
    proxy_port       integer     NOT NULL,
    suspect_times    text,
    start_time       timestamptz NOT NULL,
    i_am_alive_time  timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- One row, one boolean column: did this call create the version row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS "Created" FROM created
$sql$);

-- One row, one boolean column: true only if the version row still held @Version (it is then bumped) and the silo
-- row did not exist. The UPDATE's row lock on the version row orders concurrent writers.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1,
        changed_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId
            AND m.address = @Address
            AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deployment_id
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, suspect_times,
         start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL,
           @StartTime, @IAmAliveTime
    FROM bumped b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS "Inserted" FROM inserted
$sql$);

-- Same protocol as InsertMembershipKey for an existing silo row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1,
        changed_at = now()
    WHERE v.deployment_id = @DeploymentId
      AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deployment_id = @DeploymentId
            AND m.address = @Address
            AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deployment_id
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status,
        suspect_times = @SuspectTimes::text,
        i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE m.deployment_id = b.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) > 0 AS "Updated" FROM updated
$sql$);

-- Heartbeat: no version check and no bump, by Orleans' design.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation
$sql$);

-- The reads start from the version row and left-join the silos: the provider needs the version even when no silo
-- matches (it then sees a row with NULL StartTime), and it fails on an empty result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $sql$
SELECT v.deployment_id    AS "DeploymentId",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime",
       v.version          AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $sql$
SELECT v.deployment_id    AS "DeploymentId",
       m.address          AS "Address",
       m.port             AS "Port",
       m.generation       AS "Generation",
       m.silo_name        AS "SiloName",
       m.host_name        AS "HostName",
       m.status           AS "Status",
       m.proxy_port       AS "ProxyPort",
       m.suspect_times    AS "SuspectTimes",
       m.start_time       AS "StartTime",
       m.i_am_alive_time  AS "IAmAliveTime",
       v.version          AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$);

-- Gateways for clients: @Status is Active (3); silos without a gateway have proxy port 0.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $sql$
SELECT m.address     AS "Address",
       m.proxy_port  AS "ProxyPort",
       m.generation  AS "Generation"
FROM orleans_membership m
WHERE m.deployment_id = @DeploymentId
  AND m.status = @Status
  AND m.proxy_port > 0
$sql$);

-- Removes the whole cluster: the silo rows go with the version row (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version
WHERE deployment_id = @DeploymentId
$sql$);

-- Forgets silos that are not Active and have not sent a heartbeat since @IAmAliveTime.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND i_am_alive_time < @IAmAliveTime
  AND status <> 3
$sql$);
