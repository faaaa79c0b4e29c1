package com.cloudpbx.freeswitch.esl;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client talks to one media server.
 *
 * @param connectTimeout   TCP connect plus auth and subscription must finish within this
 * @param heartbeatTimeout silence after which the connection is presumed dead and replaced;
 *                         FreeSWITCH sends HEARTBEAT every 20 s by default, so the default tolerates
 *                         two lost ones
 * @param queueCapacity    events decoded but not yet handled by the listener; as many again are
 *                         held while the socket is still read (command replies keep arriving),
 *                         and only then does the client stop reading
 * @param reconnectMin     first reconnect delay ceiling; it doubles per failed attempt
 * @param reconnectMax     largest reconnect delay ceiling
 * @param subscription     the events to ask for
 */
public record EslClientSettings(Duration connectTimeout, Duration heartbeatTimeout, int queueCapacity,
                          Duration reconnectMin, Duration reconnectMax, EslSubscription subscription) {

    public EslClientSettings {
        Objects.requireNonNull(subscription, "subscription");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(heartbeatTimeout, "heartbeatTimeout");
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be below reconnectMin");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1");
        }
    }

    public static EslClientSettings defaults() {
        return new EslClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 10_000,
                Duration.ofMillis(250), Duration.ofSeconds(30), EslSubscription.DOMAIN);
    }

    public EslClientSettings withHeartbeatTimeout(Duration timeout) {
        return new EslClientSettings(connectTimeout, timeout, queueCapacity, reconnectMin, reconnectMax, subscription);
    }

    public EslClientSettings withQueueCapacity(int capacity) {
        return new EslClientSettings(connectTimeout, heartbeatTimeout, capacity, reconnectMin, reconnectMax, subscription);
    }

    public EslClientSettings withReconnect(Duration min, Duration max) {
        return new EslClientSettings(connectTimeout, heartbeatTimeout, queueCapacity, min, max, subscription);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
