package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.routing.MenuFollowUps;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteDecision.EnterMenu;
import com.cloudpbx.core.routing.RouteDecision.RingLeg;
import com.cloudpbx.core.routing.RouteDecision.RingStep;
import com.cloudpbx.core.routing.RouteStep;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sandbox's calls to DIDs: the simulated switch carries out the router's decision step by step. */
class RoutedCallsTest extends SimulatedSwitchTestSupport {

    private static final String DID = "+15550102000";
    private static final String CALLER = "+14155550100";
    /** The simulation answers 486 for numbers ending in 486. */
    private static final String BUSY = "1486";
    private final AtomicReference<String> pressed = new AtomicReference<>();
    private final MenuFollowUps noMenus = new MenuFollowUps((menu, key) -> hangup(), menu -> hangup());

    @Test
    void theFirstMemberToAnswerIsBridgedAndTheOthersStopRinging() {
        UUID call = sim.inbound(tenant, CALLER, DID, ring(step(leg("1001", 5), leg("1002", 5)), hangup()), noMenus);

        UUID first = events.await(ChannelCreated.class, created -> "1001".equals(created.extension())).uuid();
        UUID second = events.await(ChannelCreated.class, created -> "1002".equals(created.extension())).uuid();
        sim.answer(first);

        events.await(ChannelBridged.class, first);
        assertThat(events.await(ChannelHungUp.class, second).hangupCause()).isEqualTo("LOSE_RACE");
        assertThat(actions(call)).containsExactly("ring", "answered");
    }

    @Test
    void nobodyAnsweringAnyStepTakesTheNoAnswerRoute() {
        UUID call = sim.inbound(tenant, CALLER, DID, ring(List.of(step(leg("1001", 1)), step(leg("1002", 1))),
                new RouteDecision.Voicemail(tenant, SIP_DOMAIN, "1003")), noMenus);

        awaitTrail(call, "voicemail");

        assertThat(trail(call)).extracting(RouteStep::action, RouteStep::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ring", "1001 | 1002"),
                org.assertj.core.groups.Tuple.tuple("no_answer", ""),
                org.assertj.core.groups.Tuple.tuple("voicemail", "1003"));
        assertThat(events.of(call)).noneMatch(ChannelHungUp.class::isInstance);
    }

    @Test
    void aBusyMemberFailsAtOnceSoTheNextStepRingsWithoutWaiting() {
        UUID call = sim.inbound(tenant, CALLER, DID, ring(List.of(step(leg(BUSY, 30)), step(leg("1002", 30))),
                hangup()), noMenus);

        events.await(ChannelCreated.class, created -> "1002".equals(created.extension()));

        assertThat(actions(call)).containsExactly("ring");
    }

    @Test
    void aKeyPressedInAMenuIsRoutedByTheRouter() {
        EnterMenu menu = new EnterMenu(tenant, UUID.randomUUID(), "Main", 5, 1, 1);
        MenuFollowUps followUps = new MenuFollowUps((at, key) -> {
            pressed.set(key);
            return new RouteDecision.JoinConference(tenant, "standup", "room-standup");
        }, at -> hangup());
        UUID call = sim.inbound(tenant, CALLER, DID, menu, followUps);

        sim.dtmf(call, "2");

        events.await(ConferenceMemberJoined.class, call);
        assertThat(pressed.get()).isEqualTo("2");
        assertThat(actions(call)).containsExactly("ivr", "key", "conference");
    }

    @Test
    void aMenuWithoutAKeyTakesItsTimeoutRoute() {
        EnterMenu menu = new EnterMenu(tenant, UUID.randomUUID(), "Main", 1, 0, 1);
        UUID call = sim.inbound(tenant, CALLER, DID, menu, new MenuFollowUps((at, key) -> hangup(), at -> hangup()));

        events.await(ChannelHungUp.class, call);

        assertThat(actions(call)).containsExactly("ivr", "ivr_timeout", "hangup");
    }

    @Test
    void aRefusedCallIsHungUpWithoutBeingAnswered() {
        UUID call = sim.inbound(tenant, CALLER, DID,
                new RouteDecision.Reject(tenant, RouteDecision.RejectReason.BLOCKED, "+14155550100"), noMenus);

        assertThat(events.await(ChannelHungUp.class, call).hangupCause()).isEqualTo("CALL_REJECTED");
        assertThat(events.of(call)).noneMatch(ChannelAnswered.class::isInstance);
    }

    @Test
    void aQueueOffersTheCallToItsAgentsUntilTheWaitRunsOut() {
        var queue = new RouteDecision.EnterQueue(tenant, SIP_DOMAIN, UUID.randomUUID(), "Support", 1,
                List.of(step(leg("1001", 1))), hangup());
        UUID call = sim.inbound(tenant, CALLER, DID, queue, noMenus);

        events.await(ChannelCreated.class, created -> "1001".equals(created.extension()));
        events.await(ChannelHungUp.class, call);

        assertThat(actions(call)).containsExactly("queue", "queue_timeout", "hangup");
    }

    @Test
    void aCallerWaitsInTheQueueUntilAnAgentTakesTheCall() {
        SimulatedQueueMonitor monitor = new SimulatedQueueMonitor();
        sim = new SimulatedSwitch(settings(), clock(), scheduler, monitor);
        sim.listen(events);
        UUID queueId = UUID.randomUUID();
        String queueName = com.cloudpbx.core.routing.CallCenterNames.queue(queueId, SIP_DOMAIN);
        UUID call = sim.inbound(tenant, CALLER, DID, new RouteDecision.EnterQueue(tenant, SIP_DOMAIN, queueId,
                "Support", 30, List.of(step(leg("1001", 30))), hangup()), noMenus);

        assertThat(monitor.waiting(queueName)).extracting(com.cloudpbx.core.routing.WaitingCaller::callerIdNumber)
                .containsExactly(CALLER);
        UUID agent = events.await(ChannelCreated.class, created -> "1001".equals(created.extension())).uuid();
        sim.answer(agent);

        events.await(ChannelBridged.class, agent);
        assertThat(monitor.waiting(queueName)).isEmpty();
        assertThat(actions(call)).containsExactly("queue", "answered");
    }

    @Test
    void anAgentAnsweringTheQueueIsBridgedToTheCaller() {
        var queue = new RouteDecision.EnterQueue(tenant, SIP_DOMAIN, UUID.randomUUID(), "Support", 30,
                List.of(step(leg("1001", 30))), hangup());
        UUID call = sim.inbound(tenant, CALLER, DID, queue, noMenus);

        UUID agent = events.await(ChannelCreated.class, created -> "1001".equals(created.extension())).uuid();
        sim.answer(agent);

        events.await(ChannelBridged.class, agent);
        assertThat(actions(call)).containsExactly("queue", "answered");
    }

    @Test
    void theCallerHangingUpStopsTheMembersRinging() {
        UUID call = sim.inbound(tenant, CALLER, DID, ring(step(leg("1001", 30)), hangup()), noMenus);
        UUID member = events.await(ChannelCreated.class, created -> "1001".equals(created.extension())).uuid();

        sim.hangup(call);

        assertThat(events.await(ChannelHungUp.class, member).hangupCause()).isEqualTo("ORIGINATOR_CANCEL");
    }

    @Test
    void anotherTenantCannotReadTheTrail() {
        UUID call = sim.inbound(tenant, CALLER, DID, hangup(), noMenus);

        assertThat(sim.trail(TenantId.of(UUID.randomUUID()), call)).isEmpty();
        assertThat(sim.trail(tenant, call)).isPresent();
    }

    private RouteDecision hangup() {
        return new RouteDecision.Hangup(tenant);
    }

    private RouteDecision ring(RingStep step, RouteDecision noAnswer) {
        return ring(List.of(step), noAnswer);
    }

    private RouteDecision ring(List<RingStep> steps, RouteDecision noAnswer) {
        return new RouteDecision.Ring(tenant, SIP_DOMAIN, steps, noAnswer);
    }

    private static RingStep step(RingLeg... legs) {
        return new RingStep(List.of(legs));
    }

    private static RingLeg leg(String extension, int timeoutSeconds) {
        return new RingLeg(extension, 0, timeoutSeconds);
    }

    private List<RouteStep> trail(UUID call) {
        return sim.trail(tenant, call).orElseThrow();
    }

    private List<String> actions(UUID call) {
        return trail(call).stream().map(RouteStep::action).toList();
    }

    private void awaitTrail(UUID call, String action) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (actions(call).stream().noneMatch(action::equals)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the call never reached " + action + ": " + trail(call));
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
