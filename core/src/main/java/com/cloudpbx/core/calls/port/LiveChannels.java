package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the live legs, derived from media events (in memory on embedded defaults, shared in Redis
 * when several API nodes run).
 */
public interface LiveChannels {

    void put(LiveChannel channel);

    Optional<LiveChannel> find(UUID uuid);

    void remove(UUID uuid);

    /** Every live channel, oldest first (then by uuid); an empty tenant means all tenants. */
    List<LiveChannel> list(Optional<TenantId> tenant);
}
