package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallEventType;
import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisEventFanOutTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final String prefix = RedisServer.uniquePrefix();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aCallEventRaisedOnOneNodeReachesTheSubscribersOfAnother() throws Exception {
        Node a = node();
        Node b = node();
        CallNotification ringing = notification(CallEventType.CALL_RINGING);

        a.fanOut.publish(ringing);

        awaitSize(b.calls, 1);
        assertThat(b.calls).containsExactly(ringing);
    }

    @Test
    void theRaisingNodesOwnSubscribersGetTheEventOnce() throws Exception {
        Node a = node();
        Node b = node();
        CallNotification answered = notification(CallEventType.CALL_ANSWER);

        a.fanOut.publish(answered);
        awaitSize(b.calls, 1);
        Thread.sleep(200);

        assertThat(a.calls).containsExactly(answered);
    }

    @Test
    void aTenantEventCrossesNodesWithItsFieldsInOrder() throws Exception {
        Node a = node();
        Node b = node();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("extension", "1001");
        data.put("status", "on_call");
        data.put("previous", "available");
        TenantEvent change = new TenantEvent("presence_change", tenant, "1001", data,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        a.fanOut.publish(change);

        awaitSize(b.tenants, 1);
        assertThat(b.tenants.getFirst()).isEqualTo(change);
        assertThat(b.tenants.getFirst().data().keySet()).containsExactly("extension", "status", "previous");
    }

    @Test
    void eventsOfOneNodeArriveAtAnotherInTheOrderRaised() throws Exception {
        Node a = node();
        Node b = node();
        List<CallNotification> raised = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            raised.add(notification(i % 2 == 0 ? CallEventType.CALL_RINGING : CallEventType.CALL_ANSWER));
        }

        raised.forEach(a.fanOut::publish);

        awaitSize(b.calls, raised.size());
        assertThat(b.calls).containsExactlyElementsOf(raised);
    }

    @Test
    void aNodeOnAnotherKeyPrefixHearsNothing() throws Exception {
        Node a = node();
        Node elsewhere = node(RedisServer.uniquePrefix());
        Node b = node();

        a.fanOut.publish(notification(CallEventType.CALL_START));

        awaitSize(b.calls, 1);
        Thread.sleep(200);
        assertThat(elsewhere.calls).isEmpty();
    }

    @Test
    void whileRedisIsDownTheRaisingNodesOwnSubscribersStillGetEveryEvent() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections connections = new RedisConnections(new RedisSettings(own.url(), prefix, 200));
            opened.add(connections);
            List<CallNotification> local = new CopyOnWriteArrayList<>();
            RedisEventFanOut fanOut = new RedisEventFanOut(connections, local::add, event -> { });
            opened.add(fanOut);
            own.stop();

            CallNotification hangup = notification(CallEventType.CALL_END);
            fanOut.publish(hangup);

            assertThat(local).containsExactly(hangup);
        }
    }

    private Node node() {
        return node(prefix);
    }

    private Node node(String keyPrefix) {
        RedisConnections connections = new RedisConnections(new RedisSettings(RedisServer.shared().url(), keyPrefix, 1000));
        opened.add(connections);
        List<CallNotification> calls = new CopyOnWriteArrayList<>();
        List<TenantEvent> tenants = new CopyOnWriteArrayList<>();
        RedisEventFanOut fanOut = new RedisEventFanOut(connections, calls::add, tenants::add);
        opened.add(fanOut);
        awaitSubscribed(connections);
        return new Node(fanOut, calls, tenants);
    }

    /** Subscribing is asynchronous: wait until Redis counts this node's subscription. */
    private static void awaitSubscribed(RedisConnections connections) {
        String channel = connections.keys().of("events");
        long deadline = System.nanoTime() + WITHIN.toNanos();
        long subscribers = 0;
        while (System.nanoTime() < deadline) {
            Map<String, Long> counts = connections.await(connections.async().pubsubNumsub(channel));
            subscribers = counts.getOrDefault(channel, 0L);
            if (subscribers > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the node did not subscribe within " + WITHIN);
    }

    private static void awaitSize(List<?> received, int size) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (received.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(received).hasSize(size);
    }

    private CallNotification notification(CallEventType type) {
        UUID uuid = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LiveChannel leg = new LiveChannel(uuid, uuid, tenant, "1001", "+15551230001", "Alice", "1002",
                CallDirection.INTERNAL, type == CallEventType.CALL_ANSWER, false, now, null, null, null, null);
        return new CallNotification(type, leg, now, "detail");
    }

    private record Node(RedisEventFanOut fanOut, List<CallNotification> calls, List<TenantEvent> tenants) {
    }
}
