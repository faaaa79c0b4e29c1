-- IVR menus and call queues. Route targets are stored as the core's RouteTarget holds them: an
-- action's wire name and a target text (an extension number, an E.164 number, a conference name,
-- the id of a menu, queue or ring group; NULL for hangup). Targets naming another resource are not
-- foreign keys: a menu may name a ring group stored elsewhere, and deletes are refused by the use
-- cases while anything still points at the resource.

CREATE TABLE ivr_menus (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    greeting        text        NOT NULL,
    timeout_seconds integer     NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 60),
    max_retries     integer     NOT NULL CHECK (max_retries BETWEEN 0 AND 10),
    timeout_action  text        NOT NULL,
    timeout_target  text        NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT ivr_menus_tenant_name_key UNIQUE (tenant_id, name)
);

-- The options of a menu, one per key; position keeps the order the client sent them in.
CREATE TABLE ivr_menu_options (
    menu_id  uuid    NOT NULL REFERENCES ivr_menus (id) ON DELETE CASCADE,
    digit    text    NOT NULL CHECK (digit ~ '^[0-9*#]$'),
    position integer NOT NULL,
    action   text    NOT NULL,
    target   text    NULL,
    PRIMARY KEY (menu_id, digit)
);

CREATE TABLE call_queues (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    strategy         text        NOT NULL,
    max_wait_seconds integer     NOT NULL CHECK (max_wait_seconds BETWEEN 10 AND 86400),
    moh              text        NOT NULL,
    timeout_action   text        NOT NULL,
    timeout_target   text        NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT call_queues_tenant_name_key UNIQUE (tenant_id, name)
);

-- Agents reference the extension, so deleting an extension drops it from every queue; responses
-- name the agent by the extension's number. position keeps the order the client sent them in.
CREATE TABLE call_queue_agents (
    queue_id      uuid    NOT NULL REFERENCES call_queues (id) ON DELETE CASCADE,
    extension_id  uuid    NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    tier_level    integer NOT NULL CHECK (tier_level BETWEEN 1 AND 9),
    tier_position integer NOT NULL CHECK (tier_position BETWEEN 1 AND 100),
    status        text    NOT NULL DEFAULT 'logged_out'
                          CHECK (status IN ('available', 'busy', 'paused', 'logged_out')),
    PRIMARY KEY (queue_id, extension_id)
);

CREATE INDEX call_queue_agents_extension_idx ON call_queue_agents (extension_id);
