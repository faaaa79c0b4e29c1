package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.port.EventPublisher;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.port.TenantEventPublisher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time events across API nodes: an event raised on this node goes to this node's own
 * subscribers at once (whatever Redis is doing) and is published on one Redis channel; every other
 * node hands what it receives to its own subscribers, who each see only their audience, through
 * the same per-client bounded queues. Messages of one node arrive in the order it published them.
 * A node ignores its own messages. Received messages are decoded and delivered on a thread of
 * their own, never on Redis's I/O thread; past {@value #BACKLOG} waiting, newer ones are dropped
 * and counted, as a client that falls behind would be.
 */
public final class RedisEventFanOut implements EventPublisher, TenantEventPublisher, AutoCloseable {

    static final int BACKLOG = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventFanOut.class);

    private final RedisConnections redis;
    private final EventPublisher calls;
    private final TenantEventPublisher tenants;
    private final String channel;
    private final RedisJson json = new RedisJson();
    private final ExecutorService delivery;
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param calls   this node's subscribers to call events
     * @param tenants this node's subscribers to the tenants' other events
     */
    public RedisEventFanOut(RedisConnections redis, EventPublisher calls, TenantEventPublisher tenants) {
        this.redis = redis;
        this.calls = calls;
        this.tenants = tenants;
        this.channel = redis.keys().of("events");
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG),
                Thread.ofPlatform().daemon().name("redis-events").factory(), (task, pool) -> dropped.incrementAndGet());
        redis.subscribe(channel, this::received);
    }

    @Override
    public void publish(CallNotification notification) {
        calls.publish(notification);
        relay(new Relayed(redis.nodeId(), notification, null));
    }

    @Override
    public void publish(TenantEvent event) {
        tenants.publish(event);
        relay(new Relayed(redis.nodeId(), null, event));
    }

    /** Events received from other nodes that were dropped because this node could not keep up. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }

    private void relay(Relayed message) {
        String text;
        try {
            text = json.write(message);
        } catch (RuntimeException e) {
            // Losing one event for other nodes beats breaking call tracking for everybody.
            LOG.error("Could not encode an event for the other nodes", e);
            return;
        }
        redis.publish(channel, text);
    }

    private void received(String text) {
        try {
            delivery.execute(() -> deliver(text));
        } catch (RejectedExecutionException e) {
            // Shut down: this node is stopping.
        }
    }

    private void deliver(String text) {
        Relayed message;
        try {
            message = json.read(text, Relayed.class);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an event from another node that cannot be read: {}", e.getMessage());
            return;
        }
        if (redis.nodeId().equals(message.node())) {
            return;
        }
        if (message.call() != null) {
            calls.publish(message.call());
        } else if (message.tenant() != null) {
            tenants.publish(message.tenant());
        }
    }

    /** One event as it crosses Redis: exactly one of {@code call} and {@code tenant} is set. */
    record Relayed(String node, CallNotification call, TenantEvent tenant) {
    }
}
