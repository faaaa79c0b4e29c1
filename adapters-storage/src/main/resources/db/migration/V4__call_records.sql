-- Call history (one record per finished call) and the responses kept for idempotent retries.
--
-- The history is sized for a million records per tenant: every list and count the API offers
-- has an index that serves it without reading the tenant's whole history.

-- Trigram indexes make the partial, case-insensitive number search (ILIKE '%...%') indexable.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Deleting a tenant deletes its history: records name the tenant's extensions and callers, and
-- nothing may read them once the tenant is gone.
CREATE TABLE call_records (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- The media server reports a call's end more than once (every leg, retries, reconnects);
    -- the first report wins and the rest are ignored.
    call_uuid        uuid        NOT NULL UNIQUE,
    direction        text        NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    -- Anonymous callers and unparsed dial strings leave these empty, so they may be NULL.
    caller_id_number text        NULL,
    caller_id_name   text        NULL,
    destination      text        NULL,
    extension        text        NULL,
    status           text        NOT NULL CHECK (status IN ('completed', 'missed', 'failed', 'voicemail')),
    duration_seconds bigint      NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    billsec          bigint      NOT NULL DEFAULT 0 CHECK (billsec >= 0),
    forwarded_to     text        NULL,
    was_voicemail    boolean     NOT NULL DEFAULT false,
    hangup_cause     text        NULL,
    started_at       timestamptz NOT NULL,
    answered_at      timestamptz NULL,
    ended_at         timestamptz NOT NULL,
    recording_url    text        NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- The default page: a tenant's calls newest first, id breaking ties as the ORDER BY does. The
-- filtered indexes below end the same way, so a filtered page needs no sort either.
CREATE INDEX call_records_tenant_started_idx ON call_records (tenant_id, started_at DESC, id DESC);
-- The same across tenants, for the platform-wide list.
CREATE INDEX call_records_started_idx ON call_records (started_at DESC, id DESC);
CREATE INDEX call_records_tenant_direction_idx ON call_records (tenant_id, direction, started_at DESC, id DESC);
CREATE INDEX call_records_tenant_status_idx ON call_records (tenant_id, status, started_at DESC, id DESC);
-- The extension filter matches the extension, the caller or the destination; one index each
-- lets PostgreSQL answer the OR with a BitmapOr instead of reading the tenant's history.
CREATE INDEX call_records_tenant_extension_idx ON call_records (tenant_id, extension, started_at DESC, id DESC);
CREATE INDEX call_records_tenant_caller_idx ON call_records (tenant_id, caller_id_number, started_at DESC, id DESC);
CREATE INDEX call_records_tenant_destination_idx ON call_records (tenant_id, destination, started_at DESC, id DESC);
-- Few calls are forwarded, so the partial index stays small.
CREATE INDEX call_records_tenant_forwarded_idx ON call_records (tenant_id, forwarded_to)
    WHERE forwarded_to IS NOT NULL;
-- The number search. Queries must spell this expression exactly as written here (see
-- CallRecordsTable.SEARCH_TEXT) or PostgreSQL will not match them to the index.
CREATE INDEX call_records_search_trgm_idx ON call_records USING gin (
    lower(coalesce(caller_id_number, '') || ' ' || coalesce(caller_id_name, '') || ' ' || coalesce(destination, ''))
    gin_trgm_ops);

-- A retried request carrying the same Idempotency-Key gets the first response again instead of
-- repeating the write. Keys are scoped to the principal that sent them, and kept for 24 hours.
CREATE TABLE idempotency_keys (
    principal_id    uuid        NOT NULL,
    key             text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    -- A hash of method, path and body: the same key with a different request is a client error.
    request_hash    text        NOT NULL,
    -- Null while the request that reserved the key is still running.
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal_id, key)
);

-- The purge deletes by age.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
