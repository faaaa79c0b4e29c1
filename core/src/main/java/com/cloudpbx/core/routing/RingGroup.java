package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Extensions rung together, one after another or one at random for {@code ringTimeoutSeconds};
 * unanswered, the call takes the no-answer route.
 */
public record RingGroup(UUID id, TenantId tenant, String name, RingStrategy strategy, int ringTimeoutSeconds,
                        RouteTarget noAnswer, List<Member> members, Instant createdAt, Instant updatedAt) {

    public RingGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(noAnswer, "noAnswer");
        members = List.copyOf(members);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A member extension; lower priority rings first in sequence, after {@code delaySeconds}. */
    public record Member(String extension, int priority, int delaySeconds) {

        public Member {
            Objects.requireNonNull(extension, "extension");
        }
    }

    public enum RingStrategy {
        SIMULTANEOUS, SEQUENTIAL, RANDOM
    }
}
