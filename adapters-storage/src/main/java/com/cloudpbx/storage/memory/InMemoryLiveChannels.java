package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live legs in this node's memory, for a single API node (the embedded defaults). Lost on
 * restart, which is acceptable there: the media server's calls end with the node's view of them.
 */
@Singleton
@Requires(missingProperty = "voip.redis.url")
public class InMemoryLiveChannels implements LiveChannels {

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

    /** Oldest call first, so a list read twice shows its channels in the same order. */
    @Override
    public List<LiveChannel> list(Optional<TenantId> tenant) {
        return channels.values().stream()
                .filter(channel -> tenant.map(channel.tenant()::equals).orElse(true))
                .sorted(Comparator.comparing(LiveChannel::startedAt).thenComparing(LiveChannel::uuid))
                .toList();
    }
}
