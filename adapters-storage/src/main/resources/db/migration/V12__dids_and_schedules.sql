-- Business schedules: opening hours on the wall clock of an IANA zone, holidays closed all day in
-- that zone, and where calls go while closed. Hours keep the order the client gave them.

CREATE TABLE business_schedules (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name               text        NOT NULL,
    timezone           text        NOT NULL,
    after_hours_action text        NOT NULL CHECK (after_hours_action IN
                                       ('voicemail', 'ivr', 'extension', 'hangup', 'external', 'ai_agent')),
    after_hours_target text        NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT business_schedules_tenant_name_key UNIQUE (tenant_id, name),
    -- Lets a DID reference (tenant_id, id), so it can only follow a schedule of its own tenant.
    CONSTRAINT business_schedules_tenant_id_key UNIQUE (tenant_id, id)
);

CREATE TABLE business_schedule_hours (
    schedule_id uuid    NOT NULL REFERENCES business_schedules (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    day         text    NOT NULL CHECK (day IN
                            ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    enabled     boolean NOT NULL,
    start_time  time    NOT NULL,
    end_time    time    NOT NULL,
    PRIMARY KEY (schedule_id, position)
);

CREATE TABLE business_schedule_holidays (
    schedule_id uuid NOT NULL REFERENCES business_schedules (id) ON DELETE CASCADE,
    holiday     date NOT NULL,
    name        text NULL,
    PRIMARY KEY (schedule_id, holiday)
);

-- DIDs: a number is one tenant's on the whole platform. A schedule that DIDs follow cannot be
-- deleted (the application names them; the foreign key backs it up).
CREATE TABLE dids (
    id                  uuid        PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    number              text        NOT NULL,
    inbound_route       text        NOT NULL CHECK (inbound_route IN ('extension', 'ivr', 'queue', 'ring_group',
                                        'voicemail', 'conference', 'external', 'ai_agent', 'whatsapp')),
    route_target        text        NULL,
    schedule_id         uuid        NULL,
    emergency_caller_id boolean     NOT NULL DEFAULT false,
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dids_number_key UNIQUE (number),
    CONSTRAINT dids_schedule_fk FOREIGN KEY (tenant_id, schedule_id) REFERENCES business_schedules (tenant_id, id)
);

CREATE INDEX dids_tenant_idx ON dids (tenant_id);
CREATE INDEX dids_schedule_idx ON dids (schedule_id) WHERE schedule_id IS NOT NULL;
CREATE INDEX dids_route_target_idx ON dids (tenant_id, inbound_route, route_target);
