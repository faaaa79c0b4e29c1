package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is who when two calls are merged directly: every leg of both goes into one room. Each call
 * is a leg and, when bridged, its partner.
 * <ul>
 * <li>When the same extension has a leg in both calls (a phone's two lines), that phone moderates:
 * its leg on the first call is the moderator, the two other parties join it, and its leg on the
 * second call is released (the phone is in the room once).</li>
 * <li>Two calls that share no phone: the caller of the first call moderates, its party is
 * {@code a}, the second call's caller {@code b} and that call's other leg a guest.</li>
 * <li>A call that is a lone leg joins the other call as its added party, the other call's given
 * leg moderating.</li>
 * </ul>
 */
record DirectMerge(UUID moderator, UUID a, UUID b, UUID released, List<UUID> guests) {

    DirectMerge {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        guests = List.copyOf(guests);
    }

    List<UUID> legs() {
        List<UUID> legs = new ArrayList<>(List.of(moderator, a, b));
        legs.addAll(guests);
        if (released != null) {
            legs.add(released);
        }
        return legs;
    }

    /** The legs that will be in the room. */
    List<UUID> joining() {
        List<UUID> joining = new ArrayList<>(List.of(moderator, a, b));
        joining.addAll(guests);
        return joining;
    }

    /** Empty when both calls are lone legs: there is no call to moderate. */
    static Optional<DirectMerge> of(LiveChannel first, LiveChannel second, LiveChannels live) {
        List<LiveChannel> firstCall = call(first, live);
        List<LiveChannel> secondCall = call(second, live);
        if (firstCall.size() == 2 && secondCall.size() == 2) {
            return Optional.of(sharedPhone(firstCall, secondCall).orElseGet(() -> twoCalls(firstCall, secondCall)));
        }
        if (firstCall.size() == 2 && secondCall.size() == 1) {
            return Optional.of(new DirectMerge(first.uuid(), first.bridgedTo(), second.uuid(), null, List.of()));
        }
        if (firstCall.size() == 1 && secondCall.size() == 2) {
            return Optional.of(new DirectMerge(second.uuid(), second.bridgedTo(), first.uuid(), null, List.of()));
        }
        return Optional.empty();
    }

    /** Whether the two legs belong to one and the same call. */
    static boolean sameCall(LiveChannel first, LiveChannel second, LiveChannels live) {
        return call(first, live).stream().anyMatch(leg -> leg.uuid().equals(second.uuid()));
    }

    private static Optional<DirectMerge> sharedPhone(List<LiveChannel> firstCall, List<LiveChannel> secondCall) {
        for (LiveChannel mine : firstCall) {
            for (LiveChannel line : secondCall) {
                if (mine.extension() != null && mine.extension().equals(line.extension())) {
                    return Optional.of(new DirectMerge(mine.uuid(), other(firstCall, mine), other(secondCall, line),
                            line.uuid(), List.of()));
                }
            }
        }
        return Optional.empty();
    }

    private static DirectMerge twoCalls(List<LiveChannel> firstCall, List<LiveChannel> secondCall) {
        LiveChannel moderator = caller(firstCall);
        LiveChannel b = caller(secondCall);
        return new DirectMerge(moderator.uuid(), other(firstCall, moderator), b.uuid(), null,
                List.of(other(secondCall, b)));
    }

    /** The leg that placed the call (its uuid is the call's); the given leg when that one is gone. */
    private static LiveChannel caller(List<LiveChannel> call) {
        return call.stream().filter(leg -> leg.uuid().equals(leg.callUuid())).findFirst().orElse(call.get(0));
    }

    /** The leg and, when it is bridged to a live leg, that partner. */
    private static List<LiveChannel> call(LiveChannel leg, LiveChannels live) {
        Optional<LiveChannel> partner = Optional.ofNullable(leg.bridgedTo()).flatMap(live::find)
                .filter(LiveChannel::answered);
        return partner.map(p -> List.of(leg, p)).orElse(List.of(leg));
    }

    private static UUID other(List<LiveChannel> call, LiveChannel leg) {
        return call.get(0).uuid().equals(leg.uuid()) ? call.get(1).uuid() : call.get(0).uuid();
    }
}
