-- The Orleans ADO.NET providers (persistence, clustering, reminders) load the SQL they run from this table at
-- start-up, by key; migrations 0002-0004 fill it. Unquoted names, because the providers query it unquoted.
CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);
