package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.AttendedTransfer;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.storage.memory.InMemoryAttendedTransfers;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Attended transfers in Redis, shared by every API node: {@code <prefix>:transfer:<leg uuid>}, a
 * string holding the transfer as JSON under each of its three legs, so any leg's event finds it in
 * one read; each expires {@link #KEEP_FOR} after its last write. The three keys are written in one
 * script, and removed in one that leaves a leg's key alone once it holds another transfer (another
 * consult leg). While Redis does not answer, this node's own writes go to its in-memory copy and are
 * sent once Redis answers again; a leg is then looked up there, and one it does not hold answers 503.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisAttendedTransfers implements AttendedTransfers {

    static final Duration KEEP_FOR = RedisLiveChannels.KEEP_FOR;

    private static final RedisScript SAVE = new RedisScript("""
            for i = 1, #KEYS do
              redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
            end
            return 1
            """);
    private static final RedisScript REMOVE = new RedisScript("""
            for i = 1, #KEYS do
              local held = redis.call('GET', KEYS[i])
              if held and cjson.decode(held)['consult'] == ARGV[1] then
                redis.call('DEL', KEYS[i])
              end
            end
            return 1
            """);

    private final RedisConnections redis;
    private final RedisJson json = new RedisJson();
    private final InMemoryAttendedTransfers ownCopy = new InMemoryAttendedTransfers();
    private final UnsentWrites<UUID> unsent;
    private final Duration keepFor;
    private final OwnCopyAges<UUID> ages;

    @Inject
    public RedisAttendedTransfers(RedisConnections redis) {
        this(redis, KEEP_FOR);
    }

    RedisAttendedTransfers(RedisConnections redis, Duration keepFor) {
        this.redis = redis;
        this.unsent = new UnsentWrites<>(redis, "attended transfers");
        this.keepFor = keepFor;
        this.ages = new OwnCopyAges<>(keepFor);
    }

    @Override
    public void save(AttendedTransfer transfer) {
        unsent.pushIfDue();
        try {
            unsent.requireAnswering();
            redis.await(SAVE.send(redis, ScriptOutputType.INTEGER, keys(legsOf(transfer)),
                    json.write(transfer), Long.toString(keepFor.toMillis())));
            ownCopy.save(transfer);
            legsOf(transfer).forEach(unsent::sent);
        } catch (DomainException unavailable) {
            ownCopy.save(transfer);
            legsOf(transfer).forEach(leg -> unsent.remember(leg, () -> sendOwnCopy(leg, transfer.consult())));
        }
        ages.written(transfer.consult());
        forgetExpired();
    }

    @Override
    public Optional<AttendedTransfer> findByLeg(UUID uuid) {
        unsent.pushIfDue();
        if (unsent.isWaiting(uuid)) {
            return ownCopy.findByLeg(uuid);
        }
        try {
            unsent.requireAnswering();
            return Optional.ofNullable(redis.await(redis.async().get(key(uuid))))
                    .map(text -> json.read(text, AttendedTransfer.class));
        } catch (DomainException unavailable) {
            return unsent.ownAnswer(ownCopy.findByLeg(uuid), unavailable);
        }
    }

    @Override
    public void remove(AttendedTransfer transfer) {
        unsent.pushIfDue();
        try {
            unsent.requireAnswering();
            redis.await(removeUnder(legsOf(transfer), transfer.consult()));
            ownCopy.remove(transfer);
            legsOf(transfer).forEach(unsent::sent);
        } catch (DomainException unavailable) {
            ownCopy.remove(transfer);
            legsOf(transfer).forEach(leg -> unsent.remember(leg, () -> sendOwnCopy(leg, transfer.consult())));
        }
        ages.removed(transfer.consult());
        forgetExpired();
    }

    /** Transfers are aged by their consult leg, which names each one. */
    private void forgetExpired() {
        ages.expired().forEach(consult -> ownCopy.findByLeg(consult).ifPresent(ownCopy::remove));
    }

    /** This node's word on the leg: the transfer it holds there, or none of {@code consult}'s. */
    private CompletionStage<?> sendOwnCopy(UUID leg, UUID consult) {
        return ownCopy.findByLeg(leg)
                .<CompletionStage<?>>map(held -> redis.async().psetex(key(leg), keepFor.toMillis(), json.write(held)))
                .orElseGet(() -> removeUnder(List.of(leg), consult));
    }

    private CompletionStage<Long> removeUnder(List<UUID> legs, UUID consult) {
        return REMOVE.send(redis, ScriptOutputType.INTEGER, keys(legs), consult.toString());
    }

    private String[] keys(List<UUID> legs) {
        return legs.stream().map(this::key).toArray(String[]::new);
    }

    private String key(UUID leg) {
        return redis.keys().of("transfer", leg.toString());
    }

    private static List<UUID> legsOf(AttendedTransfer transfer) {
        return List.of(transfer.transferor(), transfer.party(), transfer.consult());
    }
}
