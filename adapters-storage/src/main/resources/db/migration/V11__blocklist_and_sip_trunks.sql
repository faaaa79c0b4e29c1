-- A tenant's blocklist: one row per pattern (an E.164 number, a prefix such as '+1900*', or
-- 'anonymous'), unique within the tenant, so the same pattern cannot be blocked twice.
CREATE TABLE blocked_numbers (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    number     text NOT NULL CHECK (length(number) BETWEEN 1 AND 32),
    reason     text CHECK (length(reason) <= 255),
    direction  text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'both')),
    created_at timestamptz NOT NULL,
    CONSTRAINT blocked_numbers_tenant_number_key UNIQUE (tenant_id, number)
);

-- SIP trunks to carriers: global (no tenant) or one tenant's. The password is stored encrypted by
-- the application's cipher, like extension SIP passwords. Names are unique platform-wide because
-- each trunk is a gateway of the media server's one external profile.
CREATE TABLE sip_trunks (
    id           uuid PRIMARY KEY,
    tenant_id    uuid REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    provider     text,
    proxy        text NOT NULL,
    username     text,
    password_enc text,
    transport    text NOT NULL CHECK (transport IN ('udp', 'tcp', 'tls')),
    codecs       text[] NOT NULL,
    register     boolean NOT NULL,
    max_channels integer NOT NULL CHECK (max_channels BETWEEN 1 AND 10000),
    status       text NOT NULL CHECK (status IN ('active', 'inactive')),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT sip_trunks_name_key UNIQUE (name)
);

CREATE INDEX sip_trunks_tenant_id_idx ON sip_trunks (tenant_id);
