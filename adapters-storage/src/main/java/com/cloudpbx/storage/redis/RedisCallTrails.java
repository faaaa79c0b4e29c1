package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.storage.memory.InMemoryCallTrails;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Unfinished calls' trails in Redis, shared by every API node: {@code <prefix>:trail:<call uuid>},
 * a string holding the trail as JSON, expiring {@link #KEEP_FOR} after its last write (a call whose
 * node died with nobody to finish it). While Redis does not answer, this node's own writes go to its
 * in-memory copy and are sent once Redis answers again; a trail is then found in that copy, and one
 * the copy does not hold answers 503.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisCallTrails implements CallTrails {

    static final Duration KEEP_FOR = RedisLiveChannels.KEEP_FOR;

    private final RedisConnections redis;
    private final RedisJson json = new RedisJson();
    private final InMemoryCallTrails ownCopy = new InMemoryCallTrails();
    private final UnsentWrites<UUID> unsent;
    private final Duration keepFor;
    private final OwnCopyAges<UUID> ages;

    @Inject
    public RedisCallTrails(RedisConnections redis) {
        this(redis, KEEP_FOR);
    }

    RedisCallTrails(RedisConnections redis, Duration keepFor) {
        this.redis = redis;
        this.unsent = new UnsentWrites<>(redis, "call trails");
        this.keepFor = keepFor;
        this.ages = new OwnCopyAges<>(keepFor);
    }

    @Override
    public Optional<CallTrail> find(UUID callUuid) {
        unsent.pushIfDue();
        if (unsent.isWaiting(callUuid)) {
            // Redis has not had this node's latest write of it yet.
            return ownCopy.find(callUuid);
        }
        Optional<CallTrail> mine = ownCopy.find(callUuid);
        if (mine.isPresent() && redis.ownCopyIsLatest()) {
            // Only this node writes what it holds: no round trip on the event thread.
            return mine;
        }
        String found;
        try {
            unsent.requireAnswering();
            found = redis.await(redis.async().get(key(callUuid)));
        } catch (DomainException unavailable) {
            return unsent.ownAnswer(mine, unavailable);
        }
        if (found == null && mine.isPresent() && ownCopy.find(callUuid).orElse(null) == mine.get()) {
            // Removed or expired in Redis and not written here since: this node's copy is stale.
            ownCopy.remove(callUuid);
            ages.removed(callUuid);
        }
        return Optional.ofNullable(found).map(text -> json.read(text, CallTrail.class));
    }

    @Override
    public void save(CallTrail trail) {
        redis.wroteLiveState();
        unsent.pushIfDue();
        write(trail.callUuid(), Optional.of(trail), () -> ownCopy.save(trail));
    }

    @Override
    public void remove(UUID callUuid) {
        unsent.pushIfDue();
        write(callUuid, Optional.empty(), () -> ownCopy.remove(callUuid));
    }

    /** Redis first, then this node's copy, as {@code RedisLiveChannels} writes and for the same reason. */
    private void write(UUID callUuid, Optional<CallTrail> trail, Runnable toOwnCopy) {
        try {
            unsent.requireAnswering();
            redis.await(send(callUuid, trail));
            toOwnCopy.run();
            unsent.sent(callUuid);
        } catch (DomainException unavailable) {
            toOwnCopy.run();
            unsent.remember(callUuid, () -> send(callUuid, ownCopy.find(callUuid)));
        }
        if (trail.isPresent()) {
            ages.written(callUuid);
        } else {
            ages.removed(callUuid);
        }
        ages.expired().forEach(ownCopy::remove);
    }

    private CompletionStage<?> send(UUID callUuid, Optional<CallTrail> trail) {
        return trail
                .<CompletionStage<?>>map(kept -> redis.async().psetex(key(callUuid), keepFor.toMillis(), json.write(kept)))
                .orElseGet(() -> redis.async().del(key(callUuid)));
    }

    private String key(UUID callUuid) {
        return redis.keys().of("trail", callUuid.toString());
    }
}
