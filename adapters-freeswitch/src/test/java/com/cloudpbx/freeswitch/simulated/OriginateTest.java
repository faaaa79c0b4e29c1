package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OriginateTest extends SimulatedSwitchTestSupport {

    private final UUID caller = UUID.randomUUID();

    @Test
    void aSuccessfulCallRingsAndAnswersTheCallerThenRingsAndAnswersTheDestinationThenBridgesBothWays() {
        UUID callee = connectedCall(caller);

        assertThat(timeline(events.all(), caller, callee)).containsExactly(
                "ChannelCreated A", "ChannelRinging A", "ChannelAnswered A",
                "ChannelCreated B", "ChannelRinging B", "ChannelAnswered B",
                "ChannelBridged A", "ChannelBridged B");
    }

    @Test
    void theCallerLegRingsTheFromExtensionWithTheCommandsCallerId() {
        sim.originate(originate(caller, "1001", extension("1002")));

        ChannelCreated created = events.await(ChannelCreated.class, caller);
        assertThat(created.callUuid()).isEqualTo(caller);
        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.extension()).isEqualTo("1001");
        assertThat(created.callerIdNumber()).isEqualTo("1001");
        assertThat(created.callerIdName()).isEqualTo("Alice");
        assertThat(created.destination()).isEqualTo("1002");
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
    }

    @Test
    void theDestinationLegRingsTheDialledExtensionAsPartOfTheSameCall() {
        UUID callee = connectedCall(caller);

        ChannelCreated created = events.await(ChannelCreated.class, callee);
        assertThat(created.callUuid()).isEqualTo(caller);
        assertThat(created.extension()).isEqualTo("1002");
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
    }

    @Test
    void callingAnOutsideNumberIsOutboundAndItsLegBelongsToNoExtension() {
        UUID callee = connectedCall(caller, "1001", number("+14155550100"));

        assertThat(events.await(ChannelCreated.class, caller).direction()).isEqualTo(CallDirection.OUTBOUND);
        ChannelCreated created = events.await(ChannelCreated.class, callee);
        assertThat(created.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(created.extension()).isNull();
        assertThat(created.destination()).isEqualTo("+14155550100");
    }

    @Test
    void aDestinationEndingIn486IsBusyAndTheCallerIsThenHungUp() {
        sim.originate(originate(caller, "1001", number("+14155550486")));
        UUID callee = events.awaitOtherLeg(caller, caller);

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("USER_BUSY");
        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(timeline(events.all(), caller, callee)).endsWith(
                "ChannelCreated B", "ChannelRinging B", "ChannelHungUp B", "ChannelHungUp A");
    }

    @Test
    void aDestinationEndingIn503FailsAndTheCallerIsThenHungUp() {
        sim.originate(originate(caller, "1001", number("+14155550503")));
        UUID callee = events.awaitOtherLeg(caller, caller);

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void aDestinationEndingIn480RingsUntilTheRingTimeoutThenIsNoAnswer() {
        sim.originate(originate(caller, "1001", extension("1480")));
        UUID callee = events.awaitOtherLeg(caller, caller);

        ChannelHungUp hungUp = events.await(ChannelHungUp.class, callee);
        assertThat(hungUp.hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(Duration.between(events.await(ChannelRinging.class, callee).at(), hungUp.at()))
                .isGreaterThanOrEqualTo(RING_TIMEOUT.minusMillis(10));
        assertThat(events.kindsOf(callee)).doesNotContain(ChannelAnswered.class);
        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void anUnregisteredDestinationExtensionRingsUntilTheRingTimeout() {
        sim.originate(originate(caller, "1001", extension(OFFLINE)));
        UUID callee = events.awaitOtherLeg(caller, caller);

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(events.kindsOf(callee)).doesNotContain(ChannelAnswered.class);
    }

    @Test
    void anOriginateTimeoutShorterThanTheRingTimeoutGivesUpSooner() {
        sim.originate(new Originate(caller, tenant, extension("1001"), extension("1480"), "1001", "Alice",
                Duration.ofMillis(60)));
        UUID callee = events.awaitOtherLeg(caller, caller);

        ChannelHungUp hungUp = events.await(ChannelHungUp.class, callee);
        assertThat(Duration.between(events.await(ChannelRinging.class, callee).at(), hungUp.at()))
                .isLessThan(RING_TIMEOUT);
    }

    @Test
    void anUnregisteredCallerIsNeverAnsweredAndNothingIsDialled() {
        sim.originate(originate(caller, OFFLINE, extension("1002")));

        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(events.kindsOf(caller))
                .containsExactly(ChannelCreated.class, ChannelRinging.class, ChannelHungUp.class);
        assertThat(events.all()).filteredOn(ChannelCreated.class::isInstance).hasSize(1);
    }

    @Test
    void hangingUpTheCallerWhileTheDestinationRingsCancelsTheDestination() {
        sim.originate(originate(caller, "1001", extension("1480")));
        UUID callee = events.awaitOtherLeg(caller, caller);

        sim.hangup(caller);

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("ORIGINATOR_CANCEL");
        assertThat(timeline(events.all(), caller, callee)).endsWith("ChannelHungUp A", "ChannelHungUp B");
    }

    @Test
    void hangingUpReleasesTheCommandedLegFirstAfterBothAreUnbridged() {
        UUID callee = connectedCall(caller);

        sim.hangup(callee);
        events.await(ChannelHungUp.class, caller);

        assertThat(timeline(events.all(), caller, callee)).endsWith(
                "ChannelUnbridged B", "ChannelUnbridged A", "ChannelHungUp B", "ChannelHungUp A");
    }

    @Test
    void hangingUpAnEndedCallIsRefusedAsCallNotFound() {
        UUID callee = connectedCall(caller);
        sim.hangup(caller);
        events.await(ChannelHungUp.class, callee);

        assertThatThrownBy(() -> sim.hangup(callee))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void originatingWithTheUuidOfALiveCallIsRefused() {
        connectedCall(caller);

        assertThatThrownBy(() -> sim.originate(originate(caller, "1003", extension("1004"))))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_EXISTS"));
    }

    @Test
    void callsOriginatedFromManyThreadsAtOnceEachConnectInTheSameOrder() throws InterruptedException {
        var callers = java.util.stream.IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
        var threads = callers.stream()
                .map(uuid -> Thread.ofPlatform().start(() -> sim.originate(originate(uuid, "1001", extension("1002")))))
                .toList();
        for (Thread thread : threads) {
            thread.join();
        }

        for (UUID uuid : callers) {
            UUID callee = events.awaitOtherLeg(uuid, uuid);
            events.await(ChannelBridged.class, callee);
            assertThat(events.kindsOf(uuid)).containsExactly(
                    ChannelCreated.class, ChannelRinging.class, ChannelAnswered.class, ChannelBridged.class);
            assertThat(events.kindsOf(callee)).containsExactly(
                    ChannelCreated.class, ChannelRinging.class, ChannelAnswered.class, ChannelBridged.class);
        }
    }
}
