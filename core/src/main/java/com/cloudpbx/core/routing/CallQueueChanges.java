package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueueDraft.AgentDraft;
import com.cloudpbx.core.shared.Change;
import java.util.List;

/** A partial update of a queue: absent fields stay; agents, when present, replace the list. */
public record CallQueueChanges(Change<String> name, Change<String> strategy, Change<Integer> maxWaitSeconds,
                               Change<String> moh, Change<String> timeoutAction, Change<String> timeoutTarget,
                               Change<List<AgentDraft>> agents) {
}
