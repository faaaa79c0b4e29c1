package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.memory.InMemoryLiveChannels;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Live legs in Redis, shared by every API node:
 * <ul>
 *   <li>{@code <prefix>:channel:<uuid>}: string, the leg as JSON, expiring {@link #KEEP_FOR} after its
 *       last write (a leg whose node died with nobody to remove it; this node's copy forgets it then too);</li>
 *   <li>{@code <prefix>:t:<tenant>:channels}: sorted set of the tenant's leg uuids, scored by start
 *       (epoch ms), so a tenant's list reads only its own legs;</li>
 *   <li>{@code <prefix>:channels}: sorted set of every leg uuid, for the list of all tenants.</li>
 * </ul>
 * A leg and its two index entries are written and removed together in one script. An index entry
 * whose leg has expired is left out of a list and removed by it. Lists are in the in-memory order:
 * oldest first, then by uuid.
 *
 * <p>While Redis does not answer, this node's own writes go to its in-memory copy and are sent to
 * Redis once it answers again; a leg is then found in that copy, a leg the copy does not hold and a
 * list answer 503, as this node cannot know the others' legs.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisLiveChannels implements LiveChannels {

    /** Longer than any call; a leg's key outlives its node by no more than this. */
    static final Duration KEEP_FOR = Duration.ofHours(12);

    private static final RedisScript PUT = new RedisScript("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            return 1
            """);
    // The tenant's index is named from the stored leg, which only the script reads atomically.
    private static final RedisScript REMOVE = new RedisScript("""
            local held = redis.call('GET', KEYS[1])
            if held then
              local tenant = cjson.decode(held)['tenant']['value']
              redis.call('ZREM', ARGV[2] .. tenant .. ARGV[3], ARGV[1])
              redis.call('DEL', KEYS[1])
            end
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """);

    // Only entries whose leg is still gone: a put since has written the leg and its entry together.
    private static final RedisScript DROP_EXPIRED = new RedisScript("""
            for i = 2, #ARGV do
              if redis.call('EXISTS', ARGV[1] .. ARGV[i]) == 0 then
                for k = 1, #KEYS do
                  redis.call('ZREM', KEYS[k], ARGV[i])
                end
              end
            end
            return 1
            """);

    private final RedisConnections redis;
    private final RedisJson json = new RedisJson();
    private final InMemoryLiveChannels ownCopy = new InMemoryLiveChannels();
    private final UnsentWrites<UUID> unsent;
    private final Duration keepFor;
    private final OwnCopyAges<UUID> ages;

    @Inject
    public RedisLiveChannels(RedisConnections redis) {
        this(redis, KEEP_FOR);
    }

    RedisLiveChannels(RedisConnections redis, Duration keepFor) {
        this.redis = redis;
        this.unsent = new UnsentWrites<>(redis, "live channels");
        this.keepFor = keepFor;
        this.ages = new OwnCopyAges<>(keepFor);
    }

    @Override
    public void put(LiveChannel channel) {
        redis.wroteLiveState();
        unsent.pushIfDue();
        write(channel.uuid(), Optional.of(channel), () -> ownCopy.put(channel));
    }

    @Override
    public Optional<LiveChannel> find(UUID uuid) {
        unsent.pushIfDue();
        if (unsent.isWaiting(uuid)) {
            // Redis has not had this node's latest write of it yet.
            return ownCopy.find(uuid);
        }
        Optional<LiveChannel> mine = ownCopy.find(uuid);
        if (mine.isPresent() && redis.ownCopyIsLatest()) {
            // Only this node writes what it holds: no round trip on the event thread.
            return mine;
        }
        String found;
        try {
            unsent.requireAnswering();
            found = redis.await(redis.async().get(channelKey(uuid)));
        } catch (DomainException unavailable) {
            return unsent.ownAnswer(mine, unavailable);
        }
        if (found == null && mine.isPresent() && ownCopy.find(uuid).orElse(null) == mine.get()) {
            // Removed or expired in Redis (by another node, perhaps) and not written here since:
            // this node's copy is stale.
            ownCopy.remove(uuid);
            ages.removed(uuid);
        }
        return Optional.ofNullable(found).map(text -> json.read(text, LiveChannel.class));
    }

    @Override
    public void remove(UUID uuid) {
        unsent.pushIfDue();
        write(uuid, Optional.empty(), () -> ownCopy.remove(uuid));
    }

    @Override
    public List<LiveChannel> list(Optional<TenantId> tenant) {
        unsent.pushIfDue();
        // This node's copy holds only its own legs: no list to answer from while Redis is away.
        unsent.requireAnswering();
        String index = tenant.map(this::tenantIndex).orElseGet(this::globalIndex);
        List<String> uuids = redis.await(redis.async().zrange(index, 0, -1));
        if (uuids.isEmpty()) {
            return List.of();
        }
        List<KeyValue<String, String>> values = redis.await(redis.async().mget(
                uuids.stream().map(uuid -> channelKey(UUID.fromString(uuid))).toArray(String[]::new)));
        List<LiveChannel> live = new ArrayList<>(values.size());
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).hasValue()) {
                live.add(json.read(values.get(i).getValue(), LiveChannel.class));
            } else {
                expired.add(uuids.get(i));
            }
        }
        if (!expired.isEmpty()) {
            // Not waited for: a later list removes whatever this one could not.
            String[] indexes = tenant.isPresent() ? new String[] {index, globalIndex()} : new String[] {index};
            List<String> args = new ArrayList<>(expired.size() + 1);
            args.add(redis.keys().of("channel") + ":");
            args.addAll(expired);
            DROP_EXPIRED.send(redis, ScriptOutputType.INTEGER, indexes, args.toArray(String[]::new));
        }
        live.sort(Comparator.comparing(LiveChannel::startedAt).thenComparing(LiveChannel::uuid));
        return live;
    }

    /**
     * Writes Redis, then this node's copy (so a reader that finds the leg gone from Redis while it
     * is still in the copy knows the copy is stale); if Redis refuses, the copy's state is sent later.
     */
    private void write(UUID uuid, Optional<LiveChannel> channel, Runnable toOwnCopy) {
        try {
            unsent.requireAnswering();
            redis.await(send(uuid, channel));
            toOwnCopy.run();
            unsent.sent(uuid);
        } catch (DomainException unavailable) {
            toOwnCopy.run();
            unsent.remember(uuid, () -> send(uuid, ownCopy.find(uuid)));
        }
        if (channel.isPresent()) {
            ages.written(uuid);
        } else {
            ages.removed(uuid);
        }
        ages.expired().forEach(ownCopy::remove);
    }

    private CompletionStage<?> send(UUID uuid, Optional<LiveChannel> channel) {
        if (channel.isPresent()) {
            LiveChannel put = channel.get();
            return PUT.send(redis, ScriptOutputType.INTEGER,
                    new String[] {channelKey(uuid), tenantIndex(put.tenant()), globalIndex()},
                    json.write(put), Long.toString(keepFor.toMillis()),
                    Long.toString(put.startedAt().toEpochMilli()), uuid.toString());
        }
        return REMOVE.send(redis, ScriptOutputType.INTEGER, new String[] {channelKey(uuid), globalIndex()},
                uuid.toString(), redis.keys().of("t") + ":", ":channels");
    }

    private String channelKey(UUID uuid) {
        return redis.keys().of("channel", uuid.toString());
    }

    private String tenantIndex(TenantId tenant) {
        return redis.keys().ofTenant(tenant, "channels");
    }

    private String globalIndex() {
        return redis.keys().of("channels");
    }
}
