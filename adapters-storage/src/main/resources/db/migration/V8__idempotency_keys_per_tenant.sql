-- An Idempotency-Key belongs to the principal and the tenant the request acted in: a superadmin
-- repeating a key with another X-Tenant-ID asks another tenant, which must run the command
-- rather than be answered with the first tenant's response. '*' is a superadmin acting in no
-- tenant (a text column, not a nullable uuid, so that it can be part of the primary key).
-- Keys stored before keep '*': tenant principals no longer meet them, and the purge removes
-- them within 24 hours.
ALTER TABLE idempotency_keys ADD COLUMN tenant_scope text NOT NULL DEFAULT '*';
ALTER TABLE idempotency_keys ALTER COLUMN tenant_scope DROP DEFAULT;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (principal_id, tenant_scope, key);
