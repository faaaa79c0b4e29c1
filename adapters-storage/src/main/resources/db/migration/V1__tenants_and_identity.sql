-- Tenants, the people who administer them, API keys, and the audit trail.
-- Enumerated columns are text with CHECK constraints rather than PostgreSQL enum types: they
-- bind as plain strings through JDBC, and a later migration widens a set by swapping a constraint.

CREATE TABLE tenants (
    id           uuid        PRIMARY KEY,
    company_name text        NOT NULL,
    subdomain    text        NOT NULL UNIQUE,
    sip_domain   text        NOT NULL UNIQUE,
    status       text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('admin', 'superadmin')),
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz NULL,
    -- An admin acts inside exactly one tenant; a superadmin belongs to none.
    CONSTRAINT accounts_kind_tenant_check CHECK ((kind = 'superadmin') = (tenant_id IS NULL))
);

-- admin-login takes only an e-mail address, so addresses are unique platform-wide, ignoring case.
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
CREATE INDEX accounts_tenant_idx ON accounts (tenant_id);

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('superadmin', 'admin', 'readonly', 'user')),
    scopes       text[]      NOT NULL DEFAULT '{}',
    -- The foreign key to extensions is added in V2, once that table exists.
    extension_id uuid        NULL,
    -- Only a hash of the key is kept; the full key is shown once, on create and regenerate.
    key_hash     text        NOT NULL UNIQUE,
    key_last8    text        NOT NULL,
    status       text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    expires_at   timestamptz NULL,
    last_used_at timestamptz NULL,
    created_by   uuid        NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz NULL,
    -- Platform keys have no tenant; every other role is confined to one.
    CONSTRAINT api_keys_role_tenant_check CHECK ((role = 'superadmin') = (tenant_id IS NULL)),
    -- User-role keys, and only they, act for one extension.
    CONSTRAINT api_keys_user_extension_check CHECK ((role = 'user') = (extension_id IS NOT NULL))
);

-- Names identify active keys within a tenant (platform keys form their own namespace, hence the
-- all-zero stand-in for NULL); a revoked key frees its name.
CREATE UNIQUE INDEX api_keys_active_name_key
    ON api_keys (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))
    WHERE status = 'active';
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

-- No foreign key to tenants: the trail must outlive a deleted tenant.
CREATE TABLE audit_log (
    id          uuid        PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        NULL,
    actor_kind  text        NOT NULL,
    tenant_id   uuid        NULL,
    action      text        NOT NULL,
    resource    text        NOT NULL,
    resource_id text        NULL,
    client_ip   text        NULL
);

CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_resource_at_idx ON audit_log (resource, at DESC);
