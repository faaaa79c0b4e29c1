-- merge-direct of two calls that share no phone puts every leg of both into the room: the legs
-- beyond the state's two parties are the session's guests, in the order they take the place of a
-- party that leaves. Only a merged session has any (going private needs a call of three).
ALTER TABLE three_way_sessions ADD COLUMN guests uuid[] NOT NULL DEFAULT '{}';

ALTER TABLE three_way_sessions ADD CONSTRAINT three_way_sessions_guests_check
    CHECK (state = 'merged' OR cardinality(guests) = 0);
