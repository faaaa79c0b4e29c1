package com.cloudpbx.storage.memory;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.LiveCallStoreContract;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryLiveCallStoreTest extends LiveCallStoreContract {

    private final MovableClock clock = new MovableClock(T0);

    @Override
    protected LiveCallStore newStore() {
        return new InMemoryLiveCallStore(clock);
    }

    @Test
    void anEndedLegIsRememberedForTenMinutes() {
        var store = new InMemoryLiveCallStore(clock);
        MediaEvent.ChannelHungUp hangup = hangup();
        store.markEnded(hangup);

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(store.endedWith(hangup.uuid())).contains(hangup);

        clock.advance(Duration.ofMillis(1));
        assertThat(store.endedWith(hangup.uuid())).isEmpty();
    }

    @Test
    void aRepeatedHangupKeepsTheFirstReport() {
        var store = new InMemoryLiveCallStore(clock);
        MediaEvent.ChannelHungUp first = hangup();
        var repeat = new MediaEvent.ChannelHungUp(first.uuid(), "LOSE_RACE", 99, 99, T0.plusSeconds(30));

        store.markEnded(first);
        store.markEnded(repeat);

        assertThat(store.endedWith(first.uuid())).contains(first);
    }

    @Test
    void aLegEndingAgainAfterItWasForgottenIsRememberedAnew() {
        var store = new InMemoryLiveCallStore(clock);
        MediaEvent.ChannelHungUp first = hangup();
        store.markEnded(first);
        clock.advance(Duration.ofMinutes(11));
        var later = new MediaEvent.ChannelHungUp(first.uuid(), "NORMAL_CLEARING", 5, 0, T0.plusSeconds(660));

        store.markEnded(later);

        assertThat(store.endedWith(first.uuid())).contains(later);
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.endedWith(first.uuid())).contains(later);
    }

    @Test
    void beyondItsCapacityTheOldestEndedLegsAreForgottenFirst() {
        var store = new InMemoryLiveCallStore(clock, Duration.ofMinutes(10), 3);
        List<MediaEvent.ChannelHungUp> hangups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hangups.add(hangup());
            store.markEnded(hangups.getLast());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.endedWith(hangups.get(0).uuid())).isEmpty();
        assertThat(store.endedWith(hangups.get(1).uuid())).isEmpty();
        for (MediaEvent.ChannelHungUp kept : hangups.subList(2, 5)) {
            assertThat(store.endedWith(kept.uuid())).contains(kept);
        }
    }

    @Test
    void forgottenLegsFreeTheirMemory() {
        var hangups = new RecentHangups(clock, Duration.ofMinutes(10), 1_000);
        for (int i = 0; i < 500; i++) {
            hangups.remember(hangup());
        }
        clock.advance(Duration.ofMinutes(10));

        hangups.remember(hangup());

        assertThat(hangups.size()).isEqualTo(1);
    }

    private static MediaEvent.ChannelHungUp hangup() {
        return new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 42, 37, T0);
    }
}
