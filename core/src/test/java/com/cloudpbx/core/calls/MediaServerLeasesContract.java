package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.MediaServerLeases;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MediaServerLeases} must do for one node. An adapter shared by several nodes
 * adds, in its own test, that a second node is told {@link LeaseState#HELD_ELSEWHERE} and takes
 * over once the lease lapses or is released.
 */
public abstract class MediaServerLeasesContract {

    protected static final Duration TTL = Duration.ofSeconds(5);

    /** The leases as one node sees them. */
    protected abstract MediaServerLeases leases();

    private final String mediaServer = "fs-" + UUID.randomUUID() + ":8021";

    @Test
    void aFreeLeaseIsTaken() {
        assertThat(leases().hold(mediaServer, TTL)).isEqualTo(LeaseState.HELD);
    }

    @Test
    void theHolderKeepsItsLeaseWhenItRenews() {
        MediaServerLeases leases = leases();
        leases.hold(mediaServer, TTL);

        assertThat(leases.hold(mediaServer, TTL)).isEqualTo(LeaseState.HELD);
    }

    @Test
    void aReleasedLeaseCanBeTakenAgain() {
        MediaServerLeases leases = leases();
        leases.hold(mediaServer, TTL);
        leases.release(mediaServer);

        assertThat(leases.hold(mediaServer, TTL)).isEqualTo(LeaseState.HELD);
    }

    @Test
    void releasingALeaseNotHeldChangesNothing() {
        MediaServerLeases leases = leases();
        leases.release(mediaServer);

        assertThat(leases.hold(mediaServer, TTL)).isEqualTo(LeaseState.HELD);
    }

    @Test
    void eachMediaServerHasALeaseOfItsOwn() {
        MediaServerLeases leases = leases();
        leases.hold(mediaServer, TTL);

        assertThat(leases.hold("other-" + mediaServer, TTL)).isEqualTo(LeaseState.HELD);
    }
}
