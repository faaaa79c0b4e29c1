package com.cloudpbx.core.presence;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The live legs of extensions as {@link PresenceWatch} has followed them, in the order the switch
 * reported them: a copy of its own, so that deciding a change never reads the live-call store
 * from the thread that follows presence. Only legs that name an extension are kept, at most
 * {@code maxLegs} (the oldest goes first); legs recently ended are remembered so that a repeated
 * creation, or one overtaken by its hang-up, is not taken for a new leg. Not thread-safe: used
 * by one thread.
 */
final class PresenceLegs {

    private static final int ENDED_REMEMBERED = 10_000;

    private final Map<UUID, LiveChannel> legs;
    private final Map<Key, Set<UUID>> byExtension = new HashMap<>();
    private final Map<UUID, Boolean> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > ENDED_REMEMBERED;
        }
    };

    PresenceLegs(int maxLegs) {
        this.legs = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, LiveChannel> eldest) {
                if (size() <= maxLegs) {
                    return false;
                }
                unindex(eldest.getValue());
                return true;
            }
        };
    }

    /** The new leg, unless it is known already or ended before (a repeat, or overtaken by its hang-up). */
    Optional<LiveChannel> created(MediaEvent.ChannelCreated created) {
        if (created.extension() == null || legs.containsKey(created.uuid()) || ended.containsKey(created.uuid())) {
            return Optional.empty();
        }
        var leg = new LiveChannel(created.uuid(), created.callUuid(), created.tenant(), created.extension(),
                created.callerIdNumber(), created.callerIdName(), created.destination(), created.direction(), false,
                false, created.at(), null, null, null, null);
        legs.put(leg.uuid(), leg);
        byExtension.computeIfAbsent(key(leg), k -> new LinkedHashSet<>()).add(leg.uuid());
        return Optional.of(leg);
    }

    /** The leg now answered; empty when it is not followed or was answered already. */
    Optional<LiveChannel> answered(UUID uuid, Instant at) {
        LiveChannel leg = legs.get(uuid);
        if (leg == null || leg.answered()) {
            return Optional.empty();
        }
        LiveChannel now = leg.answeredAt(at);
        legs.put(uuid, now);
        return Optional.of(now);
    }

    /** The leg that ended; empty when it was not followed (remembered, in case its creation comes next). */
    Optional<LiveChannel> hungUp(UUID uuid) {
        ended.put(uuid, Boolean.TRUE);
        LiveChannel leg = legs.remove(uuid);
        if (leg == null) {
            return Optional.empty();
        }
        unindex(leg);
        return Optional.of(leg);
    }

    List<LiveChannel> of(TenantId tenant, String extension) {
        Set<UUID> uuids = byExtension.get(new Key(tenant, extension));
        return uuids == null ? List.of() : uuids.stream().map(legs::get).toList();
    }

    int size() {
        return legs.size();
    }

    private void unindex(LiveChannel leg) {
        Key key = key(leg);
        Set<UUID> uuids = byExtension.get(key);
        if (uuids != null) {
            uuids.remove(leg.uuid());
            if (uuids.isEmpty()) {
                byExtension.remove(key);
            }
        }
    }

    private static Key key(LiveChannel leg) {
        return new Key(leg.tenant(), leg.extension());
    }

    private record Key(TenantId tenant, String extension) {
    }
}
