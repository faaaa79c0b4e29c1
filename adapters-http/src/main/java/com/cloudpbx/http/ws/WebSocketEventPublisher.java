package com.cloudpbx.http.ws;

import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.port.EventPublisher;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.port.TenantEventPublisher;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans call events, and the tenants' other events (queue agents' changes), out to the authenticated clients of this node's events socket, each seeing
 * only its own audience. Publishing only queues: it never waits for a client, because it runs on
 * the thread that tracks every call of the switch.
 */
@Singleton
public class WebSocketEventPublisher implements EventPublisher, TenantEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEventPublisher.class);

    private final JsonMapper json;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    public WebSocketEventPublisher(JsonMapper json) {
        this.json = json;
    }

    /** Starts delivering events to {@code outbox}; its session id names the subscription. */
    public void subscribe(String sessionId, EventAudience audience, SessionOutbox outbox) {
        subscribers.put(sessionId, new Subscriber(audience, outbox));
        if (outbox.isClosed()) {
            // Closed while being registered: its onClosed has already run, so remove it here.
            subscribers.remove(sessionId);
        }
    }

    public void unsubscribe(String sessionId) {
        Subscriber removed = subscribers.remove(sessionId);
        if (removed != null) {
            removed.outbox().discard();
        }
    }

    public boolean isSubscribed(String sessionId) {
        return subscribers.containsKey(sessionId);
    }

    /** Queues a message for one client, after the events already queued for it. */
    public boolean send(String sessionId, String text) {
        Subscriber subscriber = subscribers.get(sessionId);
        return subscriber != null && subscriber.outbox().offer(text);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void publish(CallNotification notification) {
        if (subscribers.isEmpty()) {
            return;
        }
        String text = null;
        for (Subscriber subscriber : subscribers.values()) {
            if (!subscriber.audience().sees(notification.channel())) {
                continue;
            }
            if (text == null) {
                text = serialize(notification);
                if (text == null) {
                    return;
                }
            }
            subscriber.outbox().offer(text);
        }
    }

    @Override
    public void publish(TenantEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String text = null;
        for (Subscriber subscriber : subscribers.values()) {
            if (!subscriber.audience().sees(event)) {
                continue;
            }
            if (text == null) {
                text = serialize(event);
                if (text == null) {
                    return;
                }
            }
            subscriber.outbox().offer(text);
        }
    }

    private String serialize(TenantEvent event) {
        try {
            return json.writeValueAsString(EventJson.TenantEventMessage.of(event));
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not serialise the {} event of tenant {}", event.type(), event.tenant(), e);
            return null;
        }
    }

    private String serialize(CallNotification notification) {
        try {
            return json.writeValueAsString(EventJson.CallEvent.of(notification));
        } catch (IOException | RuntimeException e) {
            // Losing one event beats breaking call tracking for everybody.
            LOG.error("Could not serialise the {} event of leg {}", notification.type(), notification.channel().uuid(), e);
            return null;
        }
    }

    private record Subscriber(EventAudience audience, SessionOutbox outbox) {
    }
}
