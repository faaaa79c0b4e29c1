package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.CallTrails;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Map-backed call trails for tests of the use cases; concurrent, as {@link MapLiveChannels} is. */
public final class MapCallTrails implements CallTrails {

    private final Map<UUID, CallTrail> trails = new ConcurrentHashMap<>();

    @Override
    public Optional<CallTrail> find(UUID callUuid) {
        return Optional.ofNullable(trails.get(callUuid));
    }

    @Override
    public void save(CallTrail trail) {
        trails.put(trail.callUuid(), trail);
    }

    @Override
    public void remove(UUID callUuid) {
        trails.remove(callUuid);
    }
}
