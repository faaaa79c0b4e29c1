-- Extensions. SIP passwords and voicemail PINs must be handed back to phones and switches, so
-- they are stored encrypted (the *_enc columns), never hashed.

CREATE TABLE extensions (
    id                         uuid        PRIMARY KEY,
    tenant_id                  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    number                     text        NOT NULL,
    display_name               text        NOT NULL,
    sip_password_enc           text        NOT NULL,
    voicemail_enabled          boolean     NOT NULL DEFAULT false,
    voicemail_pin_enc          text        NULL,
    do_not_disturb             boolean     NOT NULL DEFAULT false,
    recording_enabled          boolean     NOT NULL DEFAULT true,
    noise_cancellation_enabled boolean     NOT NULL DEFAULT true,
    outbound_caller_id         text        NULL,
    status                     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    crm_user_id                text        NULL,
    crm_metadata               jsonb       NULL,
    presence                   text        NOT NULL DEFAULT 'available'
                                           CHECK (presence IN ('available', 'busy', 'offline')),
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT extensions_tenant_number_key UNIQUE (tenant_id, number),
    -- Redundant with the primary key, but lets the api_keys foreign key below include the tenant.
    CONSTRAINT extensions_tenant_id_key UNIQUE (tenant_id, id)
);

-- Referencing (tenant_id, id) rather than id alone means a key can never be bound to an
-- extension of another tenant, whatever the application does. Deleting the extension deletes
-- the keys that act for it.
ALTER TABLE api_keys
    ADD CONSTRAINT api_keys_extension_fk
    FOREIGN KEY (tenant_id, extension_id) REFERENCES extensions (tenant_id, id) ON DELETE CASCADE;

CREATE INDEX api_keys_extension_idx ON api_keys (extension_id) WHERE extension_id IS NOT NULL;
