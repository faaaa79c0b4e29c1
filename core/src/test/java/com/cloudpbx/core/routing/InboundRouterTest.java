package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.RouteDecision.EnterMenu;
import com.cloudpbx.core.routing.RouteDecision.EnterQueue;
import com.cloudpbx.core.routing.RouteDecision.Hangup;
import com.cloudpbx.core.routing.RouteDecision.JoinConference;
import com.cloudpbx.core.routing.RouteDecision.Outbound;
import com.cloudpbx.core.routing.RouteDecision.Reject;
import com.cloudpbx.core.routing.RouteDecision.RejectReason;
import com.cloudpbx.core.routing.RouteDecision.Ring;
import com.cloudpbx.core.routing.RouteDecision.RingLeg;
import com.cloudpbx.core.routing.RouteDecision.RingStep;
import com.cloudpbx.core.routing.RouteDecision.Voicemail;
import com.cloudpbx.core.routing.RingGroup.Member;
import com.cloudpbx.core.routing.RingGroup.RingStrategy;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboundRouterTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final String DOMAIN = "acme.sip.example.com";
    private static final String CALLER = "+15550001111";
    private static final String GATEWAY = "trunk-4c1c5f8e-1d0e-4e55-9c1e-0a6b2f7d9e31";
    /** A Monday, 15:00 in New York. */
    private static final Instant MONDAY_AFTERNOON = Instant.parse("2026-03-02T20:00:00Z");
    /** The same Monday, 23:00 in New York. */
    private static final Instant MONDAY_NIGHT = Instant.parse("2026-03-03T04:00:00Z");

    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final InboundRouter router = new InboundRouter(new Random(7), rooms);
    private final Map<String, Extension> extensions = new HashMap<>();
    private final Map<UUID, IvrMenu> menus = new HashMap<>();
    private final Map<UUID, RingGroup> groups = new HashMap<>();
    private final Map<UUID, CallQueue> queues = new HashMap<>();
    private final Map<UUID, BusinessSchedule> schedules = new HashMap<>();
    private final Map<String, String> blockedCallers = new HashMap<>();
    private final Map<String, String> blockedNumbers = new HashMap<>();

    InboundRouterTest() {
        for (String number : List.of("1001", "1002", "1003")) {
            extensions.put(number, extension(TENANT, number));
        }
    }

    @Test
    void aDidToAnExtensionRingsItThenHangsUpWithoutVoicemail() {
        assertThat(route(did(new RouteTarget(RouteAction.EXTENSION, "1001")))).isEqualTo(new Ring(TENANT, DOMAIN,
                List.of(step(new RingLeg("1001", 0, InboundRouter.EXTENSION_RING_SECONDS))), new Hangup(TENANT)));
    }

    @Test
    void aDidToAnExtensionWithVoicemailFallsBackToItsBox() {
        extensions.put("1001", withVoicemail(extensions.get("1001")));

        Ring ring = (Ring) route(did(new RouteTarget(RouteAction.EXTENSION, "1001")));

        assertThat(ring.noAnswer()).isEqualTo(new Voicemail(TENANT, DOMAIN, "1001"));
    }

    @Test
    void aSimultaneousGroupRingsEveryMemberInOneStepWithTheirDelays() {
        RingGroup group = group(RingStrategy.SIMULTANEOUS, 20, RouteTarget.hangup(),
                new Member("1001", 1, 0), new Member("1002", 2, 5));

        assertThat(route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id())))).isEqualTo(new Ring(TENANT,
                DOMAIN, List.of(step(new RingLeg("1001", 0, 20), new RingLeg("1002", 5, 15))), new Hangup(TENANT)));
    }

    @Test
    void aSimultaneousMemberDelayedPastTheTimeoutNeverRings() {
        RingGroup group = group(RingStrategy.SIMULTANEOUS, 10, RouteTarget.hangup(),
                new Member("1001", 1, 0), new Member("1002", 1, 10));

        Ring ring = (Ring) route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id())));

        assertThat(ring.steps()).containsExactly(step(new RingLeg("1001", 0, 10)));
    }

    @Test
    void aSequentialGroupRingsByPriorityAndMembersOfOnePriorityTogether() {
        RingGroup group = group(RingStrategy.SEQUENTIAL, 15, RouteTarget.hangup(),
                new Member("1003", 3, 0), new Member("1001", 1, 0), new Member("1002", 1, 2));

        Ring ring = (Ring) route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id())));

        assertThat(ring.steps()).containsExactly(
                step(new RingLeg("1001", 0, 15), new RingLeg("1002", 2, 13)),
                step(new RingLeg("1003", 0, 15)));
    }

    @Test
    void aRandomGroupRingsOneOfItsMembers() {
        RingGroup group = group(RingStrategy.RANDOM, 25, RouteTarget.hangup(),
                new Member("1001", 1, 0), new Member("1002", 1, 0), new Member("1003", 1, 0));

        Ring ring = (Ring) route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id())));

        assertThat(ring.steps()).hasSize(1);
        assertThat(ring.steps().get(0).legs()).singleElement()
                .satisfies(leg -> assertThat(leg.extension()).isIn("1001", "1002", "1003"))
                .satisfies(leg -> assertThat(leg.timeoutSeconds()).isEqualTo(25));
    }

    @Test
    void membersThatCannotTakeCallsAreLeftOut() {
        extensions.put("1002", withStatus(extensions.get("1002"), ExtensionStatus.DISABLED));
        extensions.put("1003", withDoNotDisturb(extensions.get("1003")));
        RingGroup group = group(RingStrategy.SIMULTANEOUS, 20, RouteTarget.hangup(),
                new Member("1001", 1, 0), new Member("1002", 1, 0), new Member("1003", 1, 0));

        Ring ring = (Ring) route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id())));

        assertThat(ring.steps()).containsExactly(step(new RingLeg("1001", 0, 20)));
    }

    @Test
    void aGroupWithNobodyToRingGoesStraightToItsNoAnswerRoute() {
        extensions.put("1002", withVoicemail(extensions.get("1002")));
        RingGroup group = group(RingStrategy.SIMULTANEOUS, 20, new RouteTarget(RouteAction.VOICEMAIL, "1002"),
                new Member("1001", 1, 0));
        extensions.put("1001", withDoNotDisturb(extensions.get("1001")));

        assertThat(route(did(RouteTarget.resource(RouteAction.RING_GROUP, group.id()))))
                .isEqualTo(new Voicemail(TENANT, DOMAIN, "1002"));
    }

    @Test
    void aClosedScheduleSendsTheCallToItsAfterHoursRoute() {
        extensions.put("1002", withVoicemail(extensions.get("1002")));
        BusinessSchedule schedule = weekdaysNineToFive(new RouteTarget(RouteAction.VOICEMAIL, "1002"));

        assertThat(router.route(plan(), did(new RouteTarget(RouteAction.EXTENSION, "1001"), schedule.id()), CALLER,
                MONDAY_NIGHT)).isEqualTo(new Voicemail(TENANT, DOMAIN, "1002"));
    }

    @Test
    void anOpenScheduleLetsTheCallTakeTheDidsRoute() {
        BusinessSchedule schedule = weekdaysNineToFive(RouteTarget.hangup());

        assertThat(router.route(plan(), did(new RouteTarget(RouteAction.EXTENSION, "1001"), schedule.id()), CALLER,
                MONDAY_AFTERNOON)).isInstanceOf(Ring.class);
    }

    @Test
    void aBlockedCallerIsRejectedBeforeTheScheduleIsConsulted() {
        blockedCallers.put(CALLER, "+15550001111 (Spam)");
        BusinessSchedule schedule = weekdaysNineToFive(new RouteTarget(RouteAction.EXTENSION, "1002"));

        assertThat(router.route(plan(), did(new RouteTarget(RouteAction.EXTENSION, "1001"), schedule.id()), CALLER,
                MONDAY_NIGHT)).isEqualTo(new Reject(TENANT, RejectReason.BLOCKED, "+15550001111 (Spam)"));
    }

    @Test
    void anInactiveDidIsNotInService() {
        Did did = new Did(UUID.randomUUID(), TENANT, new PhoneNumber("+15550102000"),
                new RouteTarget(RouteAction.EXTENSION, "1001"), null, false, false, T0, T0);

        assertThat(router.route(plan(), did, CALLER, MONDAY_AFTERNOON)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.reason()).isEqualTo(RejectReason.NOT_IN_SERVICE));
    }

    @Test
    void aQueueCarriesItsWaitAndTimeoutRoute() {
        UUID id = UUID.randomUUID();
        queues.put(id, new CallQueue(id, TENANT, "Support", CallQueue.QueueStrategy.RING_ALL, 120, "local_stream://moh",
                new RouteTarget(RouteAction.EXTENSION, "1003"), List.of(), T0, T0));

        EnterQueue queue = (EnterQueue) route(did(RouteTarget.resource(RouteAction.QUEUE, id)));

        assertThat(queue.maxWaitSeconds()).isEqualTo(120);
        assertThat(queue.timeout()).isInstanceOf(Ring.class);
    }

    @Test
    void aRingAllQueueOffersTheCallToEveryAvailableAgentForTheWholeWait() {
        EnterQueue queue = (EnterQueue) route(did(RouteTarget.resource(RouteAction.QUEUE,
                queue(CallQueue.QueueStrategy.RING_ALL, agent("1001", 1, 1, CallQueue.AgentStatus.AVAILABLE),
                        agent("1002", 1, 2, CallQueue.AgentStatus.PAUSED),
                        agent("1003", 2, 1, CallQueue.AgentStatus.AVAILABLE)))));

        assertThat(queue.offers()).containsExactly(step(new RingLeg("1001", 0, 120), new RingLeg("1003", 0, 120)));
    }

    @Test
    void aTopDownQueueOffersTheCallToOneAgentAtATimeTierByTier() {
        EnterQueue queue = (EnterQueue) route(did(RouteTarget.resource(RouteAction.QUEUE,
                queue(CallQueue.QueueStrategy.TOP_DOWN, agent("1003", 2, 1, CallQueue.AgentStatus.AVAILABLE),
                        agent("1002", 1, 2, CallQueue.AgentStatus.AVAILABLE),
                        agent("1001", 1, 1, CallQueue.AgentStatus.LOGGED_OUT)))));

        assertThat(queue.offers()).containsExactly(step(new RingLeg("1002", 0, QueueOffers.OFFER_SECONDS)),
                step(new RingLeg("1003", 0, QueueOffers.OFFER_SECONDS)));
    }

    @Test
    void anIvrMenuWaitsForAKeyAndRoutesThePressedOption() {
        UUID id = menu("Main", List.of(new IvrMenu.IvrOption("2", new RouteTarget(RouteAction.CONFERENCE, "standup"))),
                RouteTarget.hangup());

        assertThat(route(did(RouteTarget.resource(RouteAction.IVR, id))))
                .isEqualTo(new EnterMenu(TENANT, id, "Main", 5, 3, 1));
        assertThat(router.menuOption(plan(), id, "2", 1))
                .isEqualTo(new JoinConference(TENANT, "standup", rooms.room(TENANT, "standup")));
    }

    @Test
    void aKeyTheMenuDoesNotHavePlaysTheMenuAgain() {
        UUID id = menu("Main", List.of(), RouteTarget.hangup());

        assertThat(router.menuOption(plan(), id, "9", 3)).isEqualTo(new EnterMenu(TENANT, id, "Main", 5, 3, 3));
    }

    @Test
    void aMenuThatTimesOutTakesItsTimeoutRoute() {
        UUID id = menu("Main", List.of(), new RouteTarget(RouteAction.EXTENSION, "1001"));

        assertThat(router.menuTimeout(plan(), id, 1)).isInstanceOf(Ring.class);
    }

    @Test
    void groupsThatSendCallsToEachOtherAreCutAsALoop() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        groups.put(first, new RingGroup(first, TENANT, "A", RingStrategy.SIMULTANEOUS, 20,
                RouteTarget.resource(RouteAction.RING_GROUP, second), List.of(), T0, T0));
        groups.put(second, new RingGroup(second, TENANT, "B", RingStrategy.SIMULTANEOUS, 20,
                RouteTarget.resource(RouteAction.RING_GROUP, first), List.of(), T0, T0));

        assertThat(route(did(RouteTarget.resource(RouteAction.RING_GROUP, first)))).isInstanceOfSatisfying(
                Reject.class, reject -> assertThat(reject.reason()).isEqualTo(RejectReason.LOOP));
    }

    @Test
    void menusThatSendCallsToEachOtherAreCutAfterTheMaximumHops() {
        UUID id = UUID.randomUUID();
        menus.put(id, new IvrMenu(id, TENANT, "Loop", "Hello", 5, 3,
                List.of(new IvrMenu.IvrOption("1", RouteTarget.resource(RouteAction.IVR, id))), RouteTarget.hangup(),
                T0, T0));

        assertThat(router.menuOption(plan(), id, "1", InboundRouter.MAX_HOPS)).isInstanceOfSatisfying(Reject.class,
                reject -> assertThat(reject.reason()).isEqualTo(RejectReason.LOOP));
    }

    @Test
    void anExternalTargetDialsOutUnlessTheNumberIsBlockedOutbound() {
        assertThat(route(did(new RouteTarget(RouteAction.EXTERNAL, "+15557770000"))))
                .isEqualTo(new Outbound(TENANT, "+15557770000", GATEWAY));

        blockedNumbers.put("+15557770000", "+15557770000 (premium)");

        assertThat(route(did(new RouteTarget(RouteAction.EXTERNAL, "+15557770000"))))
                .isEqualTo(new Reject(TENANT, RejectReason.BLOCKED, "+15557770000 (premium)"));
    }

    @Test
    void integrationRoutesAnswerNotAvailable() {
        assertThat(route(did(new RouteTarget(RouteAction.AI_AGENT, "sales-bot")))).isInstanceOfSatisfying(
                Reject.class, reject -> assertThat(reject.reason()).isEqualTo(RejectReason.NOT_AVAILABLE));
    }

    @Test
    void aTargetThatNoLongerExistsIsUnreachable() {
        assertThat(route(did(RouteTarget.resource(RouteAction.RING_GROUP, UUID.randomUUID()))))
                .isInstanceOfSatisfying(Reject.class,
                        reject -> assertThat(reject.reason()).isEqualTo(RejectReason.UNREACHABLE));
    }

    private RouteDecision route(Did did) {
        return router.route(plan(), did, CALLER, MONDAY_AFTERNOON);
    }

    private RoutingPlan plan() {
        return new RoutingPlan(TENANT, DOMAIN, extensions, menus, groups, queues, schedules, Map.of(), GATEWAY,
                caller -> Optional.ofNullable(blockedCallers.get(caller)),
                number -> Optional.ofNullable(blockedNumbers.get(number.e164())));
    }

    private static Did did(RouteTarget route) {
        return did(route, null);
    }

    private static Did did(RouteTarget route, UUID schedule) {
        return new Did(UUID.randomUUID(), TENANT, new PhoneNumber("+15550102000"), route, schedule, false, true, T0, T0);
    }

    private RingGroup group(RingStrategy strategy, int timeout, RouteTarget noAnswer, Member... members) {
        RingGroup group = new RingGroup(UUID.randomUUID(), TENANT, "Sales", strategy, timeout, noAnswer,
                List.of(members), T0, T0);
        groups.put(group.id(), group);
        return group;
    }

    private UUID queue(CallQueue.QueueStrategy strategy, CallQueue.Agent... agents) {
        UUID id = UUID.randomUUID();
        queues.put(id, new CallQueue(id, TENANT, "Support", strategy, 120, "local_stream://moh", RouteTarget.hangup(),
                List.of(agents), T0, T0));
        return id;
    }

    private static CallQueue.Agent agent(String extension, int tier, int position, CallQueue.AgentStatus status) {
        return new CallQueue.Agent(extension, tier, position, status);
    }

    private UUID menu(String name, List<IvrMenu.IvrOption> options, RouteTarget timeout) {
        UUID id = UUID.randomUUID();
        menus.put(id, new IvrMenu(id, TENANT, name, "Welcome", 5, 3, options, timeout, T0, T0));
        return id;
    }

    private BusinessSchedule weekdaysNineToFive(RouteTarget afterHours) {
        List<OpeningHours> weekly = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
                .map(day -> new OpeningHours(day, true, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
        BusinessSchedule schedule = new BusinessSchedule(UUID.randomUUID(), TENANT, "Office",
                ZoneId.of("America/New_York"), weekly, List.of(), afterHours, T0, T0);
        schedules.put(schedule.id(), schedule);
        return schedule;
    }

    private static RingStep step(RingLeg... legs) {
        return new RingStep(List.of(legs));
    }

    private static Extension withVoicemail(Extension e) {
        return new Extension(e.id(), e.tenant(), e.number(), e.displayName(), e.sipPasswordEncrypted(), true,
                e.voicemailPinEncrypted(), e.doNotDisturb(), e.recordingEnabled(), e.noiseCancellationEnabled(),
                e.outboundCallerId(), e.status(), e.crmUserId(), e.crmMetadataJson(), e.presence(), e.createdAt(),
                e.updatedAt());
    }

    private static Extension withDoNotDisturb(Extension e) {
        return new Extension(e.id(), e.tenant(), e.number(), e.displayName(), e.sipPasswordEncrypted(),
                e.voicemailEnabled(), e.voicemailPinEncrypted(), true, e.recordingEnabled(),
                e.noiseCancellationEnabled(), e.outboundCallerId(), e.status(), e.crmUserId(), e.crmMetadataJson(),
                e.presence(), e.createdAt(), e.updatedAt());
    }

    private static Extension withStatus(Extension e, ExtensionStatus status) {
        return com.cloudpbx.core.testing.StoreSamples.withStatus(e, status);
    }
}
