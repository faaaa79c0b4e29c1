package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.Change;
import java.util.List;

/**
 * What a client sent for a ring group, unchecked. On create an absent field takes its default; on
 * update an absent field ({@link Change#absent()}) is left as it is, and members, when sent,
 * replace the whole list.
 */
public record RingGroupRequest(Change<String> name, Change<String> strategy, Change<Integer> ringTimeout,
                               Change<String> noAnswerAction, Change<String> noAnswerTarget,
                               Change<List<Member>> members) {

    /** One member as sent: null priority and delay take their defaults. */
    public record Member(String extension, Integer priority, Integer delaySeconds) {
    }
}
