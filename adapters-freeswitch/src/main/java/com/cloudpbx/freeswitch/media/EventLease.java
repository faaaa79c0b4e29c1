package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.LeaseState;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EslMediaServer} learns whether this node applies a switch's events: the leases, and
 * how long one lasts without renewal (renewed five times as often).
 */
public record EventLease(MediaServerLeases leases, Duration ttl) {

    public EventLease {
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 100) {
            throw new IllegalArgumentException("an event lease must last at least 100 ms");
        }
    }

    /** This node alone: it applies every switch's events. */
    public static EventLease soleNode() {
        return new EventLease(new SoleNode(), Duration.ofSeconds(5));
    }

    Duration renewEvery() {
        return ttl.dividedBy(5);
    }

    private static final class SoleNode implements MediaServerLeases {

        @Override
        public LeaseState hold(String mediaServer, Duration ttl) {
            return LeaseState.HELD;
        }

        @Override
        public void release(String mediaServer) {
            // Nobody else could take it.
        }
    }
}
