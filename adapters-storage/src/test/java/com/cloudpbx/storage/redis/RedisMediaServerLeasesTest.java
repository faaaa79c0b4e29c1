package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.LeaseState;
import com.cloudpbx.core.calls.MediaServerLeasesContract;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisMediaServerLeasesTest extends MediaServerLeasesContract {

    private static final String SWITCH = "fs1.internal:8021";

    private final String prefix = RedisServer.uniquePrefix();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    protected MediaServerLeases leases() {
        return node(RedisServer.shared().url());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aSecondNodeIsToldTheLeaseIsHeldElsewhere() {
        node(RedisServer.shared().url()).hold(SWITCH, TTL);

        assertThat(node(RedisServer.shared().url()).hold(SWITCH, TTL)).isEqualTo(LeaseState.HELD_ELSEWHERE);
    }

    @Test
    void anotherNodeTakesTheLeaseOnceTheHolderStopsRenewing() throws InterruptedException {
        Duration ttl = Duration.ofMillis(300);
        MediaServerLeases holder = node(RedisServer.shared().url());
        MediaServerLeases other = node(RedisServer.shared().url());
        holder.hold(SWITCH, ttl);

        Thread.sleep(ttl.toMillis() + 100);

        assertThat(other.hold(SWITCH, ttl)).isEqualTo(LeaseState.HELD);
        assertThat(holder.hold(SWITCH, ttl)).isEqualTo(LeaseState.HELD_ELSEWHERE);
    }

    @Test
    void aNodeWhoseLeaseAnotherTookOverNoLongerTakesItsOwnCopyForTheLatest() throws InterruptedException {
        Duration ttl = Duration.ofMillis(300);
        RedisConnections holderNode = connections(RedisServer.shared().url());
        MediaServerLeases holder = new RedisMediaServerLeases(holderNode);
        holderNode.wroteLiveState();
        holder.hold(SWITCH, ttl);
        assertThat(holderNode.ownCopyIsLatest()).isTrue();
        Thread.sleep(ttl.toMillis() + 100);
        node(RedisServer.shared().url()).hold(SWITCH, ttl);

        holder.hold(SWITCH, ttl);

        assertThat(holderNode.ownCopyIsLatest()).isFalse();
    }

    @Test
    void aRenewedLeaseDoesNotLapse() throws InterruptedException {
        Duration ttl = Duration.ofMillis(400);
        MediaServerLeases holder = node(RedisServer.shared().url());
        MediaServerLeases other = node(RedisServer.shared().url());
        holder.hold(SWITCH, ttl);

        for (int i = 0; i < 5; i++) {
            Thread.sleep(ttl.toMillis() / 4);
            holder.hold(SWITCH, ttl);
        }

        assertThat(other.hold(SWITCH, ttl)).isEqualTo(LeaseState.HELD_ELSEWHERE);
    }

    @Test
    void anotherNodeTakesAReleasedLeaseAtOnce() {
        MediaServerLeases holder = node(RedisServer.shared().url());
        MediaServerLeases other = node(RedisServer.shared().url());
        holder.hold(SWITCH, TTL);

        holder.release(SWITCH);

        assertThat(other.hold(SWITCH, TTL)).isEqualTo(LeaseState.HELD);
    }

    @Test
    void aNodeCannotReleaseALeaseItDoesNotHold() {
        MediaServerLeases holder = node(RedisServer.shared().url());
        MediaServerLeases other = node(RedisServer.shared().url());
        holder.hold(SWITCH, TTL);

        other.release(SWITCH);

        assertThat(other.hold(SWITCH, TTL)).isEqualTo(LeaseState.HELD_ELSEWHERE);
    }

    @Test
    void aRedisThatDoesNotAnswerLeavesTheLeaseUnknown() {
        try (RedisServer own = RedisServer.startOwn()) {
            MediaServerLeases leases = node(own.url());
            own.stop();

            assertThat(leases.hold(SWITCH, TTL)).isEqualTo(LeaseState.UNKNOWN);
        }
    }

    private MediaServerLeases node(String url) {
        return new RedisMediaServerLeases(connections(url));
    }

    private RedisConnections connections(String url) {
        RedisConnections connections = new RedisConnections(new RedisSettings(url, prefix, 500));
        opened.add(connections);
        return connections;
    }
}
