package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.CallNotification;

/** Port: fans notifications out to every subscriber of the tenant (WebSocket clients, webhooks). */
public interface EventPublisher {

    void publish(CallNotification notification);
}
