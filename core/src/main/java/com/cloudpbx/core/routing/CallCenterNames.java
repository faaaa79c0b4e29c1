package com.cloudpbx.core.routing;

import java.util.UUID;

/**
 * How queues and agents are named on the media server (mod_callcenter), one rule for the API and
 * for the rendered configuration: a queue is {@code <queue id>@<tenant sip domain>}, an agent
 * {@code <extension number>@<tenant sip domain>}. Ids rather than names keep a renamed queue the
 * same queue; the domain keeps tenants apart on a shared switch.
 */
public final class CallCenterNames {

    private CallCenterNames() {
    }

    public static String queue(UUID queueId, String sipDomain) {
        return queueId + "@" + sipDomain;
    }

    public static String agent(String extension, String sipDomain) {
        return extension + "@" + sipDomain;
    }
}
