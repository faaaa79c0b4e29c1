package com.cloudpbx.core.events.port;

import com.cloudpbx.core.events.CallNotification;

/** Port: fans notifications out to every subscriber of the tenant (WebSocket clients, webhooks). */
public interface EventPublisher {

    void publish(CallNotification notification);
}
