package com.cloudpbx.storage.redis;

import static com.cloudpbx.storage.redis.RedisNodes.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.LiveChannelsContract;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisLiveChannelsTest extends LiveChannelsContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final RedisNodes nodes = new RedisNodes();
    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());

    @Override
    protected LiveChannels newChannels() {
        return new RedisLiveChannels(nodes.node());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aLegIsStoredUnderItsUuidExpiringAndIndexedUnderItsTenantAndGlobally() {
        RedisConnections redis = nodes.node();
        LiveChannel channel = channel(acme, T0);

        new RedisLiveChannels(redis).put(channel);

        String key = nodes.key("channel", channel.uuid().toString());
        assertThat(redis.await(redis.async().pttl(key))).isBetween(Duration.ofHours(11).toMillis(), Duration.ofHours(12).toMillis());
        assertThat(redis.await(redis.async().zrange(redis.keys().ofTenant(acme, "channels"), 0, -1)))
                .containsExactly(channel.uuid().toString());
        assertThat(redis.await(redis.async().zrange(nodes.key("channels"), 0, -1))).containsExactly(channel.uuid().toString());
    }

    @Test
    void aLegPutOnOneNodeIsFoundAndListedOnAnother() {
        LiveChannel channel = channel(acme, T0);

        new RedisLiveChannels(nodes.node()).put(channel);

        LiveChannels other = new RedisLiveChannels(nodes.node());
        assertThat(other.find(channel.uuid())).contains(channel);
        assertThat(other.list(Optional.of(acme))).containsExactly(channel);
    }

    @Test
    void removingALegRemovesItsIndexEntries() {
        RedisConnections redis = nodes.node();
        LiveChannels channels = new RedisLiveChannels(redis);
        LiveChannel channel = channel(acme, T0);
        channels.put(channel);

        channels.remove(channel.uuid());

        assertThat(redis.await(redis.async().exists(redis.keys().ofTenant(acme, "channels"), nodes.key("channels"))))
                .isZero();
    }

    @Test
    void aLegWhoseKeyExpiredIsLeftOutOfListsAndItsIndexEntriesRemoved() {
        RedisConnections redis = nodes.node();
        LiveChannels channels = new RedisLiveChannels(redis);
        LiveChannel orphan = channel(acme, T0);
        LiveChannel live = channel(globex, T0);
        channels.put(orphan);
        channels.put(live);
        redis.await(redis.async().del(nodes.key("channel", orphan.uuid().toString())));

        assertThat(new RedisLiveChannels(nodes.node()).list(Optional.of(acme))).isEmpty();
        assertThat(new RedisLiveChannels(nodes.node()).list(Optional.empty())).containsExactly(live);

        assertThat(redis.await(redis.async().zrange(redis.keys().ofTenant(acme, "channels"), 0, -1))).isEmpty();
        assertThat(redis.await(redis.async().zrange(nodes.key("channels"), 0, -1))).containsExactly(live.uuid().toString());
    }

    @Test
    void whileRedisIsDownTheNodeFindsItsOwnLegsAndSendsItsWritesWhenRedisIsBack() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            LiveChannels channels = new RedisLiveChannels(nodes.node(own.url()));
            LiveChannel upBefore = channel(acme, T0);
            LiveChannel hungUpDuring = channel(acme, T0.plusSeconds(1));
            channels.put(upBefore);
            channels.put(hungUpDuring);
            own.stop();

            LiveChannel answered = upBefore.answeredAt(T0.plusSeconds(5));
            LiveChannel createdDuring = channel(acme, T0.plusSeconds(6));
            channels.put(answered);
            channels.put(createdDuring);
            channels.remove(hungUpDuring.uuid());

            assertThat(channels.find(answered.uuid())).contains(answered);
            assertThat(channels.find(createdDuring.uuid())).contains(createdDuring);
            assertThat(channels.find(hungUpDuring.uuid())).isEmpty();
            // This node applies events: its copy is the whole truth about its calls.
            assertThat(channels.find(UUID.randomUUID())).isEmpty();
            assertUnavailable(() -> channels.list(Optional.of(acme)));

            own.start();

            LiveChannels other = new RedisLiveChannels(nodes.node(own.url()));
            RedisNodes.eventually(() -> {
                channels.find(UUID.randomUUID());
                assertThat(other.list(Optional.of(acme))).containsExactly(answered, createdDuring);
            });
        }
    }

    @Test
    void aLegRemovedWhileRedisRefusesWritesLeavesItsListsOnceRedisTakesThemAgain() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            LiveChannels channels = new RedisLiveChannels(redis);
            LiveChannel hungUp = channel(acme, T0);
            channels.put(hungUp);
            RedisNodes.refuseWrites(redis, true);

            channels.remove(hungUp.uuid());

            assertThat(channels.find(hungUp.uuid())).isEmpty();
            LiveChannels other = new RedisLiveChannels(nodes.node(own.url()));
            assertThat(other.list(Optional.of(acme))).containsExactly(hungUp);
            RedisNodes.refuseWrites(redis, false);
            RedisNodes.eventually(() -> {
                channels.find(UUID.randomUUID());
                assertThat(other.list(Optional.of(acme))).isEmpty();
                assertThat(other.list(Optional.empty())).isEmpty();
            });
        }
    }

    @Test
    void aLegThisNodeWroteLongerAgoThanRedisKeepsItIsForgottenByThisNodeToo() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            Duration keepFor = Duration.ofMillis(300);
            LiveChannels channels = new RedisLiveChannels(nodes.node(own.url()), keepFor);
            LiveChannel orphan = channel(acme, T0);
            channels.put(orphan);
            Thread.sleep(keepFor.toMillis() + 100);
            channels.put(channel(acme, T0.plusSeconds(1)));
            own.stop();

            assertThat(channels.find(orphan.uuid())).isEmpty();
        }
    }

    @Test
    void whileRedisIsDownANodeThatAppliesNoEventsAnswers503ForALegItDoesNotHold() {
        try (RedisServer own = RedisServer.startOwn()) {
            LiveChannels channels = new RedisLiveChannels(nodes.node(own.url()));
            UUID elsewhere = UUID.randomUUID();
            own.stop();

            assertUnavailable(() -> channels.find(elsewhere));
        }
    }

    @Test
    void aRedisThatHangsCostsTrackingOneCommandTimeoutNotOnePerCommand() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            LiveChannels channels = new RedisLiveChannels(redis);
            LiveChannel up = channel(acme, T0);
            channels.put(up);
            redis.await(redis.async().clientPause(3000));

            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                channels.put(up.answeredAt(T0.plusSeconds(i)));
                channels.find(up.uuid());
            }

            // One put waits out the 500 ms command timeout; the others go to this node's copy at once.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(channels.find(up.uuid())).contains(up.answeredAt(T0.plusSeconds(19)));
        }
    }

    @Test
    void aLegRemovedByTheNodeThatTookTheSwitchOverIsNotFoundHere() {
        RedisConnections node = nodes.node();
        LiveChannels here = new RedisLiveChannels(node);
        LiveChannel channel = channel(acme, T0);
        here.put(channel);

        newChannels().remove(channel.uuid());
        node.leaseLost("fs1.internal:8021");

        assertThat(here.find(channel.uuid())).isEmpty();
    }

    @Test
    void theNodeApplyingTheEventsFindsItsOwnLegsWithoutAskingRedis() {
        RedisConnections node = nodes.node();
        LiveChannels here = new RedisLiveChannels(node);
        LiveChannel channel = channel(acme, T0);
        here.put(channel);

        newChannels().remove(channel.uuid());

        assertThat(here.find(channel.uuid())).contains(channel);
    }

    private static LiveChannel channel(TenantId tenant, Instant startedAt) {
        UUID uuid = UUID.randomUUID();
        return new LiveChannel(uuid, uuid, tenant, "1001", "+15551230001", "Alice", "1001", CallDirection.INBOUND,
                false, false, startedAt, null, null, null, null);
    }
}
