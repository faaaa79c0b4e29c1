package com.cloudpbx.core.routing;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.routing.RouteDecision.RejectReason;
import com.cloudpbx.core.routing.RouteDecision.RingLeg;
import com.cloudpbx.core.routing.RouteDecision.RingStep;
import com.cloudpbx.core.shared.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The rules that decide what happens to a call reaching a DID: the blocklist first, then the
 * schedule (closed: its after-hours route), then the DID's route expanded — a ring group into
 * the legs its strategy rings, with the group's no-answer route behind them, and so on.
 *
 * <p>Pure: everything comes from the {@link RoutingPlan}, the instant and the random source (the
 * random strategy's pick). Each resource a route passes through is a hop; past {@link #MAX_HOPS}
 * the call is refused as a loop instead of ringing forever. IVR options are routed when pressed,
 * with the hops the call has made so far.
 */
public final class InboundRouter {

    /** Resources one call may pass through: deep enough for any real flow, small enough to stop a loop fast. */
    public static final int MAX_HOPS = 8;
    /** How long a DID routed straight to an extension rings it before its voicemail. */
    public static final int EXTENSION_RING_SECONDS = 30;

    private final RandomGenerator random;
    private final ConferenceRooms rooms;

    public InboundRouter(RandomGenerator random, ConferenceRooms rooms) {
        this.random = random;
        this.rooms = rooms;
    }

    public RouteDecision route(RoutingPlan plan, Did did, String caller, Instant at) {
        if (!did.active()) {
            return new RouteDecision.Reject(plan.tenant(), RejectReason.NOT_IN_SERVICE, did.number() + " is not active");
        }
        Optional<String> blocked = plan.inboundScreen().apply(caller == null ? "" : caller);
        if (blocked.isPresent()) {
            return new RouteDecision.Reject(plan.tenant(), RejectReason.BLOCKED, blocked.get());
        }
        Optional<BusinessSchedule> schedule = Optional.ofNullable(did.scheduleId()).map(plan.schedules()::get);
        if (schedule.filter(s -> !s.isOpen(at)).isPresent()) {
            return target(plan, schedule.get().afterHours(), 1);
        }
        return target(plan, did.route(), 1);
    }

    /** The route of the key pressed in a menu; a key the menu does not have plays the menu again. */
    public RouteDecision menuOption(RoutingPlan plan, UUID menuId, String digit, int hops) {
        IvrMenu menu = plan.menus().get(menuId);
        if (menu == null) {
            return unreachable(plan, "the IVR menu no longer exists");
        }
        return menu.options().stream().filter(option -> option.digit().equals(digit)).findFirst()
                .map(option -> target(plan, option.target(), hops + 1))
                .orElseGet(() -> enter(plan, menu, hops));
    }

    /** Where a menu sends a caller who pressed nothing (or only wrong keys) every time. */
    public RouteDecision menuTimeout(RoutingPlan plan, UUID menuId, int hops) {
        IvrMenu menu = plan.menus().get(menuId);
        return menu == null ? unreachable(plan, "the IVR menu no longer exists") : target(plan, menu.timeout(), hops + 1);
    }

    /** Expands one route; {@code hops} counts the resources passed through, this one included. */
    public RouteDecision target(RoutingPlan plan, RouteTarget target, int hops) {
        if (hops > MAX_HOPS) {
            return new RouteDecision.Reject(plan.tenant(), RejectReason.LOOP,
                    "the call passed through " + MAX_HOPS + " routing resources without reaching anyone");
        }
        return switch (target.action()) {
            case EXTENSION -> extension(plan, target.target(), hops);
            case VOICEMAIL -> voicemail(plan, target.target());
            case RING_GROUP -> ringGroup(plan, target.resourceId().orElseThrow(), hops);
            case QUEUE -> queue(plan, target.resourceId().orElseThrow(), hops);
            case IVR -> menu(plan, target.resourceId().orElseThrow(), hops);
            case CONFERENCE -> new RouteDecision.JoinConference(plan.tenant(), target.target(),
                    rooms.room(plan.tenant(), target.target()));
            case EXTERNAL -> external(plan, target.target());
            case HANGUP -> new RouteDecision.Hangup(plan.tenant());
            case AI_AGENT, WHATSAPP -> new RouteDecision.Reject(plan.tenant(), RejectReason.NOT_AVAILABLE,
                    target.action().wireName() + " routes are not available yet");
        };
    }

    private RouteDecision extension(RoutingPlan plan, String number, int hops) {
        Optional<Extension> extension = plan.reachable(number);
        if (extension.isEmpty()) {
            return unreachable(plan, "extension " + number + " cannot take calls");
        }
        RouteDecision noAnswer = extension.get().voicemailEnabled()
                ? new RouteDecision.Voicemail(plan.tenant(), plan.sipDomain(), number)
                : new RouteDecision.Hangup(plan.tenant());
        if (extension.get().doNotDisturb()) {
            return noAnswer;
        }
        var leg = new RingLeg(number, 0, EXTENSION_RING_SECONDS);
        return new RouteDecision.Ring(plan.tenant(), plan.sipDomain(), List.of(new RingStep(List.of(leg))), noAnswer);
    }

    private RouteDecision voicemail(RoutingPlan plan, String number) {
        return plan.reachable(number).filter(Extension::voicemailEnabled)
                .<RouteDecision>map(e -> new RouteDecision.Voicemail(plan.tenant(), plan.sipDomain(), number))
                .orElseGet(() -> unreachable(plan, "extension " + number + " has no voicemail box"));
    }

    private RouteDecision ringGroup(RoutingPlan plan, UUID id, int hops) {
        RingGroup group = plan.ringGroups().get(id);
        if (group == null) {
            return unreachable(plan, "the ring group no longer exists");
        }
        RouteDecision noAnswer = target(plan, group.noAnswer(), hops + 1);
        List<RingGroup.Member> ringing = group.members().stream()
                .filter(member -> plan.reachable(member.extension()).filter(e -> !e.doNotDisturb()).isPresent())
                .toList();
        List<RingStep> steps = RingSteps.of(group, ringing, random);
        return steps.isEmpty() ? noAnswer : new RouteDecision.Ring(plan.tenant(), plan.sipDomain(), steps, noAnswer);
    }

    private RouteDecision queue(RoutingPlan plan, UUID id, int hops) {
        CallQueue queue = plan.queues().get(id);
        if (queue == null) {
            return unreachable(plan, "the queue no longer exists");
        }
        return new RouteDecision.EnterQueue(plan.tenant(), plan.sipDomain(), id, queue.name(), queue.maxWaitSeconds(),
                QueueOffers.of(queue, plan, random), target(plan, queue.timeout(), hops + 1));
    }

    private RouteDecision menu(RoutingPlan plan, UUID id, int hops) {
        IvrMenu menu = plan.menus().get(id);
        return menu == null ? unreachable(plan, "the IVR menu no longer exists") : enter(plan, menu, hops);
    }

    private static RouteDecision enter(RoutingPlan plan, IvrMenu menu, int hops) {
        return new RouteDecision.EnterMenu(plan.tenant(), menu.id(), menu.name(), menu.timeoutSeconds(),
                menu.maxRetries(), hops);
    }

    private RouteDecision external(RoutingPlan plan, String e164) {
        PhoneNumber number = new PhoneNumber(e164);
        return plan.outboundScreen().apply(number)
                .<RouteDecision>map(rule -> new RouteDecision.Reject(plan.tenant(), RejectReason.BLOCKED, rule))
                .orElseGet(() -> new RouteDecision.Outbound(plan.tenant(), e164, plan.outboundGateway()));
    }

    private static RouteDecision unreachable(RoutingPlan plan, String why) {
        return new RouteDecision.Reject(plan.tenant(), RejectReason.UNREACHABLE, why);
    }

    /** A ring group's strategy as steps of legs. */
    static final class RingSteps {

        private RingSteps() {
        }

        static List<RingStep> of(RingGroup group, List<RingGroup.Member> members, RandomGenerator random) {
            if (members.isEmpty()) {
                return List.of();
            }
            int timeout = group.ringTimeoutSeconds();
            return switch (group.strategy()) {
                case SIMULTANEOUS -> together(members, timeout);
                case SEQUENTIAL -> byPriority(members, timeout);
                case RANDOM -> List.of(new RingStep(List.of(
                        new RingLeg(members.get(random.nextInt(members.size())).extension(), 0, timeout))));
            };
        }

        /** Everyone within the group's timeout; a member delayed past it never rings. */
        private static List<RingStep> together(List<RingGroup.Member> members, int timeout) {
            List<RingLeg> legs = members.stream().filter(m -> m.delaySeconds() < timeout)
                    .map(m -> new RingLeg(m.extension(), m.delaySeconds(), timeout - m.delaySeconds()))
                    .toList();
            return legs.isEmpty() ? List.of() : List.of(new RingStep(legs));
        }

        /** Lowest priority first; members of one priority ring together, each step for the group's timeout. */
        private static List<RingStep> byPriority(List<RingGroup.Member> members, int timeout) {
            Map<Integer, List<RingLeg>> steps = new TreeMap<>();
            members.stream().sorted(Comparator.comparingInt(RingGroup.Member::priority)).forEach(m -> steps
                    .computeIfAbsent(m.priority(), p -> new ArrayList<>())
                    .add(new RingLeg(m.extension(), Math.min(m.delaySeconds(), timeout - 1), timeout
                            - Math.min(m.delaySeconds(), timeout - 1))));
            return steps.values().stream().map(RingStep::new).toList();
        }
    }
}
