package com.cloudpbx.core.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.HangupLedger;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HangupLedger} does; each adapter's test extends this. */
public abstract class HangupLedgerContract {

    private HangupLedger hangups;

    /** A ledger holding no hang-up; called before every test. */
    protected abstract HangupLedger newLedger();

    @BeforeEach
    void startEmpty() {
        hangups = newLedger();
    }

    @Test
    void anEndedLegIsRememberedWithHowItEnded() {
        var hangup = new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 42, 37, T0);

        hangups.markEnded(hangup);

        assertThat(hangups.endedWith(hangup.uuid())).contains(hangup);
        assertThat(hangups.endedWith(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theFirstReportOfALegsEndIsTheOneKept() {
        UUID leg = UUID.randomUUID();
        var first = new MediaEvent.ChannelHungUp(leg, "NORMAL_CLEARING", 42, 37, T0);

        hangups.markEnded(first);
        hangups.markEnded(new MediaEvent.ChannelHungUp(leg, "ORIGINATOR_CANCEL", 43, 0, T0.plusSeconds(1)));

        assertThat(hangups.endedWith(leg)).contains(first);
    }

    @Test
    void anEarlyHangupIsHeldUntilTakenOnce() {
        UUID leg = UUID.randomUUID();
        var hangup = new MediaEvent.ChannelHungUp(leg, "NORMAL_CLEARING", 3, 1, T0);

        hangups.holdEarlyHangup(hangup);

        assertThat(hangups.takeEarlyHangup(leg)).contains(hangup);
        assertThat(hangups.takeEarlyHangup(leg)).isEmpty();
    }

    @Test
    void theFirstEarlyHangupHeldIsTheOneKept() {
        UUID leg = UUID.randomUUID();
        var first = new MediaEvent.ChannelHungUp(leg, "NORMAL_CLEARING", 3, 1, T0);

        hangups.holdEarlyHangup(first);
        hangups.holdEarlyHangup(new MediaEvent.ChannelHungUp(leg, "ORIGINATOR_CANCEL", 4, 0, T0.plusSeconds(1)));

        assertThat(hangups.takeEarlyHangup(leg)).contains(first);
    }

    @Test
    void anEarlyHangupIsNotAnEndedLegNorTheOtherWayRound() {
        var early = new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 3, 1, T0);
        var ended = new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 42, 37, T0);

        hangups.holdEarlyHangup(early);
        hangups.markEnded(ended);

        assertThat(hangups.endedWith(early.uuid())).isEmpty();
        assertThat(hangups.takeEarlyHangup(ended.uuid())).isEmpty();
    }
}
