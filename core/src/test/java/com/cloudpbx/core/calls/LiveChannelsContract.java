package com.cloudpbx.core.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LiveChannels} does; each adapter's test extends this. */
public abstract class LiveChannelsContract {

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private LiveChannels channels;

    /** Live channels holding no leg; called before every test. */
    protected abstract LiveChannels newChannels();

    @BeforeEach
    void startEmpty() {
        channels = newChannels();
    }

    @Test
    void aPutChannelIsFoundByItsUuidWithEveryField() {
        UUID callUuid = UUID.randomUUID();
        var full = new LiveChannel(UUID.randomUUID(), callUuid, acme, "1001", "+15551230001", "Alice",
                "+15559870000", CallDirection.INBOUND, true, true, T0, T0.plusSeconds(3), UUID.randomUUID(), "701",
                "sales-room");

        channels.put(full);

        assertThat(channels.find(full.uuid())).contains(full);
        assertThat(channels.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void putReplacesTheChannelWithTheSameUuid() {
        LiveChannel ringing = channel(acme, T0);
        LiveChannel answered = ringing.answeredAt(T0.plusSeconds(4));

        channels.put(ringing);
        channels.put(answered);

        assertThat(channels.find(ringing.uuid())).contains(answered);
        assertThat(channels.list(Optional.of(acme))).containsExactly(answered);
    }

    @Test
    void aTenantsListHoldsOnlyItsChannelsAndNoTenantMeansEveryTenant() {
        LiveChannel ours = channel(acme, T0);
        LiveChannel alsoOurs = channel(acme, T0.plusSeconds(1));
        LiveChannel theirs = channel(globex, T0.plusSeconds(2));
        channels.put(ours);
        channels.put(alsoOurs);
        channels.put(theirs);

        assertThat(channels.list(Optional.of(acme))).containsExactlyInAnyOrder(ours, alsoOurs);
        assertThat(channels.list(Optional.of(globex))).containsExactly(theirs);
        assertThat(channels.list(Optional.empty())).containsExactlyInAnyOrder(ours, alsoOurs, theirs);
        assertThat(channels.list(Optional.of(TenantId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void listsShowTheOldestChannelFirstThenByUuid() {
        LiveChannel late = channel(acme, T0.plusMillis(1500));
        LiveChannel early = channel(acme, T0.plusNanos(1000));
        LiveChannel sameInstant = channel(acme, T0.plusMillis(700));
        LiveChannel alsoSameInstant = channel(globex, T0.plusMillis(700));
        for (LiveChannel channel : List.of(late, sameInstant, early, alsoSameInstant)) {
            channels.put(channel);
        }

        List<LiveChannel> tied = Stream.of(sameInstant, alsoSameInstant).sorted(Comparator.comparing(LiveChannel::uuid))
                .toList();
        assertThat(channels.list(Optional.empty())).containsExactly(early, tied.get(0), tied.get(1), late);
        assertThat(channels.list(Optional.of(acme))).containsExactly(early, sameInstant, late);
    }

    @Test
    void removeForgetsOnlyThatChannel() {
        LiveChannel gone = channel(acme, T0);
        LiveChannel kept = channel(acme, T0.plusSeconds(1));
        channels.put(gone);
        channels.put(kept);

        channels.remove(gone.uuid());
        channels.remove(UUID.randomUUID());

        assertThat(channels.find(gone.uuid())).isEmpty();
        assertThat(channels.list(Optional.empty())).containsExactly(kept);
    }

    private static LiveChannel channel(TenantId tenant, Instant startedAt) {
        UUID uuid = UUID.randomUUID();
        return new LiveChannel(uuid, uuid, tenant, "1001", "+15551230001", "Alice", "1001", CallDirection.INBOUND,
                false, false, startedAt, null, null, null, null);
    }
}
