-- Integration keys: only a SHA-256 hash of the secret is stored.
CREATE TABLE api_key (
    key_id       text PRIMARY KEY,
    name         text NOT NULL,
    role         smallint NOT NULL,
    scope        text NOT NULL,
    secret_hash  bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

-- Local users, for a region without an identity provider: PBKDF2 password hashes.
CREATE TABLE app_user (
    login          text PRIMARY KEY,
    password_hash  text NOT NULL,
    role           smallint NOT NULL,
    scope          text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    disabled_at    timestamptz
);

-- Installation-wide secrets shared by every silo (the local token signing key).
CREATE TABLE security_setting (
    name   text PRIMARY KEY,
    value  bytea NOT NULL
);

-- The audit trail: appended by the application, never updated or deleted (the trigger refuses both).
CREATE TABLE audit_event (
    id                 bigserial PRIMARY KEY,
    at                 timestamptz NOT NULL DEFAULT now(),
    principal          text NOT NULL,
    source_address     text NOT NULL,
    action             text NOT NULL,
    organization_code  text NOT NULL,
    details            jsonb NOT NULL
);
CREATE INDEX audit_event_by_organization ON audit_event (organization_code, id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
