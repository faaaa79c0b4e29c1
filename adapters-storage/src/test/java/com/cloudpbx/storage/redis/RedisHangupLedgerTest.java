package com.cloudpbx.storage.redis;

import static com.cloudpbx.storage.redis.RedisNodes.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.HangupLedgerContract;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.HangupLedger;
import com.cloudpbx.storage.memory.InMemoryHangupLedger;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisHangupLedgerTest extends HangupLedgerContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final RedisNodes nodes = new RedisNodes();

    @Override
    protected HangupLedger newLedger() {
        return ledger(nodes.node());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void entriesExpireAfterTheInMemoryLedgersPeriod() {
        RedisConnections redis = nodes.node();
        HangupLedger ledger = ledger(redis);
        var ended = hangup();
        var early = hangup();

        ledger.markEnded(ended);
        ledger.holdEarlyHangup(early);

        long keep = InMemoryHangupLedger.KEEP_ENDED_FOR.toMillis();
        assertThat(redis.await(redis.async().pttl(nodes.key("ended", ended.uuid().toString())))).isBetween(keep - 60_000, keep);
        assertThat(redis.await(redis.async().pttl(nodes.key("early-hangup", early.uuid().toString())))).isBetween(keep - 60_000, keep);
    }

    @Test
    void anEarlyHangupHeldOnOneNodeIsTakenOnceAcrossNodes() {
        var early = hangup();
        newLedger().holdEarlyHangup(early);

        assertThat(newLedger().takeEarlyHangup(early.uuid())).contains(early);
        assertThat(newLedger().takeEarlyHangup(early.uuid())).isEmpty();
    }

    @Test
    void whileRedisIsDownTheNodeAnswersFromItsOwnLedgerAndSendsItWhenRedisIsBack() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            HangupLedger ledger = ledger(nodes.node(own.url()));
            own.stop();
            var ended = hangup();
            var early = hangup();

            ledger.markEnded(ended);
            ledger.holdEarlyHangup(early);

            assertThat(ledger.endedWith(ended.uuid())).contains(ended);
            assertUnavailable(() -> ledger.endedWith(UUID.randomUUID()));
            own.start();
            HangupLedger other = ledger(nodes.node(own.url()));
            RedisNodes.eventually(() -> {
                ledger.endedWith(UUID.randomUUID());
                assertThat(other.endedWith(ended.uuid())).contains(ended);
            });
            assertThat(other.takeEarlyHangup(early.uuid())).contains(early);
        }
    }

    private static HangupLedger ledger(RedisConnections redis) {
        return new RedisHangupLedger(redis, Clock.systemUTC());
    }

    private static MediaEvent.ChannelHungUp hangup() {
        return new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 3, 1, T0);
    }
}
