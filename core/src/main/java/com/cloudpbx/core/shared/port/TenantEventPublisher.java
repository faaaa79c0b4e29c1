package com.cloudpbx.core.shared.port;

import com.cloudpbx.core.shared.TenantEvent;

/**
 * Port: fans a tenant's non-call events out to its subscribers (WebSocket clients), each seeing
 * only its tenant, a user principal only its own extension's. Never blocks on a subscriber and
 * never throws: losing an event must not undo the change that raised it.
 */
public interface TenantEventPublisher {

    void publish(TenantEvent event);
}
