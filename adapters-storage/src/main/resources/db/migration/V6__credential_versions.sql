-- Credential versions. A login token carries the versions of its extension and tenant as they
-- were when it was issued; a new SIP password or disabling the extension advances the
-- extension's, suspending the tenant advances the tenant's, and every token issued before is
-- refused from then on, even after the extension is enabled or the tenant reactivated again.
ALTER TABLE extensions ADD COLUMN credential_version bigint NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN credential_version bigint NOT NULL DEFAULT 0;
