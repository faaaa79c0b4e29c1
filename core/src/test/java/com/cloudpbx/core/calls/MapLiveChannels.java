package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain map-backed live channels for tests of the use cases. A concurrent map: in the backend
 * contracts the switch's events write to it on their own thread while the test and the use cases
 * read it.
 */
public final class MapLiveChannels implements LiveChannels {

    private final Map<UUID, LiveChannel> channels = new ConcurrentHashMap<>();

    @Override
    public void put(LiveChannel channel) {
        channels.put(channel.uuid(), channel);
    }

    @Override
    public Optional<LiveChannel> find(UUID uuid) {
        return Optional.ofNullable(channels.get(uuid));
    }

    @Override
    public void remove(UUID uuid) {
        channels.remove(uuid);
    }

    @Override
    public List<LiveChannel> list(Optional<TenantId> tenant) {
        return channels.values().stream().filter(c -> tenant.map(c.tenant()::equals).orElse(true))
                .sorted(Comparator.comparing(LiveChannel::startedAt).thenComparing(LiveChannel::uuid))
                .toList();
    }
}
