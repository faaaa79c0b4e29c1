package com.cloudpbx.storage.memory;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.HangupLedgerContract;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.HangupLedger;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryHangupLedgerTest extends HangupLedgerContract {

    private final MovableClock clock = new MovableClock(T0);

    @Override
    protected HangupLedger newLedger() {
        return new InMemoryHangupLedger(clock);
    }

    @Test
    void anEndedLegIsRememberedForTenMinutes() {
        var ledger = new InMemoryHangupLedger(clock);
        MediaEvent.ChannelHungUp hangup = hangup();
        ledger.markEnded(hangup);

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(ledger.endedWith(hangup.uuid())).contains(hangup);

        clock.advance(Duration.ofMillis(1));
        assertThat(ledger.endedWith(hangup.uuid())).isEmpty();
    }

    @Test
    void aRepeatedHangupKeepsTheFirstReport() {
        var ledger = new InMemoryHangupLedger(clock);
        MediaEvent.ChannelHungUp first = hangup();
        var repeat = new MediaEvent.ChannelHungUp(first.uuid(), "LOSE_RACE", 99, 99, T0.plusSeconds(30));

        ledger.markEnded(first);
        ledger.markEnded(repeat);

        assertThat(ledger.endedWith(first.uuid())).contains(first);
    }

    @Test
    void aLegEndingAgainAfterItWasForgottenIsRememberedAnew() {
        var ledger = new InMemoryHangupLedger(clock);
        MediaEvent.ChannelHungUp first = hangup();
        ledger.markEnded(first);
        clock.advance(Duration.ofMinutes(11));
        var later = new MediaEvent.ChannelHungUp(first.uuid(), "NORMAL_CLEARING", 5, 0, T0.plusSeconds(660));

        ledger.markEnded(later);

        assertThat(ledger.endedWith(first.uuid())).contains(later);
        clock.advance(Duration.ofMinutes(9));
        assertThat(ledger.endedWith(first.uuid())).contains(later);
    }

    @Test
    void beyondItsCapacityTheOldestEndedLegsAreForgottenFirst() {
        var ledger = new InMemoryHangupLedger(clock, Duration.ofMinutes(10), 3);
        List<MediaEvent.ChannelHungUp> hangups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hangups.add(hangup());
            ledger.markEnded(hangups.getLast());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(ledger.endedWith(hangups.get(0).uuid())).isEmpty();
        assertThat(ledger.endedWith(hangups.get(1).uuid())).isEmpty();
        for (MediaEvent.ChannelHungUp kept : hangups.subList(2, 5)) {
            assertThat(ledger.endedWith(kept.uuid())).contains(kept);
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
