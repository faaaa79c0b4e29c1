package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.DomainException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connections to Redis: one for commands, multiplexed by every adapter (Lettuce
 * pipelines concurrent commands over it), and one for subscriptions. Both reconnect by
 * themselves; while Redis is away a command fails at once rather than queueing, and a
 * subscription is renewed on reconnection. Callers wait on the async API's futures with the
 * configured timeout, from the blocking executor or an event thread of their own, never from a
 * Netty event loop; a subscriber's handler runs on Lettuce's I/O thread and must only hand off.
 */
public final class RedisConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);
    private static final String UNAVAILABLE = "Redis is unavailable right now; nothing was changed, retry in a few seconds";

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final RedisKeys keys;
    private final String address;
    private final String nodeId = UUID.randomUUID().toString();
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private volatile boolean keepsLiveState;
    private final Set<String> leasesLost = ConcurrentHashMap.newKeySet();

    public RedisConnections(RedisSettings settings) {
        RedisURI uri = RedisURI.create(settings.url());
        this.timeout = Duration.ofMillis(settings.commandTimeoutMs());
        this.keys = new RedisKeys(settings.keyPrefix());
        this.address = uri.getHost() + ":" + uri.getPort();
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(100_000)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try {
            this.commands = client.connect();
            this.subscriptions = client.connectPubSub();
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw new IllegalStateException("Redis at " + address + " (VOIP_REDIS_URL) cannot be reached: " + e.getMessage(), e);
        }
        subscriptions.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Consumer<String> handler = handlers.get(channel);
                if (handler != null) {
                    handler.accept(message);
                }
            }
        });
        LOG.info("Shared state in Redis at {} under the key prefix '{}'", address, settings.keyPrefix());
    }

    public RedisKeys keys() {
        return keys;
    }

    /** This process among the nodes sharing the Redis: random, new at every start. */
    public String nodeId() {
        return nodeId;
    }

    /** This node applies a switch's events: it wrote live state since it started. */
    public void wroteLiveState() {
        if (!keepsLiveState) {
            keepsLiveState = true;
        }
    }

    /**
     * Whether this node applies a switch's events, so that its own copy of the live state it wrote
     * is the whole truth about those calls while Redis is away.
     */
    public boolean keepsLiveState() {
        return keepsLiveState;
    }

    /**
     * Whether this node's own copy of the live state it wrote is the latest state of those keys: it
     * writes live state (it applies a switch's events) and no other node has taken a lease over from
     * it since, so no other node has written them. Its adapters then answer a key they hold from
     * their copy without asking Redis.
     */
    public boolean ownCopyIsLatest() {
        return keepsLiveState && leasesLost.isEmpty();
    }

    /** Another node took the media server's lease over from this one: what it wrote may have changed. */
    void leaseLost(String mediaServer) {
        leasesLost.add(mediaServer);
    }

    /** This node holds the media server's lease (again). */
    void leaseHeld(String mediaServer) {
        if (!leasesLost.isEmpty()) {
            leasesLost.remove(mediaServer);
        }
    }

    /** host:port, for health reports and logs (never the password). */
    public String address() {
        return address;
    }

    public RedisAsyncCommands<String, String> async() {
        return commands.async();
    }

    public boolean isConnected() {
        return commands.isOpen();
    }

    /**
     * The command's result, waited for up to the command timeout; a Redis that is away, slow or
     * refusing answers 503 {@code BACKEND_UNAVAILABLE}.
     */
    public <T> T await(CompletionStage<T> command) {
        try {
            return command.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Delivers every message published on {@code channel} (a full key from {@link #keys()}) to the
     * handler, on Lettuce's I/O thread; renewed after each reconnection. Completes once Redis has
     * confirmed the subscription.
     */
    public CompletionStage<Void> subscribe(String channel, Consumer<String> handler) {
        handlers.put(channel, handler);
        return subscriptions.async().subscribe(channel);
    }

    /**
     * Publishes without waiting; a message Redis cannot take is dropped (logged once per outage):
     * what is published is a hint for other nodes, never the only copy of anything.
     */
    public void publish(String channel, String message) {
        commands.async().publish(channel, message).whenComplete((receivers, failure) -> {
            if (failure == null) {
                if (publishing.compareAndSet(false, true)) {
                    LOG.info("Publishing to Redis at {} again", address);
                }
            } else if (publishing.compareAndSet(true, false)) {
                LOG.warn("Cannot publish to Redis at {} ({}); other nodes miss this node's messages until it is back",
                        address, failure.toString());
            }
        });
    }

    public DomainException unavailable(Throwable cause) {
        LOG.debug("Redis at {} failed a command", address, cause);
        return DomainException.unavailable("BACKEND_UNAVAILABLE", UNAVAILABLE);
    }

    @Override
    public void close() {
        subscriptions.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown();
    }
}
