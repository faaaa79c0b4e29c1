package com.cloudpbx.core.routing;

import java.util.List;

/** A call queue as a client sent it, unchecked; null means not sent (defaults apply on create). */
public record CallQueueDraft(String name, String strategy, Integer maxWaitSeconds, String moh,
                             String timeoutAction, String timeoutTarget, List<AgentDraft> agents) {

    /** An agent as sent: the extension number and its tier. */
    public record AgentDraft(String extension, Integer tierLevel, Integer tierPosition) {
    }
}
