package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.CallTrailsContract;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisCallTrailsTest extends CallTrailsContract {

    private final RedisNodes nodes = new RedisNodes();

    @Override
    protected CallTrails newTrails() {
        return new RedisCallTrails(nodes.node());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aTrailIsStoredUnderItsCallUuidExpiringAndFoundOnAnotherNode() {
        RedisConnections redis = nodes.node();
        CallTrail trail = trail();

        new RedisCallTrails(redis).save(trail);

        assertThat(redis.await(redis.async().pttl(nodes.key("trail", trail.callUuid().toString()))))
                .isBetween(Duration.ofHours(11).toMillis(), Duration.ofHours(12).toMillis());
        assertThat(newTrails().find(trail.callUuid())).contains(trail);
    }

    @Test
    void whileRedisIsDownTheNodeFindsItsOwnTrailsAndSendsThemWhenRedisIsBack() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            CallTrails trails = new RedisCallTrails(nodes.node(own.url()));
            CallTrail begun = trail();
            trails.save(begun);
            own.stop();

            CallTrail grown = begun.withLeg(UUID.randomUUID());
            trails.save(grown);

            assertThat(trails.find(begun.callUuid())).contains(grown);
            // This node applies events: a call it does not know is no call of its.
            assertThat(trails.find(UUID.randomUUID())).isEmpty();

            own.start();
            CallTrails other = new RedisCallTrails(nodes.node(own.url()));
            RedisNodes.eventually(() -> {
                trails.find(UUID.randomUUID());
                assertThat(other.find(begun.callUuid())).contains(grown);
            });
        }
    }

    @Test
    void aTrailRemovedWhileRedisRefusesWritesIsRemovedThereOnceItTakesThemAgain() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            CallTrails trails = new RedisCallTrails(redis);
            CallTrail finished = trail();
            trails.save(finished);
            RedisNodes.refuseWrites(redis, true);

            trails.remove(finished.callUuid());

            assertThat(trails.find(finished.callUuid())).isEmpty();
            CallTrails other = new RedisCallTrails(nodes.node(own.url()));
            assertThat(other.find(finished.callUuid())).contains(finished);
            RedisNodes.refuseWrites(redis, false);
            RedisNodes.eventually(() -> {
                trails.find(UUID.randomUUID());
                assertThat(other.find(finished.callUuid())).isEmpty();
            });
        }
    }

    private static CallTrail trail() {
        UUID leg = UUID.randomUUID();
        return CallTrail.begin(new MediaEvent.ChannelCreated(leg, leg, TenantId.of(UUID.randomUUID()),
                CallDirection.INBOUND, "1001", "+15551230001", "Alice", "+15559870000",
                Instant.parse("2026-03-01T10:00:00Z")));
    }

    @Test
    void whileRedisIsDownANodeThatAppliesNoEventsAnswers503ForACallItDoesNotHold() {
        try (RedisServer own = RedisServer.startOwn()) {
            CallTrails trails = new RedisCallTrails(nodes.node(own.url()));
            own.stop();

            RedisNodes.assertUnavailable(() -> trails.find(UUID.randomUUID()));
        }
    }
}
