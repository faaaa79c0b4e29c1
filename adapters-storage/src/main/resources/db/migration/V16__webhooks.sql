-- A tenant's webhooks: events posted to a URL, signed with a secret kept encrypted by the
-- application's cipher (and, while a rotation lasts, the previous one until previous_secret_until).
-- The custom headers are a JSON array of [name, value] pairs, so their order is kept as given.
CREATE TABLE webhooks (
    id                        uuid PRIMARY KEY,
    tenant_id                 uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                      text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    url                       text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    events                    text[] NOT NULL,
    active                    boolean NOT NULL,
    headers                   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(headers) = 'array'),
    max_retries               integer NOT NULL CHECK (max_retries BETWEEN 0 AND 20),
    retry_delay_seconds       integer NOT NULL CHECK (retry_delay_seconds BETWEEN 1 AND 3600),
    secret_encrypted          text NOT NULL,
    previous_secret_encrypted text,
    previous_secret_until     timestamptz,
    failing_since             timestamptz,
    disabled_reason           text,
    disabled_at               timestamptz,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);

CREATE UNIQUE INDEX webhooks_tenant_name_key ON webhooks (tenant_id, lower(name));

-- The outbox: one row per event on its way to one webhook, written in the transaction of the change
-- that raised the event. A pending delivery is due at next_attempt_at; a node's claim moves that to
-- the end of its lease, so a delivery a dead node held becomes due again by itself.
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    tenant_id       uuid NOT NULL,
    event_id        uuid NOT NULL,
    event           text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempt_count   integer NOT NULL DEFAULT 0 CHECK (attempt_count >= 0),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL)
);

-- The claim's: pending rows only, so it stays small however long the log of finished ones grows.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- A webhook's delivery log, newest first.
CREATE INDEX webhook_deliveries_webhook_created_idx ON webhook_deliveries (webhook_id, created_at DESC, id);
-- Purging finished deliveries past their retention.
CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (created_at) WHERE status <> 'pending';

CREATE TABLE webhook_delivery_attempts (
    delivery_id      uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt_no       integer NOT NULL CHECK (attempt_no >= 1),
    at               timestamptz NOT NULL,
    status_code      integer,
    duration_ms      bigint NOT NULL,
    error            text,
    response_excerpt text,
    PRIMARY KEY (delivery_id, attempt_no)
);
