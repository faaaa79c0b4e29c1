package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.memory.InMemoryParkSlots;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Park slots in Redis, shared by every API node: {@code <prefix>:t:<tenant>:park:<slot>}, a string
 * holding the parked leg's uuid, expiring {@link #KEEP_FOR} after its claim (or the holder's claim
 * again), so a slot whose release was lost frees itself. A claim is one script (take the free slot,
 * or renew it for its holder), so two nodes never hold one slot.
 *
 * <p>A claim needs every node's view: while Redis does not answer, {@code claim} answers 503 (and
 * should Redis have taken it all the same, the claim is undone once Redis answers). A release
 * Redis refuses is sent once it answers again, and only frees the slot if it was claimed before
 * the release was asked for (its time left says so), so it never frees a slot claimed meanwhile
 * for another leg, whichever node claimed the slot. While
 * Redis does not answer, {@code parkedIn} answers from this node's own claims, and 503 for a slot
 * this node holds nothing in.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisParkSlots implements ParkSlots {

    static final Duration KEEP_FOR = RedisLiveChannels.KEEP_FOR;

    private static final RedisScript CLAIM = new RedisScript("""
            local holder = redis.call('GET', KEYS[1])
            if holder == false or holder == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """);
    private static final RedisScript RELEASE_IF_HELD_BY = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    // A claim made after the release was asked for has more time left than any made before it.
    private static final RedisScript RELEASE_IF_CLAIMED_BEFORE = new RedisScript("""
            local left = redis.call('PTTL', KEYS[1])
            if left >= 0 and left <= tonumber(ARGV[1]) then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private record Slot(TenantId tenant, String slot) {
    }

    private final RedisConnections redis;
    private final InMemoryParkSlots ownCopy = new InMemoryParkSlots();
    private final UnsentWrites<Slot> unsent;
    private final Duration keepFor;
    private final OwnCopyAges<Slot> ages;

    @Inject
    public RedisParkSlots(RedisConnections redis) {
        this(redis, KEEP_FOR);
    }

    RedisParkSlots(RedisConnections redis, Duration keepFor) {
        this.redis = redis;
        this.unsent = new UnsentWrites<>(redis, "park slots");
        this.keepFor = keepFor;
        this.ages = new OwnCopyAges<>(keepFor);
    }

    @Override
    public boolean claim(TenantId tenant, String slot, UUID uuid) {
        unsent.pushIfDue();
        Slot key = new Slot(tenant, slot);
        unsent.requireAnswering();
        boolean claimed;
        try {
            claimed = redis.await(CLAIM.send(redis, ScriptOutputType.INTEGER, new String[] {key(key)},
                    uuid.toString(), Long.toString(keepFor.toMillis()))).equals(1L);
        } catch (DomainException unavailable) {
            // Redis may have run the claim before failing to answer: undo it when Redis is back.
            unsent.remember(key, () -> releaseIfHeldBy(key, uuid));
            throw unavailable;
        }
        unsent.sent(key);
        if (claimed) {
            ownCopy.release(tenant, slot);
            ownCopy.claim(tenant, slot, uuid);
            ages.written(key);
        }
        ages.expired().forEach(expired -> ownCopy.release(expired.tenant(), expired.slot()));
        return claimed;
    }

    @Override
    public void release(TenantId tenant, String slot) {
        unsent.pushIfDue();
        Slot key = new Slot(tenant, slot);
        long askedAt = System.nanoTime();
        ownCopy.release(tenant, slot);
        ages.removed(key);
        try {
            unsent.requireAnswering();
            redis.await(redis.async().del(key(key)));
            unsent.sent(key);
        } catch (DomainException unavailable) {
            unsent.remember(key, () -> releaseIfClaimedBefore(key, askedAt));
        }
    }

    @Override
    public Optional<UUID> parkedIn(TenantId tenant, String slot) {
        unsent.pushIfDue();
        try {
            unsent.requireAnswering();
            return Optional.ofNullable(redis.await(redis.async().get(key(new Slot(tenant, slot))))).map(UUID::fromString);
        } catch (DomainException unavailable) {
            return unsent.ownAnswer(ownCopy.parkedIn(tenant, slot), unavailable);
        }
    }

    /** Frees the slot unless it was claimed (or claimed again) after {@code askedAt}. */
    private CompletionStage<Long> releaseIfClaimedBefore(Slot slot, long askedAt) {
        long sinceAsked = Duration.ofNanos(System.nanoTime() - askedAt).toMillis();
        return RELEASE_IF_CLAIMED_BEFORE.send(redis, ScriptOutputType.INTEGER, new String[] {key(slot)},
                Long.toString(keepFor.toMillis() - sinceAsked));
    }

    private CompletionStage<Long> releaseIfHeldBy(Slot slot, UUID leg) {
        return RELEASE_IF_HELD_BY.send(redis, ScriptOutputType.INTEGER, new String[] {key(slot)}, leg.toString());
    }

    private String key(Slot slot) {
        return redis.keys().ofTenant(slot.tenant(), "park", slot.slot());
    }
}
