package com.cloudpbx.core.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.shared.TenantId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CallTrails} does; each adapter's test extends this. */
public abstract class CallTrailsContract {

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private CallTrails trails;

    /** Call trails holding no call; called before every test. */
    protected abstract CallTrails newTrails();

    @BeforeEach
    void startEmpty() {
        trails = newTrails();
    }

    @Test
    void aSavedTrailIsFoundReplacedAndRemoved() {
        UUID firstLeg = UUID.randomUUID();
        CallTrail begun = CallTrail.begin(new MediaEvent.ChannelCreated(firstLeg, firstLeg, acme,
                CallDirection.INBOUND, "1001", "+15551230001", "Alice", "+15559870000", T0));
        UUID otherLeg = UUID.randomUUID();
        CallTrail grown = begun.withLeg(otherLeg).legAnswered(otherLeg, T0.plusSeconds(5)).forwardedTo("1002");

        trails.save(begun);
        assertThat(trails.find(begun.callUuid())).contains(begun);

        trails.save(grown);
        assertThat(trails.find(begun.callUuid())).contains(grown);
        assertThat(trails.find(begun.callUuid()).orElseThrow().liveLegs())
                .isEqualTo(Set.of(begun.callUuid(), otherLeg));

        trails.remove(begun.callUuid());
        assertThat(trails.find(begun.callUuid())).isEmpty();
    }

    @Test
    void anUnknownCallHasNoTrail() {
        assertThat(trails.find(UUID.randomUUID())).isEmpty();
        trails.remove(UUID.randomUUID());
    }
}
