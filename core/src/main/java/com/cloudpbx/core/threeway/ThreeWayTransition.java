package com.cloudpbx.core.threeway;

import java.util.List;
import java.util.Objects;

/** The outcome of one input: the session's next version and the commands to send, or a refusal. */
public sealed interface ThreeWayTransition {

    record Accepted(ThreeWaySession session, List<ThreeWayCommand> commands) implements ThreeWayTransition {
        public Accepted {
            Objects.requireNonNull(session, "session");
            commands = List.copyOf(commands);
        }
    }

    /**
     * Not allowed now. {@code code} is INVALID_STATE when the state forbids the input, or names
     * what was wrong with it (an unknown participant or member); nothing is sent.
     */
    record Refused(String code, String message) implements ThreeWayTransition {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
