package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.port.CallTrails;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What each unfinished call has done so far, in this node's memory (the embedded defaults). */
@Singleton
@Requires(missingProperty = "voip.redis.url")
public class InMemoryCallTrails implements CallTrails {

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
