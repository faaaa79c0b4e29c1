package com.cloudpbx.core.threeway;

import com.cloudpbx.core.shared.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One moderator's three-way call: its state, the conference member ids its legs were given, the
 * legs known to have ended, and a version that grows with every change (for optimistic
 * concurrency: two API nodes, or two requests, cannot both move the same version on).
 */
public record ThreeWaySession(TenantId tenant, UUID moderator, ThreeWayState state, Map<UUID, String> members,
                              Set<UUID> ended, long version) {

    public ThreeWaySession {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(state, "state");
        members = Map.copyOf(members);
        ended = Set.copyOf(ended);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    /** A session not stored yet: the moderator talking to {@code party}. */
    public static ThreeWaySession start(TenantId tenant, UUID moderator, UUID party) {
        return new ThreeWaySession(tenant, moderator, new ThreeWayState.TwoParty(party), Map.of(), Set.of(), 0);
    }

    /** The moderator and every party the state names, in that order. */
    public Set<UUID> legs() {
        Set<UUID> legs = new LinkedHashSet<>();
        legs.add(moderator);
        switch (state) {
            case ThreeWayState.TwoParty s -> legs.add(s.a());
            case ThreeWayState.Consulting s -> {
                legs.add(s.a());
                legs.add(s.b());
            }
            case ThreeWayState.ConsultAnswered s -> {
                legs.add(s.a());
                legs.add(s.b());
            }
            case ThreeWayState.Merged s -> {
                legs.add(s.a());
                legs.add(s.b());
                legs.addAll(s.guests());
            }
            case ThreeWayState.Private s -> {
                legs.add(s.kept());
                legs.add(s.held());
            }
            case ThreeWayState.Ended ignored -> {
            }
        }
        return legs;
    }

    /** The conference the session's legs are in, if any. */
    public Optional<String> conference() {
        return switch (state) {
            case ThreeWayState.Merged s -> Optional.of(s.conference());
            case ThreeWayState.Private s -> Optional.of(s.conference());
            default -> Optional.empty();
        };
    }

    public boolean isLive(UUID leg) {
        return !ended.contains(leg);
    }

    public Optional<String> memberId(UUID leg) {
        return Optional.ofNullable(members.get(leg));
    }

    /** The leg that has the member id in this session's conference. */
    public Optional<UUID> legOfMember(String memberId) {
        return members.entrySet().stream().filter(e -> e.getValue().equals(memberId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Whether the leg's channel is on hold (the moderator's first party while another is added). */
    public boolean isOnHold(UUID leg) {
        return switch (state) {
            case ThreeWayState.Consulting s -> s.a().equals(leg);
            case ThreeWayState.ConsultAnswered s -> s.a().equals(leg);
            default -> false;
        };
    }

    /** Whether the leg waits on hold inside the conference while the moderator talks privately. */
    public boolean isHeldInConference(UUID leg) {
        return state instanceof ThreeWayState.Private s && s.held().equals(leg);
    }

    /** The next version of this session in {@code next}. */
    ThreeWaySession moveTo(ThreeWayState next) {
        Map<UUID, String> keptMembers = next instanceof ThreeWayState.Merged || next instanceof ThreeWayState.Private
                ? members : Map.of();
        return new ThreeWaySession(tenant, moderator, next, keptMembers, ended, version + 1);
    }

    ThreeWaySession withMember(UUID leg, String memberId) {
        Map<UUID, String> updated = new HashMap<>(members);
        updated.put(leg, memberId);
        return new ThreeWaySession(tenant, moderator, state, updated, ended, version + 1);
    }

    ThreeWaySession withoutMember(UUID leg) {
        Map<UUID, String> updated = new HashMap<>(members);
        updated.remove(leg);
        return new ThreeWaySession(tenant, moderator, state, updated, ended, version + 1);
    }

    ThreeWaySession withEnded(UUID leg) {
        Set<UUID> updated = new HashSet<>(ended);
        updated.add(leg);
        Map<UUID, String> remaining = new HashMap<>(members);
        remaining.remove(leg);
        return new ThreeWaySession(tenant, moderator, state, remaining, updated, version + 1);
    }
}
