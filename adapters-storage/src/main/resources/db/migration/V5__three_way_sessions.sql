-- Three-way calls in progress. Any API node may handle a call's next step, so the sessions live
-- here rather than in one node's memory. A row exists only while its call does: an ended session
-- is deleted, not kept.

-- Deleting a tenant deletes its sessions, as it does everything else of the tenant. The table holds
-- only calls in progress, so the cascade needs no index of its own on tenant_id.
CREATE TABLE three_way_sessions (
    moderator    uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    state        text        NOT NULL
                             CHECK (state IN ('two_party', 'consulting', 'consult_answered', 'merged', 'private')),
    -- The state's parties in the order its record names them: a then b, or, in 'private', the
    -- party the moderator keeps talking to then the one held in the conference.
    first_party  uuid        NOT NULL,
    second_party uuid        NULL,
    -- The tenant's name for the conference, not the switch's room.
    conference   text        NULL,
    -- {leg uuid: conference member id} for the legs that joined the conference.
    members      jsonb       NOT NULL DEFAULT '{}',
    -- Legs known to have hung up; a leg that left the state may still be listed here.
    ended        uuid[]      NOT NULL DEFAULT '{}',
    -- Grows with every change: a write lands only if the row still has the version its writer read.
    version      bigint      NOT NULL,
    -- Not read by the application: shows an operator sessions a crashed node left behind.
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- Each state has exactly the columns its record has.
    CONSTRAINT three_way_sessions_state_columns_check CHECK (CASE state
        WHEN 'two_party' THEN second_party IS NULL AND conference IS NULL
        WHEN 'consulting' THEN second_party IS NOT NULL AND conference IS NULL
        WHEN 'consult_answered' THEN second_party IS NOT NULL AND conference IS NULL
        ELSE second_party IS NOT NULL AND conference IS NOT NULL
    END)
);

-- Conference events name the tenant's conference; among the sessions that exist (all of them
-- live) one name belongs to one session of the tenant.
CREATE UNIQUE INDEX three_way_sessions_conference_key ON three_way_sessions (tenant_id, conference)
    WHERE conference IS NOT NULL;

-- Every leg of a session, the moderator's included, so a channel event finds its session, and the
-- primary key keeps a leg from taking part in two sessions at once. The rows go with the session.
CREATE TABLE three_way_legs (
    leg       uuid PRIMARY KEY,
    moderator uuid NOT NULL REFERENCES three_way_sessions (moderator) ON DELETE CASCADE
);

-- Replacing a session's legs and deleting the session look them up by moderator.
CREATE INDEX three_way_legs_moderator_idx ON three_way_legs (moderator);
