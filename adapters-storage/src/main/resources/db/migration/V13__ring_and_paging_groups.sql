-- Ring groups and paging groups. Members reference the extension by (tenant_id, id), so a group
-- can never hold another tenant's extension, and deleting an extension drops its memberships.
-- Members are listed in their stored position (the order the client sent them).

CREATE TABLE ring_groups (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    strategy         text        NOT NULL CHECK (strategy IN ('simultaneous', 'sequential', 'random')),
    ring_timeout     integer     NOT NULL CHECK (ring_timeout BETWEEN 5 AND 300),
    no_answer_action text        NOT NULL,
    no_answer_target text        NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT ring_groups_tenant_name_key UNIQUE (tenant_id, name),
    CONSTRAINT ring_groups_tenant_id_key UNIQUE (tenant_id, id)
);

CREATE TABLE ring_group_members (
    ring_group_id uuid    NOT NULL,
    tenant_id     uuid    NOT NULL,
    extension_id  uuid    NOT NULL,
    position      integer NOT NULL,
    priority      integer NOT NULL CHECK (priority BETWEEN 1 AND 100),
    delay_seconds integer NOT NULL CHECK (delay_seconds BETWEEN 0 AND 300),
    PRIMARY KEY (ring_group_id, extension_id),
    FOREIGN KEY (tenant_id, ring_group_id) REFERENCES ring_groups (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, extension_id) REFERENCES extensions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX ring_group_members_extension_idx ON ring_group_members (extension_id);

CREATE TABLE paging_groups (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    description    text        NULL,
    extension_code text        NOT NULL CHECK (extension_code ~ '^\*[0-9]{1,6}$'),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT paging_groups_tenant_name_key UNIQUE (tenant_id, name),
    CONSTRAINT paging_groups_tenant_code_key UNIQUE (tenant_id, extension_code),
    CONSTRAINT paging_groups_tenant_id_key UNIQUE (tenant_id, id)
);

CREATE TABLE paging_group_members (
    paging_group_id uuid    NOT NULL,
    tenant_id       uuid    NOT NULL,
    extension_id    uuid    NOT NULL,
    position        integer NOT NULL,
    PRIMARY KEY (paging_group_id, extension_id),
    FOREIGN KEY (tenant_id, paging_group_id) REFERENCES paging_groups (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, extension_id) REFERENCES extensions (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX paging_group_members_extension_idx ON paging_group_members (extension_id);
