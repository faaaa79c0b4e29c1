package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.LiveCallStore;
import com.cloudpbx.core.calls.LiveChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is who when two calls are merged directly. Each call is a leg and, when bridged, its
 * partner. When the same extension has a leg in both calls (a phone's two lines), that phone
 * moderates: its leg on the first call is the moderator, the two other parties join it, and its
 * leg on the second call is released. A call that is a lone leg joins the other call as its
 * added party, the other call's given leg moderating.
 */
record DirectMerge(UUID moderator, UUID a, UUID b, UUID released) {

    DirectMerge {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    List<UUID> legs() {
        List<UUID> legs = new ArrayList<>(List.of(moderator, a, b));
        if (released != null) {
            legs.add(released);
        }
        return legs;
    }

    static Optional<DirectMerge> of(LiveChannel first, LiveChannel second, LiveCallStore live) {
        List<LiveChannel> firstCall = call(first, live);
        List<LiveChannel> secondCall = call(second, live);
        if (firstCall.stream().anyMatch(leg -> leg.uuid().equals(second.uuid()))) {
            return Optional.empty();
        }
        if (firstCall.size() == 2 && secondCall.size() == 2) {
            return sharedPhone(firstCall, secondCall);
        }
        if (firstCall.size() == 2 && secondCall.size() == 1) {
            return Optional.of(new DirectMerge(first.uuid(), first.bridgedTo(), second.uuid(), null));
        }
        if (firstCall.size() == 1 && secondCall.size() == 2) {
            return Optional.of(new DirectMerge(second.uuid(), second.bridgedTo(), first.uuid(), null));
        }
        return Optional.empty();
    }

    private static Optional<DirectMerge> sharedPhone(List<LiveChannel> firstCall, List<LiveChannel> secondCall) {
        for (LiveChannel mine : firstCall) {
            for (LiveChannel line : secondCall) {
                if (mine.extension() != null && mine.extension().equals(line.extension())) {
                    return Optional.of(new DirectMerge(mine.uuid(), other(firstCall, mine), other(secondCall, line),
                            line.uuid()));
                }
            }
        }
        return Optional.empty();
    }

    /** The leg and, when it is bridged to a live leg, that partner. */
    private static List<LiveChannel> call(LiveChannel leg, LiveCallStore live) {
        Optional<LiveChannel> partner = Optional.ofNullable(leg.bridgedTo()).flatMap(live::find)
                .filter(LiveChannel::answered);
        return partner.map(p -> List.of(leg, p)).orElse(List.of(leg));
    }

    private static UUID other(List<LiveChannel> call, LiveChannel leg) {
        return call.get(0).uuid().equals(leg.uuid()) ? call.get(1).uuid() : call.get(0).uuid();
    }
}
