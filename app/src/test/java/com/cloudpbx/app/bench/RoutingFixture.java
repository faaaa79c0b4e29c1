package com.cloudpbx.app.bench;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockRules;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.routing.BusinessSchedule;
import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.routing.RingGroup;
import com.cloudpbx.core.routing.RingGroup.RingStrategy;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.routing.RoutingPlan;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The large tenant both routing benchmarks use: {@code extensions} extensions (80 % with
 * voicemail, 5 % in do-not-disturb), ring groups of {@code members} distinct members each with
 * the three strategies in turn and four kinds of no-answer route (the next group, a member's
 * voicemail, an extension, hang up), schedules in ten time zones (weekdays 09:00-17:00, some
 * Saturdays, some Friday nights across midnight, 12 holidays each, after hours to voicemail, an
 * extension or hang up), DIDs each routed to a ring group, three in four following a schedule, and
 * a blocklist of ten entries (eight of the callers, a prefix, anonymous callers).
 *
 * <p>{@link RoutingBenchmark} builds the core plan from it; {@link DialplanBenchmark} creates the
 * same resources through the API.
 */
record RoutingFixture(int extensionCount, int groupCount, int memberCount, int scheduleCount, int didCount) {

    static final int CALLERS = 500;
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Los_Angeles",
            "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC", "America/Sao_Paulo",
            "Asia/Kolkata");
    static final List<String> HOLIDAYS = List.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25",
            "2026-07-03", "2026-09-07", "2026-11-26", "2026-11-27", "2026-12-24", "2026-12-25", "2026-12-31",
            "2027-01-01");

    RoutingFixture {
        if (extensionCount < groupCount * memberCount || memberCount < 4) {
            throw new IllegalArgumentException("need extensions >= groups x members and members >= 4");
        }
    }

    /** 2,000 extensions, 200 ring groups of 10, 50 schedules, 1,000 DIDs. */
    static RoutingFixture standard() {
        return new RoutingFixture(2000, 200, 10, 50, 1000);
    }

    // ---- the tenant, described as plain values ----

    String extension(int i) {
        return String.valueOf(1000 + i);
    }

    boolean voicemail(int i) {
        return i % 5 != 0;
    }

    boolean doNotDisturb(int i) {
        return i % 20 == 7;
    }

    String groupName(int g) {
        return "Group " + g;
    }

    RingStrategy strategy(int g) {
        return RingStrategy.values()[g % 3];
    }

    int ringTimeout(int g) {
        return 20 + 5 * (g % 3);
    }

    /** Member k of group g: its extension index, priority (three steps) and delay. */
    int member(int g, int k) {
        return g * memberCount + k;
    }

    int priority(int k) {
        return 1 + k / 4;
    }

    int delay(int k) {
        return k % 2 == 0 ? 0 : 5;
    }

    /** The no-answer route of group g; a RING_GROUP target names the group by index. */
    Target noAnswer(int g) {
        return switch (g % 4) {
            case 0 -> new Target(RouteAction.RING_GROUP, String.valueOf((g + 1) % groupCount));
            case 1 -> new Target(RouteAction.VOICEMAIL, extension(member(g, 1)));
            case 2 -> new Target(RouteAction.EXTENSION, extension(member(g, 2)));
            default -> new Target(RouteAction.HANGUP, null);
        };
    }

    String scheduleName(int s) {
        return "Schedule " + s;
    }

    String zone(int s) {
        return ZONES.get(s % ZONES.size());
    }

    List<OpeningHours> hours(int s) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, true, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        if (s % 5 == 0) {
            hours.add(new OpeningHours(DayOfWeek.SATURDAY, true, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        }
        if (s % 7 == 0) {
            hours.add(new OpeningHours(DayOfWeek.FRIDAY, true, LocalTime.of(22, 0), LocalTime.of(6, 0)));
        }
        return hours;
    }

    List<Holiday> holidays(int s) {
        return HOLIDAYS.stream().map(date -> new Holiday(LocalDate.parse(date), "Holiday " + date)).toList();
    }

    Target afterHours(int s) {
        int base = (s * 40) % extensionCount;
        return switch (s % 3) {
            case 0 -> new Target(RouteAction.VOICEMAIL, extension(base + 1));
            case 1 -> new Target(RouteAction.EXTENSION, extension(base + 3));
            default -> new Target(RouteAction.HANGUP, null);
        };
    }

    String didNumber(int d) {
        return String.format("+1212555%04d", d);
    }

    int didGroup(int d) {
        return d % groupCount;
    }

    /** The schedule DID d follows, or empty. */
    Optional<Integer> didSchedule(int d) {
        return d % 4 == 3 ? Optional.empty() : Optional.of(d % scheduleCount);
    }

    List<String> callers() {
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(String.format("+1646555%04d", i * 7));
        }
        return callers;
    }

    /** The blocklist entries as a client sends them: eight of the callers, a prefix, anonymous callers. */
    List<String> blocked() {
        List<String> blocked = new ArrayList<>();
        List<String> callers = callers();
        for (int i = 0; i < 8; i++) {
            blocked.add(callers.get(i * 61));
        }
        blocked.add("+1900*");
        blocked.add("anonymous");
        return blocked;
    }

    /** A route as the fixture describes it; for RING_GROUP, {@code target} is the group's index. */
    record Target(RouteAction action, String target) {
    }

    // ---- the same tenant as the core plan ----

    private static final TenantId TENANT = TenantId.of(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    RoutingPlan plan() {
        Map<String, Extension> extensions = new LinkedHashMap<>();
        for (int i = 0; i < extensionCount; i++) {
            extensions.put(extension(i), new Extension(uuid(1, i), TENANT, new ExtensionNumber(extension(i)),
                    "User " + i, "encrypted", voicemail(i), null, doNotDisturb(i), false, false, null,
                    ExtensionStatus.ACTIVE, null, null, ManualPresence.AVAILABLE, CREATED, CREATED));
        }
        Map<UUID, RingGroup> groups = new LinkedHashMap<>();
        for (int g = 0; g < groupCount; g++) {
            List<RingGroup.Member> members = new ArrayList<>();
            for (int k = 0; k < memberCount; k++) {
                members.add(new RingGroup.Member(extension(member(g, k)), priority(k), delay(k)));
            }
            groups.put(uuid(2, g), new RingGroup(uuid(2, g), TENANT, groupName(g), strategy(g), ringTimeout(g),
                    route(noAnswer(g)), members, CREATED, CREATED));
        }
        Map<UUID, BusinessSchedule> schedules = new LinkedHashMap<>();
        for (int s = 0; s < scheduleCount; s++) {
            schedules.put(uuid(3, s), new BusinessSchedule(uuid(3, s), TENANT, scheduleName(s), ZoneId.of(zone(s)),
                    hours(s), holidays(s), route(afterHours(s)), CREATED, CREATED));
        }
        List<BlockedNumber> rules = new ArrayList<>();
        for (String entry : blocked()) {
            rules.add(new BlockedNumber(UUID.randomUUID(), TENANT, BlockPattern.parse(entry, "number"), "spam",
                    BlockDirection.INBOUND, CREATED));
        }
        // The screens as RoutingPlans builds them.
        Function<String, Optional<String>> inbound = caller -> CallScreening.screenInbound(rules, caller)
                .map(rule -> "blocked by " + rule.pattern().wire() + " (" + rule.reason() + ")");
        Function<PhoneNumber, Optional<String>> outbound = number -> BlockRules.match(rules,
                BlockDirection.OUTBOUND, number.e164()).map(rule -> "blocked by " + rule.pattern().wire());
        Map<String, Did> dids = dids().stream()
                .collect(java.util.stream.Collectors.toMap(did -> did.number().e164(), did -> did));
        return new RoutingPlan(TENANT, "bench.sip.test", extensions, Map.of(), groups, Map.of(), schedules, dids,
                "trunk-" + uuid(5, 0), inbound, outbound);
    }

    List<Did> dids() {
        List<Did> dids = new ArrayList<>();
        for (int d = 0; d < didCount; d++) {
            dids.add(new Did(uuid(4, d), TENANT, new PhoneNumber(didNumber(d)),
                    RouteTarget.resource(RouteAction.RING_GROUP, uuid(2, didGroup(d))),
                    didSchedule(d).map(s -> uuid(3, s)).orElse(null), false, true, CREATED, CREATED));
        }
        return dids;
    }

    private RouteTarget route(Target target) {
        if (target.action() == RouteAction.RING_GROUP) {
            return RouteTarget.resource(RouteAction.RING_GROUP, uuid(2, Integer.parseInt(target.target())));
        }
        return new RouteTarget(target.action(), target.target());
    }

    private static UUID uuid(int kind, int index) {
        return new UUID(kind, index);
    }

    @Override
    public String toString() {
        return String.format("%d extensions, %d ring groups of %d, %d schedules, %d DIDs", extensionCount, groupCount,
                memberCount, scheduleCount, didCount);
    }
}
