package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import java.util.EnumSet;

/** Route targets as two columns: the action's wire name and the target text (null for hangup). */
final class StoredTargets {

    private StoredTargets() {
    }

    static RouteTarget read(String action, String target) {
        return new RouteTarget(RouteAction.parse(action, "action", EnumSet.allOf(RouteAction.class)), target);
    }
}
