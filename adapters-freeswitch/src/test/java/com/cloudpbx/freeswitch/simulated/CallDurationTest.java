package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Durations as CHANNEL_HANGUP_COMPLETE reports them. Phones here never answer by themselves;
 * the test answers them with the clock standing at chosen times.
 */
class CallDurationTest extends SimulatedSwitchTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final UUID caller = UUID.randomUUID();

    @Override
    SimulationSettings settings() {
        return new SimulationSettings(Duration.ofHours(1), Duration.ofHours(2), Set.of());
    }

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void eachLegReportsSecondsSinceItWasCreatedAndBilledSecondsSinceItAnswered() {
        sim.originate(originate(caller, "1001", extension("1002")));
        clock.advance(Duration.ofSeconds(2));
        sim.answer(caller);
        UUID callee = events.awaitOtherLeg(caller, caller);
        clock.advance(Duration.ofSeconds(3));
        sim.answer(callee);
        clock.advance(Duration.ofMillis(10_900));

        sim.hangup(caller);

        ChannelHungUp callerHungUp = events.await(ChannelHungUp.class, caller);
        ChannelHungUp calleeHungUp = events.await(ChannelHungUp.class, callee);
        assertThat(callerHungUp.durationSeconds()).isEqualTo(15);
        assertThat(callerHungUp.billsec()).isEqualTo(13);
        assertThat(calleeHungUp.durationSeconds()).isEqualTo(13);
        assertThat(calleeHungUp.billsec()).isEqualTo(10);
    }

    @Test
    void aLegThatNeverAnsweredBillsNothing() {
        sim.originate(originate(caller, "1001", extension("1002")));
        events.await(ChannelRinging.class, caller);
        clock.advance(Duration.ofSeconds(7));

        sim.hangup(caller);

        ChannelHungUp hungUp = events.await(ChannelHungUp.class, caller);
        assertThat(hungUp.durationSeconds()).isEqualTo(7);
        assertThat(hungUp.billsec()).isZero();
    }

    @Test
    void eventsAreStampedWithTheSwitchClock() {
        sim.originate(originate(caller, "1001", extension("1002")));

        assertThat(events.await(ChannelCreated.class, caller).at()).isEqualTo(T0);
    }
}
