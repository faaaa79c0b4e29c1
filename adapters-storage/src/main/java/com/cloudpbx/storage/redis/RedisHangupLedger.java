package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.HangupLedger;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.storage.memory.InMemoryHangupLedger;
import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Recent hang-ups in Redis, shared by every API node, each kept {@link #KEEP_FOR} (the in-memory
 * ledger's period) by Redis's own expiry:
 * <ul>
 *   <li>{@code <prefix>:ended:<uuid>}: string, how the leg ended as JSON; the first report is kept
 *       ({@code SET NX}), a repeat is a duplicate event;</li>
 *   <li>{@code <prefix>:early-hangup:<uuid>}: string, a hang-up that came before its leg's creation,
 *       as JSON, taken ({@code GETDEL}) once.</li>
 * </ul>
 * While Redis does not answer, this node's own writes go to its in-memory ledger and are sent once
 * Redis answers again; a leg is then looked up there, and one it does not hold answers 503.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisHangupLedger implements HangupLedger {

    static final Duration KEEP_FOR = InMemoryHangupLedger.KEEP_ENDED_FOR;

    private static final String ENDED = "ended";
    private static final String EARLY = "early-hangup";

    private record Entry(String kind, UUID uuid) {
    }

    private final RedisConnections redis;
    private final RedisJson json = new RedisJson();
    private final InMemoryHangupLedger ownCopy;
    private final UnsentWrites<Entry> unsent;

    public RedisHangupLedger(RedisConnections redis, Clock clock) {
        this.redis = redis;
        this.ownCopy = new InMemoryHangupLedger(clock);
        this.unsent = new UnsentWrites<>(redis, "the hang-up ledger");
    }

    @Override
    public void markEnded(MediaEvent.ChannelHungUp hangup) {
        unsent.pushIfDue();
        ownCopy.markEnded(hangup);
        keep(new Entry(ENDED, hangup.uuid()), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid) {
        unsent.pushIfDue();
        Entry entry = new Entry(ENDED, uuid);
        if (unsent.isWaiting(entry)) {
            return ownCopy.endedWith(uuid);
        }
        Optional<MediaEvent.ChannelHungUp> mine = ownCopy.endedWith(uuid);
        if (mine.isPresent() && redis.ownCopyIsLatest()) {
            // Only this node reports its legs ended: the report it holds is the answer.
            return mine;
        }
        try {
            unsent.requireAnswering();
            return read(redis.await(redis.async().get(key(entry))));
        } catch (DomainException unavailable) {
            return unsent.ownAnswer(ownCopy.endedWith(uuid), unavailable);
        }
    }

    @Override
    public void holdEarlyHangup(MediaEvent.ChannelHungUp hangup) {
        unsent.pushIfDue();
        ownCopy.holdEarlyHangup(hangup);
        keep(new Entry(EARLY, hangup.uuid()), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid) {
        unsent.pushIfDue();
        Entry entry = new Entry(EARLY, uuid);
        Optional<MediaEvent.ChannelHungUp> held = ownCopy.takeEarlyHangup(uuid);
        if (unsent.isWaiting(entry)) {
            // Redis has not had this node's latest word on the entry: this node's copy is the answer.
            unsent.remember(entry, () -> redis.async().del(key(entry)));
            return held;
        }
        try {
            unsent.requireAnswering();
            // Redis answers for every node: one held here and gone there was taken elsewhere.
            return read(redis.await(redis.async().getdel(key(entry))));
        } catch (DomainException unavailable) {
            Optional<MediaEvent.ChannelHungUp> found = unsent.ownAnswer(held, unavailable);
            if (found.isPresent()) {
                unsent.remember(entry, () -> redis.async().del(key(entry)));
            }
            return found;
        }
    }

    private void keep(Entry entry, MediaEvent.ChannelHungUp hangup) {
        try {
            unsent.requireAnswering();
            redis.await(send(entry, hangup));
            unsent.sent(entry);
        } catch (DomainException unavailable) {
            // What this node's ledger kept: the first report, even if this is a repeat.
            Optional<MediaEvent.ChannelHungUp> kept = entry.kind().equals(ENDED) ? ownCopy.endedWith(hangup.uuid())
                    : Optional.of(hangup);
            unsent.remember(entry, () -> send(entry, kept.orElse(hangup)));
        }
    }

    private CompletionStage<String> send(Entry entry, MediaEvent.ChannelHungUp hangup) {
        return redis.async().set(key(entry), json.write(hangup), SetArgs.Builder.nx().px(KEEP_FOR.toMillis()));
    }

    private Optional<MediaEvent.ChannelHungUp> read(String text) {
        return Optional.ofNullable(text).map(found -> json.read(found, MediaEvent.ChannelHungUp.class));
    }

    private String key(Entry entry) {
        return redis.keys().of(entry.kind(), entry.uuid().toString());
    }
}
